"""How a repository is identified in a shared store (`targets.identity`): one key for every
spelling of one remote, never its credentials."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    assert github_identity("Team/App") == "github.com/team/app"
    assert github_identity("ghe.example.com/team/app") == "ghe.example.com/team/app"


def test_rows_from_before_keys_are_matched_by_name() -> None:
    here = Repository("github.com/team/app", "team/app")
    assert here.holds("github.com/team/app", "anything")
    assert not here.holds("/elsewhere/app", "team/app")
    assert here.holds("", "team/app")
    assert not here.holds("", "app")
    # a decline from before keys whose review row is gone: as it applied then
    assert here.holds("", "")
