"""A PR rebased onto a base that moved since this clone last fetched: the review compares it with
GitHub's base (`base.sha`, which the rebased head brings along), not the stale `origin/main`, so
the base's new commits are not reviewed as the author's."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import run_json
from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.repos import commit_all, git, write

pytestmark = pytest.mark.slow  # a real review


def _rebase_onto_moved_base(tmp: Path, gh: FakeGitHub, *, publish_base: bool) -> str:
    """main gains other.py; the PR is rebased onto it. `publish_base`: origin's main moves too
    (else only the PR's head brings the new base). The new base's SHA."""
    upstream = tmp / "upstream"
    write(upstream, "other.py", "x = 1\n")
    base = commit_all(upstream, "Other work on main")
    git(upstream, "checkout", "-q", "feature")
    git(upstream, "rebase", "-q", "main")
    head = git(upstream, "rev-parse", "HEAD").strip()
    git(upstream, "checkout", "-q", "main")
    bare = str(tmp / "origin.git")
    git(upstream, "push", "-q", "--force", bare, f"{head}:refs/pull/{NUMBER}/head")
    if publish_base:
        git(upstream, "push", "-q", bare, "main")
    pull = gh.pull(REPO, NUMBER)
    gh.push(REPO, NUMBER, head, pull.files, force=True)
    pull.data["base"]["sha"] = base
    return base


@pytest.mark.parametrize("publish_base", [True, False])
def test_a_rebased_pr_is_compared_with_githubs_base(tmp_path: Path, publish_base: bool) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        base = _rebase_onto_moved_base(tmp_path, gh, publish_base=publish_base)
        stale = git(clone, "rev-parse", "origin/main").strip()
        assert stale != base
        res = review(fakes, clone, env, "--json")
        assert res.returncode == 0, res.stderr
        target = run_json(Path(res.json()["review_dir"]))["target"]
        assert target["base_sha"] == base
        assert f"Reviewing PR #{NUMBER} (1 file)" in res.stderr


def test_a_base_that_cannot_be_brought_up_to_date_is_named_as_maybe_stale(
    tmp_path: Path,
) -> None:
    """GitHub's base commit is not in the clone and origin has no such branch to fetch: the
    local branch is used, and the review says it may be stale."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        pull = gh.pull(REPO, NUMBER)
        pull.data["base"].update(ref="release", sha="f" * 40)
        git(clone, "branch", "release", "origin/main")
        res = review(fakes, clone, env, "--json")
        assert res.returncode == 0, res.stderr
        target = run_json(Path(res.json()["review_dir"]))["target"]
        assert target["base_sha"] == git(clone, "rev-parse", "release").strip()
        note = f"GitHub's base of PR #{NUMBER} (ffffffffffff) is not in this clone"
        assert any(note in n for n in target["notes"]), target["notes"]
