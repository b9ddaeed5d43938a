"""`workspace.sweep` removes what a killed review's seats wrote down, and nothing else: never
what a live process holds, another machine's folders, or a folder that is not ours (a store is
data: a copied or downloaded one may name anything). Real git worktrees in temp dirs."""

from __future__ import annotations

import json
import os
from pathlib import Path

from deepreview.lockfile import hold
from deepreview.targets.git import Git
from deepreview.workspace.ledger import Ledger, recorded
from deepreview.workspace.sweep import sweep
from deepreview.workspace.worktree import seat_worktree
from fakebin.harness import worktrees
from support.repos import make_repo


def _entry(folder: Path, name: str, **fields: str) -> Path:
    data = {"review": "R1", "kind": "worktree", "host": os.uname().nodename, **fields}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _add_worktree(repo: Path, path: Path) -> None:
    Git(repo).run(["worktree", "add", "--detach", str(path), "HEAD"])


def test_a_live_seats_entry_is_untouched_and_its_own_exit_clears_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    ledger = Ledger(tmp_path / "store" / ".workspaces", "R1")
    with seat_worktree(repo, "HEAD", "claude", ledger) as wt:
        assert [e.name for e in ledger.folder.iterdir()] == [f"{wt.name}.json"]
        assert sweep(ledger.folder) == []
        assert wt.is_dir() and str(wt) in worktrees(repo)
    assert worktrees(repo) == [str(repo)]
    assert not ledger.folder.exists()  # the last entry takes the folder with it


def test_what_a_dead_process_left_is_removed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    folder = tmp_path / "store" / ".workspaces"
    tree = tmp_path / "review-claude-abc"
    _add_worktree(repo, tree)
    home = tmp_path / "deep-review-home-claude-abc"
    (home / ".claude").mkdir(parents=True)
    _entry(folder, tree.name, path=str(tree), repo=str(repo))
    _entry(folder, home.name, kind="home", path=str(home), repo=str(home))
    found = sweep(folder)
    assert sorted((x.kind, x.removed) for x in found) == [("home", True), ("worktree", True)]
    assert worktrees(repo) == [str(repo)]
    assert not tree.exists() and not home.exists() and not folder.exists()


def test_what_is_not_ours_is_left_and_another_machines_entry_kept(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    folder = tmp_path / "store" / ".workspaces"
    # A worktree of the user's own, not of our name; a folder of our name git does not know.
    theirs = tmp_path / "my-worktree"
    _add_worktree(repo, theirs)
    stray = tmp_path / "review-stray"
    stray.mkdir()
    (stray / "notes.txt").write_text("mine\n", encoding="utf-8")
    elsewhere = tmp_path / "review-elsewhere"
    _add_worktree(repo, elsewhere)
    link = tmp_path / "deep-review-home-link"
    link.symlink_to(stray)
    _entry(folder, "a", path=str(theirs), repo=str(repo))
    _entry(folder, "b", path=str(stray), repo=str(repo))
    _entry(folder, "c", kind="home", path=str(link), repo=str(link))
    other_host = _entry(folder, "d", path=str(elsewhere), repo=str(repo), host="another-machine")
    _entry(folder, "e", path="relative/review-x", repo=str(repo))
    found = sweep(folder)
    assert sorted(str(x.path) for x in found if not x.removed) == sorted(
        [str(theirs), str(stray), str(link)]
    )
    assert not any(x.removed for x in found)
    assert sorted(worktrees(repo)) == sorted([str(repo), str(theirs), str(elsewhere)])
    assert (stray / "notes.txt").is_file() and link.is_symlink()
    assert [p.name for p in folder.iterdir()] == [other_host.name]


def test_an_entry_written_down_is_held_until_the_block_ends(tmp_path: Path) -> None:
    folder = tmp_path / ".workspaces"
    path = tmp_path / "deep-review-home-x"
    path.mkdir()
    with recorded(Ledger(folder, "R2"), "home", path, path):
        [entry] = folder.iterdir()
        assert json.loads(entry.read_text(encoding="utf-8"))["review"] == "R2"
        assert hold(entry, "", wait_s=0) is None  # locked by this block
    assert not folder.exists()
