"""What `deep-review review` says of a pull request GitHub answers oddly, through the real
command against the fake GitHub: a PR number that does not exist, a private repository asked
without a token (GitHub answers 404, not 403), a spent rate limit (the reset time in words), a
PR whose fork was deleted (its head is still `refs/pull/N/head`), and a PR URL copied from its
files tab or a review comment."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fakebin.harness import run_json
from publish.scenario import NUMBER, REPO, setup
from support.fake_github import FakeGitHub

pytestmark = pytest.mark.slow  # real reviews


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_a_pr_number_that_does_not_exist(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        res = fakes.review(clone, "#4040", "--agents", "alpha", env=env)
        assert res.returncode == 2, res.stderr
        line = _one_line(res.stderr)
        assert f"PR #4040 not found in {REPO}; check the number" in line, line
        assert "GITHUB_TOKEN" not in line  # a token was given: the number is what is wrong


def test_a_private_repository_without_a_token_says_to_set_one(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GITHUB_TOKEN")
        gh.fail_next(404, times=2)  # as GitHub hides a private repository from a stranger
        res = fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", env=env)
        assert res.returncode == 2, res.stderr
        line = _one_line(res.stderr)
        assert f"PR #{NUMBER} not found in {REPO}" in line, line
        assert "set GITHUB_TOKEN" in line, line


def test_a_spent_rate_limit_names_the_reset_in_words(tmp_path: Path) -> None:
    reset_at = int(time.time()) + 45 * 60
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        gh.fail_next(403, rate_limited=True, reset_at=reset_at)
        res = fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", env=env)
        assert res.returncode != 0, res.stderr
        line = _one_line(res.stderr)
        stamp = datetime.fromtimestamp(reset_at, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
        assert "GitHub rate limit reached" in line, line
        assert f"(at {stamp}, in " in line and " min)" in line, line


def test_a_pr_whose_fork_was_deleted_is_reviewed(tmp_path: Path) -> None:
    """GitHub answers `head.repo: null` once the fork is gone; the PR's commits stay on the
    base repository as `refs/pull/N/head`."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        gh.pull(REPO, NUMBER).data["head"]["repo"] = None
        res = fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", env=env)
        assert res.returncode == 0, res.stderr
        target = run_json(Path(res.json()["review_dir"]))["target"]
        assert target["pr"]["number"] == NUMBER
        assert target["changed_files"], target


@pytest.mark.parametrize(
    "tail", ["/files", "/files/", "#discussion_r1234567", "/files#diff-abc123", "?w=1"]
)
def test_a_pr_url_with_a_tab_or_an_anchor_is_the_pr(tmp_path: Path, tail: str) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GH_REPO")  # the URL alone names the repository
        url = f"https://github.com/{REPO}/pull/{NUMBER}{tail}"
        res = fakes.review(clone, url, "--agents", "alpha", env=env)
        assert res.returncode == 0, res.stderr
        pr = run_json(Path(res.json()["review_dir"]))["target"]["pr"]
        assert (pr["number"], pr["repo"]) == (NUMBER, REPO)


def test_owner_name_hash_number_is_that_repositorys_pr(tmp_path: Path) -> None:
    """`acme/demo#7`, as GitHub writes a cross-reference, names the PR without a URL."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GH_REPO")  # the target alone names the repository
        res = fakes.review(clone, f"{REPO}#{NUMBER}", "--agents", "alpha", env=env)
        assert res.returncode == 0, res.stderr
        pr = run_json(Path(res.json()["review_dir"]))["target"]["pr"]
        assert (pr["number"], pr["repo"]) == (NUMBER, REPO)
        assert gh.requests_to("GET", f"/repos/{REPO}/pulls/{NUMBER}")


def test_owner_name_hash_zero_names_no_pr(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        res = fakes.review(clone, f"{REPO}#0", "--agents", "alpha", env=env)
        assert res.returncode == 2, res.stderr
        assert "pull requests are numbered from 1" in _one_line(res.stderr)
        assert gh.requests == []
