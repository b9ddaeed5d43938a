"""Round 2: a finding of an open round-1 finding's title and file, far from its lines and about
other code (`ratio`'s zero divisor 36 lines below round 1's in `div`), is a new finding, not
round 1's raised again. Before, it took round 1's finding's place: one finding, tagged
`(Round 1 I1, not fixed)` at `ratio`'s line, stood for both problems, and `div`'s was gone from
the report. All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import ROUND1, run_round, stored

_FAR = (
    "def div(a, b):\n    # divide\n    return a / b\n"
    + "".join(f"\n\ndef f{n}():\n    return {n}\n" for n in range(8))
    + "\n\ndef ratio(x, y):\n    return x / y\n"
)
_RATIO_LINE = _FAR.splitlines().index("    return x / y") + 1
_ZERO = "I{n}. **Division by zero is not handled** — `calc.py:{line}` (important, regression)\n\n"


def _review(items: list[str], verdicts: str) -> str:
    return (
        ROUND1.split("### Important Issues", 1)[0]
        + "### Important Issues\n\n"
        + "\n\n".join(items)
        + "\n\n### Suggestions\n\nNone.\n\n## Round 2 Fix Verdicts\n\n"
        + verdicts
    )


def _second(tmp_path: Path, review: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", _FAR)
    commit_all(repo, "Add ratio far below")
    out = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    return data


def _places(data: dict[str, Any]) -> list[tuple[int, str]]:
    return sorted((f["locations"][0]["start"], f["carry_forward"]) for f in data["findings"])


def test_the_title_at_other_code_far_below_is_new_beside_the_open_one(tmp_path: Path) -> None:
    ratio = _ZERO.format(n=1, line=_RATIO_LINE) + "`ratio(1, 0)` raises ZeroDivisionError."
    data = _second(tmp_path, _review([ratio], "- I1: not fixed — `div` still divides by `b`\n"))
    assert _places(data) == [(3, "Round 1 I1, not fixed"), (_RATIO_LINE, "new")]


def test_raised_again_far_from_its_line_naming_its_code_it_is_carried(tmp_path: Path) -> None:
    """A seat placing it elsewhere in the file but naming `div` raises round 1's finding."""
    again = _ZERO.format(n=1, line=_RATIO_LINE) + "`div(1, 0)` still raises ZeroDivisionError."
    data = _second(tmp_path, _review([again], "- I1: not fixed\n"))
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, not fixed"]
