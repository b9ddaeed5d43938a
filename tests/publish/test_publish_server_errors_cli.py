"""GitHub answering a 5xx (its own fault, usually gone a moment later) or a 404 to a write (the
token cannot see the repository), through the real `deep-review publish` against the fake
GitHub: a read is asked again once; what still fails is one line that says whose fault it is
and what to do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, install_fake_gh, review, setup
from support.fake_github import FakeGitHub
from support.repos import CliResult, run_cli

pytestmark = pytest.mark.slow  # each test runs a real review

COMMENTS = f"/repos/{REPO}/issues/{NUMBER}/comments"


def _publish(clone: Path, env: dict[str, str], *args: str) -> CliResult:
    return run_cli(["publish", *args], cwd=clone, env=env)


@pytest.mark.parametrize("way", ["https", "gh"])
def test_a_read_github_fails_once_is_asked_again(tmp_path: Path, way: str) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        if way == "gh":
            install_fake_gh(fakes, gh)
            env = {**env, "FAKE_GITHUB_URL": gh.url}
            del env["GITHUB_TOKEN"]
        gh.fail_next(502, method="GET", path_prefix=COMMENTS)
        res = _publish(clone, env, rid)
        assert res.returncode == 0, res.stderr
        assert len(gh.requests_to("GET", COMMENTS)) == 2
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1


@pytest.fixture(scope="module")
def one_review(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[FakeGitHub, Path, dict[str, str], str]]:
    """One PR review for the publications a lasting server error stops: nothing is posted
    (each test asserts it), so each can start from the same review and server."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path_factory.mktemp("one-review"), gh)
        res = review(fakes, clone, env)
        assert res.returncode == 0, res.stderr
        yield gh, clone, env, res.json()["review_id"]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_lasting_server_error_says_it_is_githubs_and_to_try_later(
    one_review: tuple[FakeGitHub, Path, dict[str, str], str], status: int
) -> None:
    gh, clone, env, rid = one_review
    gh.fail_next(status, times=99)
    try:
        res = _publish(clone, env, rid)
    finally:
        gh.on_demand.forget_failures()
    assert res.returncode == 5, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"HTTP {status}" in line, line
    assert "a fault on GitHub's side" in line and "try again in a few minutes" in line, line
    assert f"publish it again with `deep-review publish {rid}`" in line, line
    assert gh.pull(REPO, NUMBER).issue_comments == []


def test_a_write_is_not_sent_twice_after_a_server_error(tmp_path: Path) -> None:
    """A POST GitHub answered 502 may still have landed: asking again could post it twice."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(502, method="POST", path_prefix=COMMENTS)
        res = _publish(clone, env, rid)
        assert res.returncode == 5, res.stderr
        assert len(gh.requests_to("POST", COMMENTS)) == 1


def test_a_write_answered_404_names_the_token_not_a_missing_comment(tmp_path: Path) -> None:
    """GitHub answers 404, not 403, to a token that cannot see a private repository: the
    comment being created cannot be "not found"."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(404, times=99, message="Not Found", method="POST")
        res = _publish(clone, env, rid)
        assert res.returncode == 5, res.stderr
        (line,) = res.stderr.strip().splitlines()
        assert "not found (HTTP 404); check that it exists" not in line, line
        assert "HTTP 404" in line and "writing the summary comment" in line, line
        assert "cannot see" in line and "gh auth login" in line, line


def test_a_write_to_a_moved_repository_says_it_moved(tmp_path: Path) -> None:
    """GitHub answers a write to a renamed or transferred repository's old name with a
    307 redirect, which a POST does not follow."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(307, times=99, message="Temporary Redirect", method="POST")
        res = _publish(clone, env, rid)
        assert res.returncode == 5, res.stderr
        (line,) = res.stderr.strip().splitlines()
        assert "HTTP 307" in line and "renamed or transferred" in line, line
        assert "GH_REPO" in line, line
        assert gh.pull(REPO, NUMBER).issue_comments == []
