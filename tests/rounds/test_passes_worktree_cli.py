"""`--passes N`: a seat's later passes run in its own worktree, without waiting for the other
seats, and their state lives in run.json (so `resume` reruns a pass cut short, not pass 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.pipeline.runstate import RUN_STATE_VERSION
from fakebin.harness import Fakes, assert_no_leftovers, run_json
from rounds.test_passes_cli import PASS2_NEW
from support.interrupt import interrupt_review
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo, stored


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _alpha(fakes: Fakes, mode: str, *extra: str) -> dict:  # type: ignore[type-arg]
    """A seat whose pass 1 raises an Important issue and whose pass 2 finds a new one."""
    first = fakes.tmp / "pass1.md"
    first.write_text(ROUND1, encoding="utf-8")
    second = fakes.tmp / "pass2.md"
    second.write_text(PASS2_NEW, encoding="utf-8")
    return fakes.seat(
        mode,
        "--review-file",
        str(first),
        "--when",
        f"## Pass 2: look where={second}",
        "--count-file",
        str(fakes.tmp / "alpha-starts"),
        "--cwd-file",
        str(fakes.tmp / "alpha-cwd"),
        *extra,
    )


@pytest.mark.slow
def test_pass_2_runs_in_the_same_worktree_while_another_seat_is_still_on_pass_1(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    starts = tmp_path / "alpha-starts"
    # beta finishes only once alpha's pass 2 has started: with passes run one after another
    # (all seats' pass 1 first), it waits in vain and fails.
    beta = fakes.seat("slow", "--sleep", "40", "--wait-lines", f"{starts}=2")
    fakes.write_config({"alpha": _alpha(fakes, "ok"), "beta": beta})
    res = fakes.review(repo, "--agents", "alpha,beta", "--format", "md", "--passes", "2")
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"alpha": "ok", "beta": "ok"}
    cwds = _lines(tmp_path / "alpha-cwd")
    assert len(cwds) == 2 and cwds[0] == cwds[1], cwds
    state = run_json(Path(out["review_dir"]))
    assert state["schema_version"] == RUN_STATE_VERSION
    assert [(e["pass_no"], e["status"], e["new"]) for e in state["seats"]["alpha"]["passes"]] == [
        (1, "ok", 1),
        (2, "ok", 1),
    ]
    assert not (Path(out["review_dir"]) / "passes.json").exists()
    md = stored(fakes, out["review_id"], ".md")
    assert "### [Alpha] — Pass 2" in md
    assert_no_leftovers(fakes, repo)


def test_a_later_pass_reports_only_its_own_edits_of_the_shared_worktree(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config({"alpha": _alpha(fakes, "edit")})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", "--passes", "2")
    assert res.returncode == 0, res.stderr
    out = res.json()
    state = run_json(Path(out["review_dir"]))
    # Pass 1 changed calc.py and added new-file.txt; pass 2 appended to calc.py again and
    # rewrote new-file.txt with the same text: only calc.py is pass 2's change.
    assert sorted(state["seats"]["alpha"]["run"]["worktree_changes"]) == [
        " M calc.py",
        "?? new-file.txt",
    ]
    assert state["seats"]["alpha"]["passes"][1]["worktree_changes"] == [" M calc.py"]
    md = stored(fakes, out["review_id"], ".md")
    assert "Seat Alpha modified its worktree in pass 2 (1 paths: M calc.py)" in md
    assert_no_leftovers(fakes, repo)


def _pass_2_running(review_dir_glob: Path) -> bool:
    files = list(review_dir_glob.glob("*/run.json"))
    if not files:
        return False
    state = json.loads(files[0].read_text(encoding="utf-8"))
    passes = state["seats"]["alpha"].get("passes", [])
    return len(passes) == 2 and passes[1]["status"] == "running"


@pytest.mark.slow
def test_resume_after_ctrl_c_during_pass_2_reruns_pass_2_and_keeps_pass_1(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    flag = tmp_path / "now-fast"
    starts = tmp_path / "alpha-starts"
    seat = _alpha(fakes, "slow", "--sleep", "120", "--flag", str(flag), "--slow-when", "## Pass 2")
    fakes.write_config({"alpha": seat})
    env = fakes.env()
    args = ["review", "--agents", "alpha", "--lead", "none", "--passes", "2", "--format", "md"]
    run = interrupt_review(
        [*args, "--json"],
        cwd=repo,
        env=env,
        when=lambda: _pass_2_running(fakes.store) and len(_lines(starts)) == 2,
        what="pass 2 to start",
    )
    assert run.returncode == 130, run.stderr
    result = run.json()
    review_dir = Path(result["review_dir"])
    state = run_json(review_dir)
    assert state["seats"]["alpha"]["status"] == "ok"
    assert [(e["pass_no"], e["status"]) for e in state["seats"]["alpha"]["passes"]] == [
        (1, "ok"),
        (2, "pending"),
    ]
    assert_no_leftovers(fakes, repo)

    flag.write_text("go")
    res = run_cli(["resume", result["review_id"], "--json"], cwd=repo, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert len(_lines(starts)) == 3  # pass 2 again; pass 1 kept
    prompt2 = (review_dir / "prompt-alpha-pass-2.md").read_text(encoding="utf-8")
    assert "- I1. Division by zero is not handled — `calc.py:3` (important)" in prompt2
    state = run_json(review_dir)
    assert [(e["pass_no"], e["status"]) for e in state["seats"]["alpha"]["passes"]] == [
        (1, "ok"),
        (2, "ok"),
    ]
    # The seat's run is its passes' sum: pass 1 and the pass 2 that finished, not the one cut
    # short (like a seat cut short in pass 1, it ran again).
    passes = state["seats"]["alpha"]["passes"]
    assert state["seats"]["alpha"]["run"]["duration_s"] == pytest.approx(
        passes[0]["duration_s"] + passes[1]["duration_s"], abs=0.002
    )
    md = stored(fakes, result["review_id"], ".md")
    assert "### [Alpha] — Pass 2" in md
    assert "Whole-number division now returns a float" in md
    assert "pass 1: 0C 1I 0S (1 new)" in md and "pass 2: 0C 1I 0S (1 new)" in md
    # A second resume has nothing to do: the review is complete.
    again = run_cli(["resume", result["review_id"]], cwd=repo, env=env)
    assert again.returncode == 2 and "already complete" in again.stderr
    assert len(_lines(starts)) == 3


def test_a_version_2_run_with_passes_json_is_migrated_and_resumes(tmp_path: Path) -> None:
    """Version 2 kept the passes in `passes.json`: `resume` of such an interrupted run reads
    them into run.json and the report still shows both passes."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config({"alpha": _alpha(fakes, "ok")})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", "--passes", "2")
    assert res.returncode == 0, res.stderr
    rid, review_dir = res.json()["review_id"], Path(res.json()["review_dir"])
    data = run_json(review_dir)
    old_passes = {
        "alpha": [
            {"pass": e["pass_no"], "status": e["status"], "duration_s": 1.0}
            | {"findings": e["findings"], "new": e["new"]}
            for e in data["seats"]["alpha"].pop("passes")
        ]
    }
    del data["settings"]["passes"]
    data.update(schema_version=2, status="interrupted", report=None)
    (review_dir / "run.json").write_text(json.dumps(data), encoding="utf-8")
    (review_dir / "passes.json").write_text(json.dumps(old_passes), encoding="utf-8")
    for suffix in (".md", ".json"):
        (fakes.store / f"{rid}{suffix}").unlink()

    res = run_cli(["resume", rid, "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert len(_lines(tmp_path / "alpha-starts")) == 2  # nothing was owed: no seat reran
    state = run_json(review_dir)
    assert state["schema_version"] == RUN_STATE_VERSION and state["settings"]["passes"] == 2
    assert [e["pass_no"] for e in state["seats"]["alpha"]["passes"]] == [1, 2]
    md = stored(fakes, rid, ".md")
    assert "### [Alpha] — Pass 2" in md and "pass 2: 0C 1I 0S (1 new) in 1.0 s" in md
