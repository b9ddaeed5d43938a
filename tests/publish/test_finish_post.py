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


def test_finish_post_json_carries_what_was_posted_or_why_not(tmp_path: Path) -> None:
    """A CI finish job reads `finish --json`: the publication is in it (`publish`), and so is
    the refusal that made it exit 5; the job summary says the same."""
    with FakeGitHub() as gh:
        _fakes, clone, env = setup(tmp_path, gh)
        out = tmp_path / "alpha-result"
        seat_args = ["--agents", "alpha", "--seat-only", "alpha", "--out", str(out)]
        seat = run_cli(["review", f"#{NUMBER}", *seat_args], cwd=clone, env=env)
        assert seat.returncode == 0, seat.stderr
        summary = tmp_path / "step-summary.md"
        env["GITHUB_STEP_SUMMARY"] = str(summary)
        args = ["finish", "--lead", "none", "--json", "--from", str(out), "--post"]
        gh.fail_next(403, method="POST", path_prefix=f"/repos/{REPO}/issues/{NUMBER}/comments")
        refused = run_cli(args, cwd=clone, env=env)
        assert refused.returncode == 5, refused.stderr
        pub = refused.json()["publish"]
        assert (pub["summary"], pub["exit_code"]) == (None, 5) and "403" in pub["error"]
        assert "Posting failed (exit 5)" in summary.read_text(encoding="utf-8")
        # The rerun finds the review stored and posts it.
        done = run_cli(args, cwd=clone, env=env)
        assert done.returncode == 0, done.stderr
        (comment,) = gh.pull(REPO, NUMBER).issue_comments
        pub = done.json()["publish"]
        assert (pub["summary"], pub["summary_url"]) == ("created", comment["html_url"])
        assert (pub["error"], pub["exit_code"]) == (None, 0)
        assert summary.read_text(encoding="utf-8").count("### Deep Review: ") == 2  # appended
