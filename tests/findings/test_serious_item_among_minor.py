"""Under "No blocking issues. Minor:" the items are Suggestions, but one whose own words are
serious keeps its own level: a `[Critical]`/`[Important]`/`P1` tag, or data loss, a security
hole, a crash (important). The minor ones stay Suggestions (`lesser_items.serious_level`)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity


def review(item: str) -> str:
    return (
        "## Executive Summary\n\nAdds an export.\n\n## Findings\n\nNo blocking issues. Minor:\n\n"
        f"- `src/a.py:3` — the constant name is vague.\n- `src/a.py:9` — {item}\n\n"
        "## Verdict\n\nMerge.\n"
    )


@pytest.mark.parametrize(
    ("item", "level"),
    [
        ("[Important] the writer drops the last row.", Severity.IMPORTANT),
        ("[Critical] the token is logged in clear text.", Severity.CRITICAL),
        ("P1: the writer drops the last row.", Severity.IMPORTANT),
        ("the writer drops the last row, so every export loses data.", Severity.IMPORTANT),
        ("the temp file is world-readable, a security hole.", Severity.IMPORTANT),
        ("an empty table makes the writer crash.", Severity.IMPORTANT),
    ],
)
def test_a_serious_item_keeps_its_own_level(item: str, level: Severity) -> None:
    r = parse_review(review(item), seat="s")
    assert [(f.locations[0].start, f.severity) for f in r.findings] == [
        (3, Severity.SUGGESTION),
        (9, level),
    ], r.findings
    assert not r.findings[1].title.startswith("[")


@pytest.mark.parametrize(
    "item",
    ["the log line has no security impact but reads oddly.", "a typo in the docstring."],
)
def test_minor_items_stay_suggestions(item: str) -> None:
    r = parse_review(review(item), seat="s")
    assert {f.severity for f in r.findings} == {Severity.SUGGESTION}, r.findings
