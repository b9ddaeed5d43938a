"""A PR merged or closed while its review ran (or before `publish`): nothing is posted on it
unless `--force` says so, and the line says why and how. Through the real `review --post` and
`publish` against the fake GitHub."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # each test runs a real review


def _close(gh: FakeGitHub, merged: bool) -> None:
    data = gh.pull(REPO, NUMBER).data
    data["state"], data["merged"] = "closed", merged


@pytest.mark.parametrize(("merged", "word"), [(True, "merged"), (False, "closed")])
def test_publish_leaves_a_closed_pr_alone_unless_forced(
    tmp_path: Path, merged: bool, word: str
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        _close(gh, merged)
        res = run_cli(["publish", rid, "--inline", "--json"], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        assert gh.writes == []
        skipped = res.json()["skipped"]
        assert f"not posted: PR #{NUMBER} is {word}" in skipped, skipped
        assert f"`deep-review publish {rid} --force`" in skipped, skipped
        (line,) = res.stderr.strip().splitlines()
        assert f"PR #{NUMBER} is {word}" in line, line

        forced = run_cli(["publish", rid, "--force"], cwd=clone, env=env)
        assert forced.returncode == 0, forced.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1


def test_review_post_after_the_pr_was_merged_meanwhile_posts_nothing(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        _close(gh, merged=True)
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        assert gh.writes == []
        assert f"not posted: PR #{NUMBER} is merged" in res.stderr, res.stderr
        assert res.json()["publish"]["skipped"], res.stdout


def test_an_open_pr_is_published_as_ever(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        gh.pull(REPO, NUMBER).data["state"] = "open"
        rid = review(fakes, clone, env).json()["review_id"]
        res = run_cli(["publish", rid], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1
