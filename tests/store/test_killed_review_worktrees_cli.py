"""A review killed outright (SIGKILL, a machine crash) cannot remove its seats' worktrees: they
stay registered in the user's repository (`git worktree list`) and on disk. The next `review`,
`list`, `delete` or `resume` that finds them removes them, says so in one line, and never
touches those of a review a process still runs. Real `deep-review` processes and real git."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path

import pytest

from fakebin.harness import Fakes, processes_with, worktrees
from support.interrupt import start_slow_review, wait_until_the_seat_runs
from support.repos import CliResult, make_repo, run_cli


def _kill_seats(fakes: Fakes) -> None:
    """The seats of a SIGKILLed review outlive it (their own process groups): ended by pid."""
    for found in processes_with(fakes.marker):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(found.split(":", 1)[0]), signal.SIGKILL)


def _seat_worktrees(repo: Path) -> list[Path]:
    return [Path(p) for p in worktrees(repo) if Path(p) != repo]


def _notes(res: CliResult) -> list[str]:
    return [ln for ln in res.stderr.splitlines() if "leftover" in ln]


def _killed_review(tmp_path: Path, release: Path) -> tuple[Path, Fakes, dict[str, str], str]:
    """A repository, and a review of it SIGKILLed while its seat ran: (repo, fakes, env, ID).
    While it runs, `list` leaves its worktree alone."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config(
        {"slow": fakes.seat("slow", "--sleep", "120", "--wait-lines", f"{release}=1")}
    )
    env = fakes.env()  # TMPDIR: tmp_path / "tmp"
    proc = start_slow_review(repo, env)
    try:
        rid = wait_until_the_seat_runs(fakes.store, proc)
        [live] = _seat_worktrees(repo)
        res = run_cli(["list"], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr
        assert _notes(res) == [], res.stderr
        assert _seat_worktrees(repo) == [live] and live.is_dir()
        # The review process only: the lock on its worktrees dies with it, its seat lives on.
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert _seat_worktrees(repo) == [live] and live.is_dir(), "nothing to clean up?"
    return repo, fakes, env, rid


def _assert_cleaned(repo: Path, rid: str, res: CliResult) -> None:
    assert res.returncode == 0, res.stderr
    [line] = _notes(res)
    assert rid in line and "killed" in line, line
    assert _seat_worktrees(repo) == [], worktrees(repo)
    assert [p for p in (repo.parent / "tmp").iterdir() if p.name.startswith("review-")] == []
    assert (
        "prunable"
        not in subprocess.run(
            ["git", "worktree", "list", "--porcelain"], cwd=repo, capture_output=True, text=True
        ).stdout
    )


@pytest.mark.parametrize("command", ["list", "delete"])
def test_the_next_command_removes_a_killed_reviews_worktrees(tmp_path: Path, command: str) -> None:
    release = tmp_path / "release"
    repo, fakes, env, rid = _killed_review(tmp_path, release)
    try:
        args = ["list"] if command == "list" else ["delete", rid, "--yes"]
        res = run_cli(args, cwd=repo, env=env)
        _assert_cleaned(repo, rid, res)
        # Said once: the next command has nothing left to remove.
        again = run_cli(["list"], cwd=repo, env=env)
        assert again.returncode == 0 and _notes(again) == [], again.stderr
    finally:
        _kill_seats(fakes)


@pytest.mark.slow  # two reviews through the real process: ~4 s
@pytest.mark.parametrize("command", ["review", "resume"])
def test_a_later_review_or_resume_removes_a_killed_reviews_worktrees(
    tmp_path: Path, command: str
) -> None:
    release = tmp_path / "release"
    repo, fakes, env, rid = _killed_review(tmp_path, release)
    try:
        release.write_text("go\n", encoding="utf-8")  # the seats of the next run finish at once
        args = ["review", "--agents", "slow", "--lead", "none"] if command == "review" else []
        res = run_cli(args or ["resume", rid], cwd=repo, env=env)
        _assert_cleaned(repo, rid, res)
    finally:
        _kill_seats(fakes)


def test_a_killed_test_review_leaves_its_seat_folders_in_the_tests_own_folder(
    tmp_path: Path,
) -> None:
    """Test hygiene: what a review the test kills outright leaves (its seat's home and
    worktree) is in the test's folder (`repos.cli_env` sets TMPDIR), not in the machine's /tmp,
    where no later review of the test's store would ever remove it."""
    _, fakes, env, _ = _killed_review(tmp_path, tmp_path / "release")
    try:
        left = sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "tmp").iterdir())
        assert left == ["deep-review-home-slow", "review-slow"], left
        assert env["TMPDIR"] == str(tmp_path / "tmp")
    finally:
        _kill_seats(fakes)
