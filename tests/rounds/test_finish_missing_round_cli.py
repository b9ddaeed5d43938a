"""`finish` into a store that does not hold the previous round the seats were asked about (a
CI cache restored from another entry, or evicted between the seat jobs and `finish`): the
seats' fix verdicts are about that round's findings, so it is refused (exit 2, one line, nothing
stored) unless `--as-first-round` says to finish without it; into the store that holds it,
the report compares with that round. Through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND2_FIXED


def _seat_result(tmp_path: Path) -> tuple[Fakes, Path, dict[str, str], Path, str]:
    """Round 1 stored; then a seat-only run asked about it (its result in `out`)."""
    fakes, repo, round1 = first_round(tmp_path)
    first: str = round1["review_id"]
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    review = tmp_path / "fixed.md"
    review.write_text(ROUND2_FIXED, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review))})
    out = tmp_path / "seat-alpha"
    env = fakes.env()
    seat = run_cli(["review", "--seat-only", "alpha", "--out", str(out)], cwd=repo, env=env)
    assert seat.returncode == 0, seat.stderr
    assert json.loads((out / "seat-result.json").read_text())["previous_round"] == first
    return fakes, repo, env, out, first


def test_a_store_without_the_round_is_refused_unless_told(tmp_path: Path) -> None:
    _, repo, env, out, first = _seat_result(tmp_path)
    other = tmp_path / "other-store"
    args = ["finish", "--from", str(out), "--lead", "none", "--json", "--store", str(other)]
    res = run_cli(args, cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"the seats were asked about review {first} as the previous round" in line, line
    assert f"which the review store {other} does not hold" in line, line
    assert "--store" in line and "--as-first-round" in line, line
    assert not other.exists()  # nothing written, not even an empty store

    res = run_cli([*args, "--as-first-round"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["header"]["round"].startswith("1"), report["header"]["round"]
    md = " ".join(Path(res.json()["paths"]["md"]).read_text(encoding="utf-8").split())
    assert (
        f"The seats were asked about review {first} as the previous round, which this review "
        "store does not hold; finished as a first round (--as-first-round): their fix "
        "verdicts are not compared."
    ) in md


def test_the_store_that_holds_the_round_is_compared_with(tmp_path: Path) -> None:
    _, repo, env, out, first = _seat_result(tmp_path)
    res = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["header"]["round"].startswith("2 "), report["header"]["round"]
    info = report["round_info"]
    assert info["previous_review_id"] == first
    assert [(v["prior_id"], v["verdict"]) for v in info["fix_verdicts"]] == [("I1", "fixed")]
    # An option for a store that lacks the round changes nothing when it holds it.
    again = run_cli(
        ["finish", "--from", str(out), "--lead", "none", "--json", "--as-first-round"],
        cwd=repo,
        env=env,
    )
    assert again.returncode == 0, again.stderr
    assert again.json()["review_id"] == res.json()["review_id"]  # the same results: that review


def test_a_store_that_lost_the_round_is_refused_too(tmp_path: Path) -> None:
    """The store is there but no longer holds the round (deleted, or an older cache): no other
    round of the series stands in for it."""
    fakes, repo, env, out, first = _seat_result(tmp_path)
    gone = run_cli(["delete", first, "--yes"], cwd=repo, env=env)
    assert gone.returncode == 0, gone.stderr
    before = sorted(p.name for p in fakes.store.iterdir())
    res = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"review {first} as the previous round, which the review store" in line, line
    assert sorted(p.name for p in fakes.store.iterdir()) == before
