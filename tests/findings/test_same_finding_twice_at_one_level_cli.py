"""One finding a review tells twice at the same level, under two IDs, is one finding.

Tried as a new user would: a review listing `I1` and then `I2` with the same title, the same
place and the same text (a model repeating itself) gave the report two Important findings
from one reviewer, and its retro counted 2I for it. A repeat at two levels was already one
finding (`repeats.level_repeats`); at one level only a repeated ID or an untitled repeat was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

_ONE = "### {id}. `sub` ignores its second argument — `calc.py:5`\n\n{text}\n\n"
_OTHER = "### {id}. `shout` drops non-ASCII letters — `util/strings.py:2`\n\nIt uses `upper`.\n\n"
_TEXT = "It returns `a` alone, so every caller gets the wrong difference."


def _review(second_text: str, other: str = "I3") -> str:
    return (
        "## Summary\n\nAdds `sub` and `shout`.\n\n## Important Issues\n\n"
        + _ONE.format(id="I1", text=_TEXT)
        + _ONE.format(id="I2", text=second_text)
        + _OTHER.format(id=other)
        + "## Suggestions\n\nNone.\n"
    )


REPEATED = {
    "same-text": _TEXT,
    "points-back": "Same as I1.",
}


@pytest.mark.parametrize("name", sorted(REPEATED))
def test_a_finding_told_twice_at_one_level_counts_once(tmp_path: Path, name: str) -> None:
    _, out, report = review_printed(tmp_path, {"alpha": _review(REPEATED[name])})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    titles = [f["title"] for f in report["findings"]]
    assert titles == ["`sub` ignores its second argument", "`shout` drops non-ASCII letters"]
    assert _TEXT in report["findings"][0]["body"]
    numbers = report["retro"]["seats"][0]["numbers"]
    assert (numbers["critical"], numbers["important"], numbers["suggestion"]) == (0, 2, 0)


def test_two_findings_at_one_place_that_say_different_things_stay_two(tmp_path: Path) -> None:
    other = "It also never checks that `b` is a number, so `sub(1, None)` raises."
    _, _, report = review_printed(tmp_path, {"alpha": _review(other)})
    assert len(report["findings"]) == 3, [f["title"] for f in report["findings"]]
