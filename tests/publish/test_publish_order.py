"""What a reader of the PR sees when a publication stops half-way: the summary comment goes out
before the inline review, so the PR never shows inline comments without their summary, and a
summary whose inline comments could not be posted says so and holds the findings in full.
Publishing again completes it: one summary, one set of inline comments. Through the real
`deep-review publish` against the fake GitHub."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.repos import CliResult, run_cli

pytestmark = pytest.mark.slow  # each test runs a real review

REVIEWS = f"/repos/{REPO}/pulls/{NUMBER}/reviews"
COMMENTS = f"/repos/{REPO}/issues/{NUMBER}/comments"


def _publish(clone: Path, env: dict[str, str], *args: str) -> CliResult:
    return run_cli(["publish", *args], cwd=clone, env=env)


def test_a_summary_that_github_refuses_leaves_no_inline_comment_behind(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(502, method="POST", path_prefix=COMMENTS)
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 5, res.stderr
        pull = gh.pull(REPO, NUMBER)
        assert pull.issue_comments == [] and pull.review_comments == []
        assert gh.requests_to("POST", REVIEWS) == []
        (line,) = res.stderr.strip().splitlines()
        assert f"`deep-review publish {rid} --inline`" in line, line  # the retry keeps --inline

        again = _publish(clone, env, rid, "--inline")
        assert again.returncode == 0, again.stderr
        (summary,) = pull.issue_comments
        assert len(pull.reviews) == 1 and len(pull.review_comments) == 2
        assert "`calc.py:40` · inline comment at `calc.py:25`" in summary["body"]
        # The inline review points at its summary.
        assert summary["html_url"] in pull.reviews[0]["body"]


def test_an_inline_review_that_fails_leaves_a_summary_with_every_finding(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(502, method="POST", path_prefix=REVIEWS)
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 5, res.stderr
        (line,) = res.stderr.strip().splitlines()
        assert "the inline review" in line and f"publish {rid} --inline" in line, line
        pull = gh.pull(REPO, NUMBER)
        assert pull.review_comments == []
        (summary,) = pull.issue_comments
        body = summary["body"]
        assert "inline comments are not posted" in body
        assert f"`deep-review publish {rid} --inline`" in body
        for fid in ("I1", "I2", "S1"):
            assert f"#### {fid}: " in body
        assert "· inline comment" not in body

        again = _publish(clone, env, rid, "--inline")
        assert again.returncode == 0, again.stderr
        assert len(pull.issue_comments) == 1 and len(pull.review_comments) == 2
        body = pull.issue_comments[0]["body"]
        assert "inline comments are not posted" not in body
        assert "#### I1: " not in body and "#### S1: " in body  # I1 is inline now
        # Once more: nothing new is posted.
        third = _publish(clone, env, rid, "--inline")
        assert third.returncode == 0, third.stderr
        assert len(gh.requests_to("POST", REVIEWS)) == 2  # the failed one and the good one
        assert len(pull.issue_comments) == 1 and len(pull.review_comments) == 2
