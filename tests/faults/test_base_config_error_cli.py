"""A broken `.deep-review.toml` on the base revision: the reviewer of someone else's change
cannot fix it in that change (a review never reads the change's copy), so the error names the
copy it read (the base commit and branch) and where to fix it, instead of "fix the syntax"."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.fake_github import FakeGitHub
from support.refusal import assert_refused
from support.repos import clone_with_pr, commit_all, commit_on_base, git, make_repo, write

BROKEN = '[review\nagents = ["static"]\n'
FIXED = '[review]\nagents = ["static"]\n'


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (BROKEN, "not valid TOML"),
        ('[review]\nagentz = ["static"]\n', "unknown key 'review.agentz'"),
    ],
)
def test_a_broken_base_config_names_the_base_commit_and_branch(
    tmp_path: Path, text: str, what: str
) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", text, "repo config")
    # the change repairs the file: its own copy is still not the one a review reads
    git(repo, "checkout", "-q", "feature/x")
    write(repo, ".deep-review.toml", FIXED)
    commit_all(repo, "fix the config")
    base = git(repo, "rev-parse", "--short=7", "main").strip()
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert_refused(
        res, f".deep-review.toml at the base revision {base} (main): {what}", fakes.store
    )
    assert "fix the syntax" not in res.stderr
    assert "in a commit on main" in res.stderr
    assert "never the reviewed change's, and no option skips it" in res.stderr


def test_a_range_names_its_base_commit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", BROKEN, "repo config")
    base = git(repo, "rev-parse", "--short=7", "main").strip()
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "main..feature/x")
    assert_refused(
        res, f".deep-review.toml at the base revision {base}: not valid TOML", fakes.store
    )
    assert "fix the syntax" not in res.stderr


def test_a_pull_requests_broken_base_config_names_its_base_branch(tmp_path: Path) -> None:
    """Reviewing someone else's PR whose base branch carries a broken file: the reviewer is
    told it is the base's copy, on the PR's base branch, not the PR's to fix."""
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    write(upstream, "calc.py", "x = 1\n")
    write(upstream, ".deep-review.toml", BROKEN)
    base = commit_all(upstream, "Initial commit")
    git(upstream, "checkout", "-q", "-b", "feature")
    write(upstream, "calc.py", "x = 2\n")
    head = commit_all(upstream, "Change x")
    git(upstream, "checkout", "-q", "main")
    clone, _ = clone_with_pr(tmp_path, upstream, 7, "feature", drop_branch=True)
    with FakeGitHub() as gh:
        patch = "@@ -1 +1 @@\n-x = 1\n+x = 2\n"
        files = [{"filename": "calc.py", "status": "modified", "patch": patch}]
        gh.add_pull("acme/demo", 7, base_sha=base, head_sha=head, head_ref="feature", files=files)
        fakes = Fakes(tmp_path)
        env = fakes.env({"GH_REPO": "acme/demo", **gh.env()})
        res = fakes.review(clone, "7", "--agents", "static", env=env)
    needle = f".deep-review.toml at the base revision {base[:7]} (main): not valid TOML"
    assert_refused(res, needle, fakes.store)
    assert "fix its syntax in a commit on main" in res.stderr
