"""How a repository is identified in a shared store (`targets.identity`): one key for every
spelling of one remote, never its credentials."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.github.remote import gh_repo
from deepreview.store.repository import Repository
from deepreview.targets.identity import github_identity, remote_identity

ROOT = Path("/work/checkouts/app")


@pytest.mark.parametrize(
    "url",
    [
        "git@github.com:Team/App.git",
        "https://github.com/team/app",
        "https://github.com/team/app.git/",
        "https://x-access-token:ghs_secret@github.com/team/app.git",
        "ssh://git@github.com:22/team/app.git",
        "git://github.com/team/app",
    ],
)
def test_every_spelling_of_one_remote_is_one_repository(url: str) -> None:
    assert remote_identity(url, ROOT) == "github.com/team/app"


def test_a_path_remote_is_its_absolute_path() -> None:
    assert remote_identity("../upstream/app.git", ROOT) == "/work/checkouts/upstream/app"
    assert remote_identity("file:///srv/git/app.git", ROOT) == "/srv/git/app"
    assert remote_identity("/srv/git/app/.git", ROOT) == "/srv/git/app"


def test_gh_repo_names_a_github_repository() -> None:
    def key(value: str) -> str:
        named = gh_repo({"GH_REPO": value})
        assert named is not None
        return github_identity(named)

    assert key("Team/App") == "github.com/team/app"
    assert key("ghe.example.com/team/app") == "ghe.example.com/team/app"


def test_rows_still_keyless_belong_to_no_keyed_repository() -> None:
    # The store's upgrade (m009) gave every row it could tell its key; a name alone does not
    # tell `o1/app` from `o2/app`.
    here = Repository("github.com/team/app", "team/app")
    assert here.holds("github.com/team/app", "anything")
    assert not here.holds("/elsewhere/app", "team/app")
    assert not here.holds("", "team/app")
    assert here.would_have_held("", "team/app")
    assert not here.holds("", "")
    assert not here.would_have_held("", "app")
    # Only a review itself stored before keys (resumed) has none: rows as they were then.
    old = Repository("", "app")
    assert old.holds("", "app") and not old.holds("/x/app", "app")
