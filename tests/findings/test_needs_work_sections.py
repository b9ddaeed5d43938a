"""A free-form review's `## What needs work` section (also `## Areas for improvement`,
`## Issues to address`, `## Things to fix`): its place-led items are the review's findings.

Such a section was an ordinary one, its items (`1. `a.py:40` — a missing key raises …`) neither
findings nor unread text: with no verdict the seat failed as "unparseable review", with one the
problems were nowhere. Named for what must change, the section is read as `## Changes
requested` is: each item a finding, important unless it says otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _review(title: str) -> str:
    return (
        "## Executive Summary\nAdds a total helper.\n\n"
        "## What's good\n- `calc.py:1` — short and clear.\n\n"
        f"## {title}\n"
        "1. `calc.py:2` — an empty list raises `ZeroDivisionError` instead of returning 0.\n"
        "2. `calc.py:4` — the result is rounded twice, so totals drift by a cent.\n"
    )


@pytest.mark.parametrize(
    "title", ["What needs work", "Needs work", "Areas for improvement", "Issues to address"]
)
def test_the_sections_items_are_findings(title: str) -> None:
    review = parse_review(_review(title), seat="alpha")
    got = [(f.id, f.locations[0].path, f.locations[0].start) for f in review.findings]
    assert got == [("I1", "calc.py", 2), ("I2", "calc.py", 4)]


def test_a_strengths_section_of_the_same_shape_stays_praise() -> None:
    text = "## What's good\n- `calc.py:1` — short and clear.\n- `calc.py:3` — typed.\n"
    review = parse_review(text, seat="alpha")
    assert not review.findings and not review.unread_findings


def test_the_review_is_no_unparseable_one(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": _review("What needs work")})
    assert [s["status"] for s in out["seats"]] == ["ok"], res.stderr[-2000:]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
