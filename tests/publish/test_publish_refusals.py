"""GitHub refuses a publication for a reason that is not a comment's line: the PR's head moved
(the inline review's commit is gone), or a fork's PR gets a read-only token. Through the real
`deep-review publish` against the fake GitHub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from publish.scenario import NUMBER, REPO, install_fake_gh, push_fix, review, setup
from support.fake_github import FakeGitHub, Recorded
from support.repos import CliResult, run_cli

pytestmark = pytest.mark.slow  # each test runs a real review

REVIEWS = f"/repos/{REPO}/pulls/{NUMBER}/reviews"


def _pr_document_reads(gh: FakeGitHub) -> list[Recorded]:
    path = f"/repos/{REPO}/pulls/{NUMBER}"
    return [r for r in gh.requests if r.method == "GET" and r.path == path]


def _publish(clone: Path, env: dict[str, str], *args: str) -> CliResult:
    return run_cli(["publish", *args], cwd=clone, env=env)


@pytest.mark.parametrize("way", ["https", "gh"])
def test_a_review_whose_commit_a_force_push_dropped_stops_after_one_post(
    tmp_path: Path, way: str
) -> None:
    """Splitting the batch cannot help when GitHub refuses the review's commit: one POST, one
    line saying the head moved and what to do; the summary (posted first) holds every finding
    instead of naming inline comments that are not there."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        push_fix(tmp_path, gh, force=True)
        if way == "gh":  # `gh api` prints GitHub's answer on stdout: the same words
            install_fake_gh(fakes, gh)
            env = {**env, "FAKE_GITHUB_URL": gh.url}
            del env["GITHUB_TOKEN"]
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 5, res.stderr
        (line,) = res.stderr.strip().splitlines()
        assert f"no longer part of PR #{NUMBER}" in line and "head moved" in line, line
        assert f"`deep-review review {NUMBER}`" in line, line
        assert "its summary comment lists the findings instead" in line, line
        assert "not on the diff" not in res.stdout + res.stderr
        assert len(gh.requests_to("POST", REVIEWS)) == 1
        pull = gh.pull(REPO, NUMBER)
        assert pull.review_comments == []
        (summary,) = pull.issue_comments
        assert "GitHub refused the inline comments: " in summary["body"]
        assert "#### I1: " in summary["body"] and "· inline comment" not in summary["body"]
        again = _publish(clone, env, rid)
        assert again.returncode == 0, again.stderr
        assert len(pull.issue_comments) == 1


@pytest.mark.parametrize(
    "errors",
    [
        # GitHub's words for a commit the PR does not have, old and new.
        [
            {
                "resource": "PullRequestReviewComment",
                "code": "custom",
                "field": "commit_id",
                "message": "commit_id is not part of the pull request",
            }
        ],
        ["No commit found for SHA: 0123abcd"],
    ],
)
def test_a_422_that_blames_the_commit_is_not_split(tmp_path: Path, errors: list[Any]) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(422, times=99, errors=errors, method="POST", path_prefix=REVIEWS)
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 5, res.stderr
        (line,) = res.stderr.strip().splitlines()
        assert "head moved" in line, line
        assert len(gh.requests_to("POST", REVIEWS)) == 1
        (summary,) = gh.pull(REPO, NUMBER).issue_comments
        assert "#### I1: " in summary["body"] and "#### I2: " in summary["body"]


@pytest.mark.parametrize(
    ("head_repo", "fork"),
    [({"full_name": "mallory/demo"}, "the fork mallory/demo"), (None, "a deleted fork")],
)
def test_a_403_on_a_fork_pr_says_the_token_is_read_only(
    tmp_path: Path, head_repo: dict[str, str] | None, fork: str
) -> None:
    """On `pull_request` a fork's PR gets a read-only token whatever `permissions:` says:
    asking for `pull-requests: write` would send the user the wrong way."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        gh.pull(REPO, NUMBER).data["head"]["repo"] = head_repo
        rid = review(fakes, clone, env).json()["review_id"]
        asked = len(_pr_document_reads(gh))
        gh.fail_next(403, method="POST", path_prefix="/repos/")
        res = _publish(clone, env, rid)
        assert res.returncode == 5, res.stderr
        # whether the PR is open and where it comes from are read from one answer
        assert len(_pr_document_reads(gh)) == asked + 1
        (line,) = res.stderr.strip().splitlines()
        assert f"PR #{NUMBER} comes from {fork}" in line, line
        assert "read-only token" in line and "pull_request_target" in line, line
        assert "workflow_run" in line and f"publish {rid}" in line, line
        assert "pull-requests: write" not in line


@pytest.mark.parametrize(
    ("message", "errors", "said"),
    [
        # GitHub's usual 422 for a payload it will not take, naming a field of no comment.
        (
            "Validation Failed",
            [
                {
                    "resource": "PullRequestReview",
                    "code": "custom",
                    "field": "body",
                    "message": "body is too long (maximum is 65536 characters)",
                }
            ],
            "Validation Failed; body custom body is too long (maximum is 65536 characters)",
        ),
        # Words nobody foresaw, over two lines, with a mention and HTML: cleaned to one line.
        (
            "Something odd happened\n\n@octocat <img src=x onerror=y>",
            None,
            "Something odd happened",
        ),
    ],
)
def test_a_422_that_blames_neither_a_line_nor_the_commit_puts_the_findings_in_the_summary(
    tmp_path: Path, message: str, errors: list[Any] | None, said: str
) -> None:
    """Splitting cannot help (every half would be refused alike), but the findings still reach
    the PR: no inline comment, every finding in full in the summary with GitHub's words, one
    POST of the review per publication and no other, exit 0 as when a line is refused."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(
            422, times=99, message=message, errors=errors, method="POST", path_prefix=REVIEWS
        )
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 0, res.stderr
        assert len(gh.requests_to("POST", REVIEWS)) == 1
        pull = gh.pull(REPO, NUMBER)
        assert pull.review_comments == [] and pull.reviews == []
        (summary,) = pull.issue_comments
        body = summary["body"]
        (line,) = [ln for ln in body.splitlines() if "GitHub refused the inline comments: " in ln]
        assert said in line, line
        assert "@octocat" not in body and "<img" not in body
        for fid in ("I1", "I2", "S1"):
            assert f"#### {fid}: " in body  # each finding in full
        assert "· inline comment" not in body
        assert "GitHub refused the inline comments" in res.stderr and "note:" in res.stderr
        assert "Summary comment created" in res.stderr

        # Publishing again tries the inline comments once more: still one summary, one POST.
        again = _publish(clone, env, rid, "--inline", "--json")
        assert again.returncode == 0, again.stderr
        doc = again.json()
        assert doc["inline_posted"] == [] and doc["summary"] == "updated"
        assert any("GitHub refused the inline comments" in n for n in doc["notes"])
        assert len(gh.requests_to("POST", REVIEWS)) == 2
        assert len(pull.issue_comments) == 1 and pull.review_comments == []
