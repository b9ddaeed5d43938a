"""A review stopped during its seats and resumed after another round ran takes the next number
(round 3 after round 2); the rounds after it follow the numbers, not the start times (trial
58b, defect 5): the next review compares with round 3, says nothing "finished while this one
ran", and `delete` of round 3 names the round built on it."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes, processes_with
from support.interrupt import interrupt_review
from support.repos import commit_all, make_repo, run_cli, write


def _review(fakes: Fakes, repo: Path) -> dict:  # type: ignore[type-arg]
    res = fakes.review(repo, "--agents", "alpha", "--lead", "none")
    assert res.returncode == 0, res.stderr
    out: dict = res.json()  # type: ignore[type-arg]
    return out


def _commit(repo: Path, n: int) -> None:
    write(repo, f"notes{n}.txt", f"note {n}\n")
    commit_all(repo, f"Notes {n}")


def test_the_round_after_a_resumed_one_compares_with_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = fakes.tmp / "fast-now"
    fakes.write_config({"alpha": fakes.seat("slow", "--sleep", "600", "--flag", str(flag))})
    flag.touch()
    one = _review(fakes, repo)["review_id"]

    _commit(repo, 2)
    flag.unlink()
    run = interrupt_review(
        ["review", "--agents", "alpha", "--lead", "none", "--json"],
        cwd=repo,
        env=fakes.env(),
        when=lambda: any("--sleep" in p for p in processes_with(fakes.marker)),
        what="the seat to run",
    )
    assert run.returncode == 130, run.stderr
    stopped = run.json()["review_id"]
    flag.touch()
    two = _review(fakes, repo)["review_id"]
    res = run_cli(["resume", stopped], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env()).json()
    assert {r["id"]: r["round"] for r in listed["reviews"]} == {one: 1, two: 2, stopped: 3}

    _commit(repo, 4)
    four = _review(fakes, repo)
    data = json.loads(Path(four["paths"]["json"]).read_text(encoding="utf-8"))
    assert data["round_info"]["number"] == 4
    assert data["round_info"]["previous_review_id"] == stopped
    md = Path(four["paths"]["md"]).read_text(encoding="utf-8")
    assert "finished while this one ran" not in md

    res = run_cli(["delete", stopped, "--yes"], cwd=repo, env=fakes.env())
    assert res.returncode == 2
    assert f"review {four['review_id']} is a later round" in res.stderr
