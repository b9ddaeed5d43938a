"""A command an error line tells the user to run works as pasted when the path in it holds a
space (`~/My Projects/app`, a store on `/Volumes/Backup Disk`): the path is quoted as a shell
reads it. Before, `run `deep-review review --store /tmp/my store` first` or `git worktree
repair /tmp/my checkout` split the path in two when pasted."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import git, make_repo, run_cli
from support.review_seat import REVIEW_FAST, fast_seat


def _command(line: str, starts: str) -> list[str]:
    """The backticked command in `line` that begins with `starts`, as a shell splits it."""
    found = re.search(rf"`({re.escape(starts)}[^`]*)`", line)
    assert found is not None, line
    return shlex.split(found.group(1))


def test_the_make_a_store_hint_quotes_a_store_path_with_a_space(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    store = tmp_path / "backup disk" / "reviews"
    res = run_cli(["list", "--store", str(store)], cwd=repo, env=Fakes(tmp_path).env())
    assert res.returncode == 2
    assert _command(res.stderr, "deep-review review") == [
        "deep-review",
        "review",
        "--store",
        str(store),
    ]


def test_the_reindex_hint_quotes_a_store_path_with_a_space(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    store = tmp_path / "backup disk" / "reviews"
    env = fast_seat(tmp_path).env()
    first = run_cli([*REVIEW_FAST, "--store", str(store)], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    (store / "index.sqlite").write_bytes(b"not a database at all\n" * 8)
    res = run_cli(["list", "--store", str(store)], cwd=repo, env=env)
    assert res.returncode == 2
    assert _command(res.stderr, "deep-review reindex") == [
        "deep-review",
        "reindex",
        "--store",
        str(store),
    ]


def test_the_worktree_repair_hint_quotes_a_checkout_path_with_a_space(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "main repo")
    linked = tmp_path / "my checkout"
    git(repo, "worktree", "add", "-q", str(linked), "-b", "feat2")
    repo.rename(tmp_path / "main repo moved")
    res = Fakes(tmp_path).review(linked, "--agents", "static")
    assert res.returncode == 2
    assert _command(res.stderr, "git worktree repair") == ["git", "worktree", "repair", str(linked)]
