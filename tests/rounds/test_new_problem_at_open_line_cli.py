"""Round 2: a new problem reported at the line of a round-1 finding still open is a new
finding, not that finding raised again in other words. The two share the line, the function
and the grade, which scores as a link; but one names a failure (a zero divisor) the other
never mentions (a float result): two problems. Before, the new one took the round-1 finding's
place (`(Round 1 I1, not fixed)` under the new title) and the zero-divisor finding's title was
gone from the report's findings. All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, ROUND1, make_branch_repo, run_round, stored

_FLOAT = (
    "**`div` returns a float for integer operands** — `calc.py:3` (important, regression)\n\n"
    "`div(4, 2)` gives `2.0`, so callers that index a list with the result fail with TypeError."
)
_NOT_FIXED = "\n## Round 2 Fix Verdicts\n\n- I1: not fixed — `calc.py:3` still divides by `b`\n"
_ROUND1_FLOAT = NO_FINDINGS.format(summary="`div` changes its result type.").replace(
    "### Important Issues\n\nNone.", f"### Important Issues\n\nI1. {_FLOAT}"
)
_ZERO_NOW = (
    "**A zero divisor crashes `div`** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError; verified by running it."
)


def _review(item: str, verdicts: str = "") -> str:
    return (
        NO_FINDINGS.format(summary="About `div`.").replace(
            "### Important Issues\n\nNone.", f"### Important Issues\n\nI1. {item}"
        )
        + verdicts
    )


def _second_round(tmp_path: Path, first: str, second: str) -> dict[str, Any]:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    run_round(fakes, repo, first)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    out = run_round(fakes, repo, second)
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    return data


def test_a_new_problem_at_the_line_of_an_open_finding_is_reported_beside_it(
    tmp_path: Path,
) -> None:
    data = _second_round(tmp_path, ROUND1, _review(_FLOAT, _NOT_FIXED))
    tags = {f["title"]: f["carry_forward"] for f in data["findings"]}
    assert tags == {
        "Division by zero is not handled": "Round 1 I1, not fixed",
        "`div` returns a float for integer operands": "new",
    }
    [v] = data["round_info"]["fix_verdicts"]
    assert v["raised_again"] is False
    assert len(data["round_info"]["new_findings"]) == 1


def test_a_crash_at_the_line_of_an_open_result_type_finding_is_new(tmp_path: Path) -> None:
    """The other way round: round 1 said the result is a float; round 2 names a crash the
    float finding never mentions."""
    verdict = "\n## Round 2 Fix Verdicts\n\n- I1: not fixed — still `a / b`\n"
    data = _second_round(tmp_path, _ROUND1_FLOAT, _review(_ZERO_NOW, verdict))
    tags = {f["title"]: f["carry_forward"] for f in data["findings"]}
    assert tags == {
        "`div` returns a float for integer operands": "Round 1 I1, not fixed",
        "A zero divisor crashes `div`": "new",
    }


def test_the_same_failure_in_other_words_is_still_the_open_finding(tmp_path: Path) -> None:
    """What keeps them apart is the failure named, not the wording: the zero divisor said
    again in other words is round 1's finding, carried once."""
    data = _second_round(tmp_path, ROUND1, _review(_ZERO_NOW, _NOT_FIXED))
    assert [(f["title"], f["carry_forward"]) for f in data["findings"]] == [
        ("A zero divisor crashes `div`", "Round 1 I1, not fixed")
    ]
