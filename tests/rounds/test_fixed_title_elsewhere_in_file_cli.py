"""Round 3: a finding under the title of one round 2 closed as fixed, far from that finding's
lines and about other code of its file (`ratio`'s zero divisor 36 lines below the fixed one in
`div`), is new. Before, the closed finding kept its file and title only: `ratio`'s was tagged
`(Round 1 I1, fixed in round 2, raised again)`, as if `div`'s guard had gone, and counted as
no new finding. The closed finding's lines follow the code (four lines added above `div` in
round 3): raised at `div`'s line now, it is still the fixed one raised again. All through the
real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, ROUND2_FIXED, run_round, stored

_HEADER = "# Division helpers.\n# Both divide.\n# Neither rounds.\n# Kept small.\n"
_GUARDED = "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n"
_FILLER = "".join(f"\n\ndef f{n}():\n    return {n}\n" for n in range(8))
_RATIO = "\n\ndef ratio(x, y):\n    return x / y\n"
_ZERO = "I1. **Division by zero is not handled** — `calc.py:{line}` (important, regression)\n\n"


def _line(text: str, code: str) -> int:
    return text.splitlines().index(code) + 1


def _third(tmp_path: Path, calc: str, item: str) -> dict[str, Any]:
    """Round 1 raises I1 at `div` (calc.py:3), round 2 finds it fixed, round 3 reviews `calc`
    and its seat raises `item`."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", _GUARDED)
    commit_all(repo, "Guard the divisor")
    run_round(fakes, repo, ROUND2_FIXED)
    write(repo, "calc.py", calc)
    commit_all(repo, "Add ratio far below")
    review = NO_FINDINGS.format(summary="About `calc.py`.").replace(
        "### Important Issues\n\nNone.", f"### Important Issues\n\n{item}"
    )
    out = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    return data


def test_the_fixed_title_at_other_code_far_below_is_new(tmp_path: Path) -> None:
    calc = _HEADER + _GUARDED + _FILLER + _RATIO
    line = _line(calc, "    return x / y")
    item = _ZERO.format(line=line) + "`ratio(1, 0)` raises ZeroDivisionError."
    data = _third(tmp_path, calc, item)
    assert [(f["locations"][0]["start"], f["carry_forward"]) for f in data["findings"]] == [
        (line, "new")
    ]
    assert data["round_info"]["new_findings"] == ["I1"]


def test_raised_again_at_the_fixed_lines_moved_down_it_is_the_fixed_one(tmp_path: Path) -> None:
    """`div`'s guard gone, four lines added above it: raised at its line now (7), the fixed
    finding (recorded at line 3) is raised again, whatever the code below."""
    calc = _HEADER + "def div(a, b):\n    # divide\n    return a / b\n" + _FILLER + _RATIO
    line = _line(calc, "    return a / b")
    item = _ZERO.format(line=line) + "Dividing by a zero divisor raises ZeroDivisionError."
    data = _third(tmp_path, calc, item)
    assert [f["carry_forward"] for f in data["findings"]] == [
        "Round 1 I1, fixed in round 2, raised again"
    ]


def test_raised_again_far_from_its_lines_naming_its_code_it_is_the_fixed_one(
    tmp_path: Path,
) -> None:
    """A seat placing it at `ratio`'s line but naming `div` raises the fixed finding again."""
    calc = _HEADER + "def div(a, b):\n    # divide\n    return a / b\n" + _FILLER + _RATIO
    item = _ZERO.format(line=_line(calc, "    return x / y")) + "`div(1, 0)` raises again."
    data = _third(tmp_path, calc, item)
    assert [f["carry_forward"] for f in data["findings"]] == [
        "Round 1 I1, fixed in round 2, raised again"
    ]
