"""`finish --post` refuses without GitHub credentials before it does any work, as `review
--post` does before its seats run. Through the real `deep-review finish`."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real seat-only review runs first


def test_finish_post_without_credentials_is_refused_before_the_report_is_made(
    tmp_path: Path,
) -> None:
    with FakeGitHub() as gh:
        gh.public = True  # reads need no token; a write does
        fakes, clone, env = setup(tmp_path, gh)
        out = tmp_path / "alpha-result"
        seat_args = ["--agents", "alpha", "--seat-only", "alpha", "--out", str(out), "--json"]
        seat = run_cli(["review", f"#{NUMBER}", *seat_args], cwd=clone, env=env)
        assert seat.returncode == 0, seat.stderr
        env.pop("GITHUB_TOKEN")
        writes = len(gh.writes)
        args = ["finish", "--lead", "none", "--json", "--from", str(out), "--post"]
        res = run_cli(args, cwd=clone, env=env)
        assert res.returncode == 2, res.stderr
        (line,) = res.stderr.strip().splitlines()
        assert "--post needs GitHub credentials" in line and "gh auth login" in line, line
        assert res.json()["exit_code"] == 2  # --json: the error's document, no report
        assert list(fakes.store.glob("*.json")) == []  # no report made
        assert list(fakes.store.glob("*/run.json")) == []
        assert len(gh.writes) == writes
        # With a token the same results are finished and posted.
        env["GITHUB_TOKEN"] = "tok-fake"
        done = run_cli(args, cwd=clone, env=env)
        assert done.returncode == 0, done.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1
