"""Count tables that say "nothing found" in other shapes: circles before the level names
(`| 🔴 Critical | 0 |`), the counts in one row under a header of levels, and a count table
followed by the same thing in words ("No findings — a clean change.").

Each was findings text that could not be read, so a clean review's verdict was Unverified.
A count that is not zero, or words that name a problem, still leave the text unread.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_TOP = "## Executive Summary\n\nRenames the queue helpers; behaviour is unchanged.\n\n"
_CIRCLES = (
    _TOP + "## Findings\n\n| Severity | Count |\n|---|---|\n| 🔴 Critical | 0 |\n"
    "| 🟠 Important | 0 |\n| 🟢 Suggestion | 0 |\n\n## Verdict\n\nMerge as-is.\n"
)


def _clean(text: str) -> bool:
    review = parse_review(text, seat="alpha")
    return not review.findings and not review.unread_findings


def test_circles_before_the_level_names() -> None:
    assert _clean(_CIRCLES)


def test_counts_in_one_row_under_the_levels() -> None:
    text = (
        _TOP
        + "## Findings\n\n| Critical | Important | Suggestions |\n|---|---|---|\n| 0 | 0 | 0 |\n"
    )
    assert _clean(text)


def test_a_count_table_then_none_in_words() -> None:
    text = (
        _TOP + "## Findings\n\n| Severity | Count |\n|---|---|\n| Critical | 0 |\n"
        "| Important | 0 |\n| Suggestion | 0 |\n\nNo findings: the rename is complete and tested.\n"
    )
    assert _clean(text)


def test_a_count_of_one_with_no_finding_is_still_unread() -> None:
    text = (
        _TOP
        + "## Findings\n\n| Critical | Important | Suggestions |\n|---|---|---|\n| 0 | 1 | 0 |\n"
    )
    assert parse_review(text, seat="alpha").unread_findings


def test_a_problem_after_the_zero_table_is_still_unread() -> None:
    text = (
        _TOP + "## Findings\n\n| Severity | Count |\n|---|---|\n| 🔴 Critical | 0 |\n"
        "| 🟠 Important | 0 |\n\n`queue/pool.py:14` leaks the worker handle when `start()` fails.\n"
    )
    assert parse_review(text, seat="alpha").unread_findings


def test_the_clean_review_merges_as_is(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _CIRCLES})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
