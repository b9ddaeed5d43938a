"""Trial 50b, defect 4: `resume` needs the definitions of the seats that did not finish, not of
those whose reviews are kept as they ran. A seat that finished and is no longer in the config
no longer stops the resume ("unknown seat"); an unfinished seat whose definition is gone still
does, with a line that says it did not finish and how the review was started."""

from __future__ import annotations

import json
from pathlib import Path

import tomli_w

from fakebin.harness import Fakes, run_json
from support.interrupt import interrupt_after_the_fast_seat
from support.repos import make_repo, run_cli


def _interrupted(tmp_path: Path) -> tuple[Path, Fakes, Path, str, dict[str, object]]:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "now-fast"
    slow = fakes.seat("slow", "--sleep", "120", "--flag", str(flag))
    config = tmp_path / "start.toml"
    config.write_text(tomli_w.dumps({"seats": {"fast": fakes.seat("ok"), "slow": slow}}))
    rid = interrupt_after_the_fast_seat(fakes, repo, config)
    flag.write_text("go")  # from now on the slow seat answers at once
    return repo, fakes, config, rid, slow


def test_resume_runs_the_unfinished_seat_when_a_finished_one_is_undefined(
    tmp_path: Path,
) -> None:
    repo, fakes, _, rid, slow = _interrupted(tmp_path)
    review_dir = fakes.store / rid
    fast_review = (review_dir / "review-fast-pass-1.md").read_bytes()
    only_slow = tmp_path / "resume.toml"
    only_slow.write_text(tomli_w.dumps({"seats": {"slow": slow}}))

    res = run_cli(["resume", rid, "--config", str(only_slow), "--json"], cwd=repo, env=fakes.env())

    assert res.returncode == 0, res.stderr
    seats = {s["seat"]: s["status"] for s in res.json()["seats"]}
    assert seats == {"fast": "ok", "slow": "ok"}
    state = run_json(review_dir)
    assert state["status"] == "complete"
    assert [r["seats"] for r in state["resumes"]] == [["slow"]]
    # fast's review is kept as it ran, and the report still credits it
    assert (review_dir / "review-fast-pass-1.md").read_bytes() == fast_review
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    reviewers = next(ln for ln in md.splitlines() if ln.startswith("| **Reviewers**"))
    names = {entry["display_name"] for entry in state["seats"].values()}
    assert all(name in reviewers for name in names), (reviewers, names)


def test_resume_without_the_unfinished_seat_says_why(tmp_path: Path) -> None:
    repo, fakes, config, rid, _ = _interrupted(tmp_path)
    only_fast = tmp_path / "resume.toml"
    only_fast.write_text(tomli_w.dumps({"seats": {"fast": Fakes(tmp_path).seat("ok")}}))
    before = (fakes.store / rid / "run.json").read_bytes()

    res = run_cli(["resume", rid, "--config", str(only_fast)], cwd=repo, env=fakes.env())

    assert res.returncode == 2, res.stderr
    line = res.stderr.strip().splitlines()[-1]
    assert "'slow'" in line and "did not finish" in line, line
    assert str(config) in line, line  # the config the review was started with
    assert (fakes.store / rid / "run.json").read_bytes() == before
    assert json.loads(before)["status"] == "interrupted"
