"""A findings section that says "No findings." and then, in a later sentence of the same
paragraph, tells a fault at a place with a line (`One thing outside the counts: `auth.py:31`
… is vulnerable to a timing attack`) has not said it found nothing: the text is findings text
that could not be read (the verdict says so), not a clean review — with or without a count
table of zeros above it (`none_statements.says_none`)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

TABLE = (
    "| Severity | Count |\n|---|---|\n| 🔴 Critical | 0 |\n| 🟡 Important | 0 |\n"
    "| 🟢 Suggestion | 0 |\n\n"
)
FAULT = (
    "No findings. One thing outside the counts: `auth.py:31` compares the token with `==`, "
    "which is vulnerable to a timing attack."
)


def review(body: str) -> str:
    return (
        "## Executive Summary\n\nAdds token auth.\n\n"
        f"## Findings\n\n{body}\n\n## Verdict\n\nMerge as-is.\n"
    )


@pytest.mark.parametrize("table", ["", TABLE])
def test_a_fault_at_a_place_after_no_findings_is_not_clean(table: str) -> None:
    r = parse_review(review(table + FAULT), seat="s")
    assert r.unread_findings or r.findings, r.unparsed


@pytest.mark.parametrize(
    "after",
    [
        "No findings. The leak at `pool.py:31` from round 1 is fixed.",
        "No findings. I checked `pool.py:31` for the off-by-one; it is correct.",
        "No findings. The race at `pool.py:31` predates this change.",
    ],
)
def test_no_findings_then_a_settled_place_stays_clean(after: str) -> None:
    for table in ("", TABLE):
        r = parse_review(review(table + after), seat="s")
        assert not r.unread_findings and not r.findings, (table, r.unread_findings)
