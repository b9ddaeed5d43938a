"""Round 2: two round-1 findings at one line, both raised again in other words. Each is paired
with the finding of this round that is most like it (the best-scoring pairs first), not the
first prior finding with the first this-round finding that passes the link threshold: "`div`
returns a float" took the zero-divisor finding of its line before the zero-divisor finding's
own prior got its turn (tr62, first-come matching). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, make_branch_repo, run_round, stored

_FLOAT = (
    "I{n}. **`div` returns a float for integer operands** — `calc.py:3` (important, regression)"
    "\n\n`div(4, 2)` gives `2.0`, so callers that index a list with the result fail with "
    "TypeError."
)
_ZERO = (
    "I{n}. **Division by zero is not handled** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError; verified by running it."
)
_FLOAT_AGAIN = (
    "I{n}. **`div` result cannot be used as a list index** — `calc.py:3` "
    "(important, regression)\n\n`div(4, 2)` is `2.0`, a float: `items[div(4, 2)]` fails with "
    "TypeError."
)
_ZERO_AGAIN = (
    "I{n}. **A zero divisor crashes `div`** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError."
)


def _review(*items: str) -> str:
    listed = "\n\n".join(item.format(n=n) for n, item in enumerate(items, 1)) or "None."
    return NO_FINDINGS.format(summary="About `div`.").replace(
        "### Important Issues\n\nNone.", f"### Important Issues\n\n{listed}"
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


def _tags(data: dict[str, Any]) -> dict[str, str]:
    return {f["title"]: f["carry_forward"] for f in data["findings"]}


def test_two_findings_of_one_line_raised_again_are_each_their_own(tmp_path: Path) -> None:
    """Round 1: I1 the float, I2 the zero divisor. The zero-divisor re-raise scores higher with
    I1 than the float re-raise does, but far higher with I2: it is I2 raised again."""
    data = _second_round(tmp_path, _review(_FLOAT, _ZERO), _review(_ZERO_AGAIN, _FLOAT_AGAIN))
    assert _tags(data) == {
        "`div` result cannot be used as a list index": "Round 1 I1, raised again",
        "A zero divisor crashes `div`": "Round 1 I2, raised again",
    }
    assert data["round_info"]["new_findings"] == []
    carried = {v["prior_id"]: v["raised_again"] for v in data["round_info"]["fix_verdicts"]}
    assert carried == {"I1": True, "I2": True}


def test_one_finding_raised_again_beside_a_new_one_of_its_line(tmp_path: Path) -> None:
    """One prior finding, raised again in other words, and another problem at its line: the
    re-raise carries it, the other problem is new."""
    data = _second_round(tmp_path, _review(_ZERO), _review(_FLOAT_AGAIN, _ZERO_AGAIN))
    assert _tags(data) == {
        "`div` result cannot be used as a list index": "new",
        "A zero divisor crashes `div`": "Round 1 I1, raised again",
    }


def test_one_finding_raised_again_alone_is_still_the_prior_one(tmp_path: Path) -> None:
    data = _second_round(tmp_path, _review(_ZERO), _review(_ZERO_AGAIN))
    assert _tags(data) == {"A zero divisor crashes `div`": "Round 1 I1, raised again"}
