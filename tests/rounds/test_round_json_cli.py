"""`review --json` and `finish --json` name the review's round: its number, its series, the
review it compares with and what it did with the earlier rounds' findings (`round`), so CI
need not open the stored JSON report. Round 1 has one too; a review in no series has none.
Through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import NO_FINDINGS, make_branch_repo, run_round, stored

_GUARDED = "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n"
_FLOAT = (
    "I1. **`div` returns a float for integer operands** — `calc.py:3` (important, regression)"
    "\n\n`div(4, 2)` gives `2.0`, so a caller indexing a list with it fails."
)


def _round(*, number: int, series: str | None, previous: str | None, **counts: int) -> dict:
    zero = dict.fromkeys(
        ("carried", "reopened", "raised_again", "new", "fixed", "closed", "declined"), 0
    )
    return {
        "number": number,
        "series": series,
        "previous_review_id": previous,
        "previous_number": None if previous is None else number - 1,
        **zero,
        **counts,
    }


def _review(item: str, verdicts: str) -> str:
    text = NO_FINDINGS.format(summary="About `div`.").replace(
        "### Important Issues\n\nNone.", f"### Important Issues\n\n{item}"
    )
    return f"{text}\n## Round 2 Fix Verdicts\n\n{verdicts}\n"


def test_each_round_names_its_number_series_and_counts(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    assert first["round"] == _round(number=1, series="branch:feature", previous=None, new=1)

    write(repo, "calc.py", _GUARDED)
    commit_all(repo, "Guard the divisor")
    second = run_round(fakes, repo, _review(_FLOAT, "- I1: fixed — guarded"))
    assert second["round"] == _round(
        number=2, series="branch:feature", previous=first["review_id"], new=1, fixed=1
    )
    # The same counts the stored report holds.
    info = json.loads(stored(fakes, second["review_id"], ".json"))["round_info"]
    assert info["new_findings"] == ["I1"]

    write(repo, "calc.py", _GUARDED + "\n\ndef half(x):\n    return x / 2\n")
    commit_all(repo, "Add half")
    zero = (
        "I2. **Division by zero is not handled** — `calc.py:3` (important, regression)\n\n"
        "`div(1, 0)` raises ZeroDivisionError: the guard reads `b` after dividing."
    )
    third = run_round(
        fakes, repo, _review(f"{_FLOAT}\n\n{zero}", "- I1: not fixed — still a float")
    )
    assert third["round"] == _round(
        number=3, series="branch:feature", previous=second["review_id"], carried=1, raised_again=1
    )


def test_finish_names_the_round_too(tmp_path: Path) -> None:
    fakes, repo, round1 = first_round(tmp_path)
    first = round1["review_id"]
    write(repo, "calc.py", _GUARDED)
    commit_all(repo, "Guard the divisor")
    review = tmp_path / "fixed.md"
    review.write_text(_review(_FLOAT, "- I1: fixed"), encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review))})
    out = tmp_path / "seat-alpha"
    env = fakes.env()
    seat = run_cli(["review", "--seat-only", "alpha", "--out", str(out)], cwd=repo, env=env)
    assert seat.returncode == 0, seat.stderr
    res = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    doc: dict[str, Any] = res.json()
    assert doc["round"] == _round(number=2, series="branch:feature", previous=first, new=1, fixed=1)


def test_a_review_in_no_series_has_no_round(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    write(repo, "calc.py", _GUARDED)
    fakes.write_config({"alpha": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "alpha", "--uncommitted")
    assert res.returncode == 0, res.stderr
    assert res.json()["round"] is None
