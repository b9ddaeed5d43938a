"""A count table (`| Severity | Count |`, `| Important | 2 |`) above the findings it counts.

The table sums up the findings read after it: when its counts match them it is no findings text
we could not read. When they disagree (the table counts a finding we did not read), it is.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _review(critical: int, important: int, suggestion: int) -> str:
    return (
        "## Executive Summary\n\nThe change adds `sub` and `shout`.\n\n## Findings\n\n"
        "| Severity | Count |\n|---|---|\n"
        f"| Critical | {critical} |\n| Important | {important} |\n| Suggestion | {suggestion} |\n\n"
        "### Important Issues\n\n"
        "1. **`sub` is inverted** — `calc.py:5`: `sub(3, 1)` is -2, not 2.\n"
        "2. **`shout` drops the last letter** — `util/strings.py:3`: the slice stops one "
        "short.\n\n### Suggestions\n\n1. **Name the constant** — `calc.py:1`: `K` says nothing.\n"
    )


def test_a_count_table_that_matches_the_findings_is_no_unread_text() -> None:
    review = parse_review(_review(0, 2, 1), seat="alpha")
    assert [f.id for f in review.findings] == ["I1", "I2", "S1"]
    assert not review.unread_findings, review.unread_findings
    assert not any("not a finding" in w for w in review.warnings), review.warnings


def test_the_verdict_of_a_review_with_a_matching_count_table(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _review(0, 2, 1)})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
    assert "could not be read" not in verdict["reason"], verdict


def test_a_count_table_that_counts_more_than_was_read_is_unread_text() -> None:
    # it counts three important findings; we read two: one is somewhere we could not read
    review = parse_review(_review(0, 3, 1), seat="alpha")
    assert review.unread_findings and "| Important | 3 |" in review.unread_findings[0]
    review = parse_review(_review(1, 2, 1), seat="alpha")
    assert review.unread_findings and "| Critical | 1 |" in review.unread_findings[0]
