"""`targets.tree`: the files and folders a repository holds at a commit, against real git."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview import proc
from deepreview.targets import tree
from support.repos import commit_all, git, make_repo, write


@pytest.fixture
def ls_tree_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The `git ls-tree` commands run while the test runs (every other command still runs)."""
    calls: list[tuple[str, ...]] = []
    real = proc.run

    def counted(argv, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "ls-tree" in argv:
            calls.append(tuple(argv))
        return real(argv, *args, **kwargs)

    monkeypatch.setattr(proc, "run", counted)
    return calls


def test_files_and_the_folders_above_them(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "ops/bootstrap", "#!/bin/sh\n")
    write(repo, "src/pkg/deep/mod.py", "x = 1\n")
    write(repo, "docs/naïve notes.md", "text\n")
    sha = commit_all(repo, "more files")
    found = tree.tree_at(repo, sha)
    assert found is not None
    assert found.files == {
        "README.md",
        "AGENTS.md",
        "calc.py",
        "util/strings.py",
        "ops/bootstrap",
        "src/pkg/deep/mod.py",
        "docs/naïve notes.md",
    }
    assert found.paths == found.files | {"util", "ops", "src", "src/pkg", "src/pkg/deep", "docs"}
    assert tree.paths_at(repo, sha) == found.paths
    assert tree.files_at(repo, sha) == found.files


def test_each_commit_is_listed_once_per_process(
    tmp_path: Path, ls_tree_calls: list[tuple[str, ...]]
) -> None:
    repo = make_repo(tmp_path)
    head = git(repo, "rev-parse", "HEAD")
    base = git(repo, "rev-parse", "main")
    first = tree.paths_at(repo, head)
    assert tree.paths_at(repo, head) is first
    assert tree.files_at(repo, head) is not None
    assert len(ls_tree_calls) == 1
    # another commit is another tree: the base has no `util/`
    assert "util" not in (tree.paths_at(repo, base) or ())
    assert first is not None and "util" in first
    assert len(ls_tree_calls) == 2


def test_a_ref_is_read_again_as_its_tip_moves(
    tmp_path: Path, ls_tree_calls: list[tuple[str, ...]]
) -> None:
    repo = make_repo(tmp_path)
    assert "ops/bootstrap" not in (tree.paths_at(repo, "HEAD") or ())
    write(repo, "ops/bootstrap", "#!/bin/sh\n")
    commit_all(repo, "bootstrap")
    assert "ops/bootstrap" in (tree.paths_at(repo, "HEAD") or ())
    assert len(ls_tree_calls) == 2


def test_a_commit_git_cannot_list_is_none(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    assert tree.tree_at(repo, "0" * 40) is None
    assert tree.paths_at(repo, "0" * 40) is None
