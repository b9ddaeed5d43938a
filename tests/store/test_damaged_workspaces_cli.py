"""A store whose `.workspaces` is not a folder cannot hold what seats write down for the
cleanup after a crash: a review (or resume) refuses to run seats without it, and says how to
fix the store in one line; `list` still lists, with a note."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, worktrees
from support.repos import make_repo, run_cli


def test_a_review_refuses_to_run_seats_when_workspaces_is_not_a_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"fast": fakes.seat("ok")})
    env = fakes.env()
    first = run_cli(["review", "--agents", "fast", "--lead", "none"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    damaged = fakes.store / ".workspaces"
    damaged.write_text("not a folder\n", encoding="utf-8")

    res = run_cli(["review", "--agents", "fast", "--lead", "none"], cwd=repo, env=env)

    assert res.returncode == 2, res.stderr
    assert f"store damaged: {damaged} is not a folder; remove it" in res.stderr, res.stderr
    assert len([p for p in fakes.store.iterdir() if p.is_dir()]) == 1  # no second review
    assert worktrees(repo) == [str(repo)]
    listed = run_cli(["list"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    assert f"store damaged: {damaged} is not a folder; remove it" in listed.stderr
