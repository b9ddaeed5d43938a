"""Round 3 raises again, under its exact title, a finding round 2 closed as fixed, while another
finding of its line stays open from round 2 and no seat raises that one again. The re-raise is
the closed finding's, not the open one's raised in other words: before, the open finding (same
line, both about `div`) took it through the likeness rule, its own title vanished from the
report and the reintroduced bug was "not fixed" (tr64 #1). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, make_branch_repo, run_round, stored

_ZERO = (
    "I{n}. **Division by zero is not handled** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError in `div`; verified by running it."
)
_FLOAT = (
    "I{n}. **`div` returns a float for integer operands** — `calc.py:3` (important, regression)"
    "\n\n`div(4, 2)` gives `2.0` from `div`, so callers that index a list with it fail."
)


def _review(*items: str, verdicts: str = "") -> str:
    listed = "\n\n".join(item.format(n=n) for n, item in enumerate(items, 1)) or "None."
    text = NO_FINDINGS.format(summary="About `div`.").replace(
        "### Important Issues\n\nNone.", f"### Important Issues\n\n{listed}"
    )
    return f"{text}\n## Fix Verdicts\n\n{verdicts}\n" if verdicts else text


def _third_round(tmp_path: Path, third: str) -> dict[str, Any]:
    """Round 1: I1 zero divisor, I2 float, both at calc.py:3. Round 2 guards the divisor (I1
    fixed, I2 not fixed, not raised again). Round 3 removes the guard and prints `third`."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    run_round(fakes, repo, _review(_ZERO, _FLOAT))
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Guard the divisor")
    second = run_round(fakes, repo, _review(verdicts="- I1: fixed\n- I2: not fixed"))
    r2: dict[str, Any] = json.loads(stored(fakes, second["review_id"], ".json"))
    assert [(f["title"], f["carry_forward"]) for f in r2["findings"]] == [
        ("`div` returns a float for integer operands", "Round 1 I2, not fixed")
    ]
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n")
    commit_all(repo, "Drop the guard")
    out = run_round(fakes, repo, third)
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    return data


def test_a_closed_finding_raised_again_by_title_is_not_taken_by_an_open_one(
    tmp_path: Path,
) -> None:
    data = _third_round(tmp_path, _review(_ZERO, verdicts="- I1: not fixed"))
    assert {f["title"]: f["carry_forward"] for f in data["findings"]} == {
        "Division by zero is not handled": "Round 1 I1, fixed in round 2, raised again",
        "`div` returns a float for integer operands": "Round 2 I1, not fixed",
    }
    assert data["round_info"]["new_findings"] == []


def test_the_open_one_raised_again_in_other_words_still_carries(tmp_path: Path) -> None:
    """What must stay: with no closed finding of that title, a re-raise in other words of the
    open finding is it."""
    reworded = (
        "I{n}. **`div` result cannot be used as a list index** — `calc.py:3` "
        "(important, regression)\n\n`div(4, 2)` is `2.0` from `div`: `items[div(4, 2)]` fails."
    )
    data = _third_round(tmp_path, _review(reworded, verdicts="- I1: not fixed"))
    assert {f["title"]: f["carry_forward"] for f in data["findings"]} == {
        "`div` result cannot be used as a list index": "Round 2 I1, not fixed",
    }
