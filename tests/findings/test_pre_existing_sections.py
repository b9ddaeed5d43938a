"""A section the seat keeps for problems the change did not introduce (`## Pre-existing issues
(not introduced by this PR)`, `## Pre-existing Issues`, `## Out of scope`): its graded items
(`- **[High] Title** — `calc.py:1`. Predates this change.`) are no findings of this change.
README: a passage saying its problem is pre-existing is no finding. They used to be this
change's findings: a review that asked for one optional rename read as "Merge with fixes"."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Executive Summary\n\nAdds a subtraction helper.\n\n"
    "## Critical Issues\n\nNone.\n\n## Important Issues\n\nNone.\n\n"
    "## Suggestions\n\n- **Name the temporary** — `calc.py:2` (suggestion)\n\n"
    "## Pre-existing issues (not introduced by this PR)\n\n"
    "- **[High] Division by zero on empty input** — `calc.py:9`. Predates this change.\n"
    "- **[Medium] No type hints on `add`** — `calc.py:1`.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Pre-existing issues (not introduced by this PR)",
        "Pre-existing Issues",
        "Preexisting problems",
        "Out of scope",
        "Issues not introduced by this change",
    ],
)
def test_graded_items_there_are_no_findings(title: str) -> None:
    text = _REVIEW.replace("Pre-existing issues (not introduced by this PR)", title)
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Name the temporary"]
    assert not review.unread_findings


def test_the_verdict_is_the_changes_own(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert [f["title"] for f in report["findings"]] == ["Name the temporary"]


# An item there that says this change brought it is the change's problem, filed in the wrong
# section: it is read (at least as findings text we cannot read), never dropped.
_MISFILED = (
    "## Executive Summary\n\nMoves the exporter.\n\n"
    "## Critical Issues\n\nNone.\n\n## Important Issues\n\nNone.\n\n## Suggestions\n\nNone.\n\n"
    "## Pre-existing issues (not introduced by this PR)\n\n"
    "- `export.py:10` — quotes in a cell are never escaped (present before).\n"
    "- `export.py:55` — **Regression:** this PR removed the `flush()` call, so the last "
    "batch is lost.\n"
)


def test_an_item_the_change_introduced_is_not_dropped() -> None:
    review = parse_review(_MISFILED, seat="alpha")
    assert review.findings or review.unread_findings, review


def test_a_misfiled_regression_is_no_merge_as_is(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _MISFILED})
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]


def test_a_sentence_denying_the_change_brought_them_keeps_the_section_aside() -> None:
    text = _REVIEW + "\nNone of these were introduced by this PR, and none is a regression.\n"
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Name the temporary"]
    assert not review.unread_findings
