"""`### Security` / `### Correctness` subsections under `## Findings` that say all is well.

A review that walks its topics ("No security concerns: inputs are validated by the schema.",
"Correctness looks good.") and finds nothing in any has said it found nothing: that is no
findings text we could not read. A subsection that names a problem at a place is still findings
text (unread when it is no finding we can read), and a finding listed under one is still read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_HEAD = "## Executive Summary\n\nThe change adds `sub` and `shout`.\n\n## Findings\n\n"
CLEAN = {
    "three-topics": (
        _HEAD + "### Security\n\nNo security concerns: inputs are validated by `check()` "
        "before they reach `sub`.\n\n### Correctness\n\nCorrectness looks good.\n\n"
        "### Performance\n\nNo performance issues.\n\n## Verdict\n\nMerge as-is.\n"
    ),
    "bold-topics": (
        _HEAD + "**Error handling**\n\nError handling is correct: the helpers raise on bad "
        "input.\n\n"
        "**Tests**\n\nLooks fine: both helpers have a test.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_topics_that_say_all_is_well_are_clean(name: str) -> None:
    review = parse_review(CLEAN[name], seat="alpha")
    assert not review.findings and not review.unread_findings, review.unread_findings


def test_the_verdict_of_a_review_whose_topics_are_all_well(tmp_path: Path) -> None:
    res, out, report = review_printed(
        tmp_path, {"alpha": CLEAN["three-topics"]}, "--fail-on", "important"
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert "could not be read" not in verdict["reason"], verdict
    assert res.returncode == 0, res.stderr


_PROBLEM_AT_A_PLACE = (
    _HEAD + "### Security\n\nNo security concerns.\n\n### Correctness\n\n"
    "`calc.py:5` subtracts the wrong way round, so `sub(3, 1)` is -2.\n"
)


def test_a_topic_that_names_a_problem_at_a_place_is_still_unread(tmp_path: Path) -> None:
    review = parse_review(_PROBLEM_AT_A_PLACE, seat="alpha")
    assert review.unread_findings and "`calc.py:5`" in review.unread_findings[0]
    _res, _out, report = review_printed(tmp_path, {"alpha": _PROBLEM_AT_A_PLACE})
    assert "Alpha's findings could not be read" in report["header"]["verdict"]["reason"]


def test_a_finding_under_a_topic_beside_clean_topics_is_read() -> None:
    text = (
        _HEAD + "### Security\n\nNo security concerns.\n\n### Correctness\n\n"
        "1. **`sub` is inverted** — `calc.py:5`: `sub(3, 1)` is -2, not 2.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["`sub` is inverted"]
    assert not review.unread_findings, review.unread_findings
