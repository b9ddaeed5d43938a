"""A seat that deletes its own worktree's `.git` (or the whole worktree) while it runs: what it
printed is no review of the change (its checkout was gone under it). Through the real
`deep-review` command: the seat is failed with a reason saying so (not `ok`), the other seat's
review makes the report, and its worktree is cleaned up as any other (no registration left in
the user's repository, nothing for `git worktree prune` to do, no folder left)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers
from support.repos import make_repo


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


@pytest.mark.parametrize("mode", ["delete-own-git", "delete-own-worktree"])
def test_a_seat_that_deletes_its_worktree_fails_and_is_cleaned_up(
    tmp_path: Path, mode: str
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"vandal": fakes.seat(mode), "good": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "vandal,good")
    assert res.returncode == 0, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    seats = {s["seat"]: s for s in res.json()["seats"]}
    assert seats["good"]["status"] == "ok", seats
    assert seats["vandal"]["status"] == "failed", seats
    reason = seats["vandal"]["reason"] or ""
    assert "worktree" in reason and "deleted" in reason, reason
    review_dir = Path(res.json()["review_dir"])
    state = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["status"] == "complete"
    assert state["seats"]["vandal"]["status"] == "failed", state["seats"]["vandal"]
    report = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert reason in report, report
    assert_no_leftovers(fakes, repo)
    assert _git(repo, "worktree", "prune", "--dry-run", "--verbose") == ""
    assert [p for p in (tmp_path / "tmp").iterdir() if p.name.startswith("review-")] == []


def test_the_only_seat_deleting_its_worktree_fails_the_review(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"vandal": fakes.seat("delete-own-git")})
    res = fakes.review(repo, "--agents", "vandal")
    assert res.returncode == 3, (res.returncode, res.stdout, res.stderr)  # every seat failed
    assert "Traceback" not in res.stderr, res.stderr
    (seat,) = res.json()["seats"]
    assert seat["status"] == "failed", seat
    assert Path(res.json()["paths"]["md"]).is_file()
    assert_no_leftovers(fakes, repo)
    assert _git(repo, "worktree", "prune", "--dry-run", "--verbose") == ""
