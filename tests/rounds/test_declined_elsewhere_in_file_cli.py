"""A decline takes the finding it declined, not every finding of its title in its file: the
same problem raised far from the declined lines, about other code (`ratio`'s zero divisor, 36
lines below the declined one in `div`), is a new finding. Before, any finding of the file under
the declined title was left out as declined, so declining one division hid every other one
there. All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, run_round, stored

_DIV = "def div(a, b):\n    # divide\n    return a / b\n"
# `ratio`, far below `div` (which stays at lines 1-3)
_FAR = (
    _DIV
    + "".join(f"\n\ndef f{n}():\n    return {n}\n" for n in range(8))
    + "\n\ndef ratio(x, y):\n    return x / y\n"
)
_RATIO_LINE = _FAR.splitlines().index("    return x / y") + 1
_ZERO = "I{n}. **Division by zero is not handled** — `calc.py:{line}` (important, regression)\n\n"
_RATIO = _ZERO + "`ratio(1, 0)` raises ZeroDivisionError."
_DIV_AGAIN = _ZERO + "`div(1, 0)` raises ZeroDivisionError; verified by running it."


def _review(*items: str) -> str:
    return ROUND1.split("### Important Issues", 1)[0] + (
        "### Important Issues\n\n" + "\n\n".join(items) + "\n\n### Suggestions\n\nNone.\n"
    )


def _declined_then(tmp_path: Path, code: str, review: str) -> dict[str, Any]:
    """Round 1 raises div's zero divisor (calc.py:3), the author declines it; calc.py becomes
    `code`; round 2 prints `review`."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", code)
    commit_all(repo, "More code")
    out = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    return data


def test_the_declined_title_at_other_code_far_below_is_new(tmp_path: Path) -> None:
    data = _declined_then(tmp_path, _FAR, _review(_RATIO.format(n=1, line=_RATIO_LINE)))
    assert [(f["locations"][0]["start"], f["carry_forward"]) for f in data["findings"]] == [
        (_RATIO_LINE, "new")
    ]
    [declined] = data["round_info"]["declined"]
    assert (declined["raised_again"], declined["left_out_as"]) == (False, "")


def test_beside_the_declined_one_raised_again_each_is_what_it_is(tmp_path: Path) -> None:
    review = _review(_DIV_AGAIN.format(n=1, line=3), _RATIO.format(n=2, line=_RATIO_LINE))
    data = _declined_then(tmp_path, _FAR, review)
    assert [(f["locations"][0]["start"], f["carry_forward"]) for f in data["findings"]] == [
        (_RATIO_LINE, "new")
    ]
    [declined] = data["round_info"]["declined"]
    assert (declined["raised_again"], declined["left_out_as"]) == (True, "I1")


def test_far_from_its_lines_but_about_its_code_it_is_still_declined(tmp_path: Path) -> None:
    """Thirty lines added inside `div`, above its division (the decline follows it to line
    33); a seat raises it at `div`'s first line, naming `div`: the declined finding."""
    body = "".join(f"    x{n} = {n}\n" for n in range(30))
    code = "def div(a, b):\n    # divide\n" + body + "    return a / b\n"
    data = _declined_then(tmp_path, code, _review(_DIV_AGAIN.format(n=1, line=1)))
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert (declined["location"], declined["raised_again"]) == ("calc.py:33", True)
