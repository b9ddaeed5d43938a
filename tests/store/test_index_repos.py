"""Trial 40 defect 4: the store's index.html was titled after whichever repository was reviewed
last ("Deep Review — other") while it listed every repository's reviews, none saying whose. With
one repository the title names it; with several it names none, and a Repo column says whose
each review is."""

from __future__ import annotations

import re
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def _review(repo: Path, store: Path, tmp_path: Path) -> None:
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--store", str(store)],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stdout + res.stderr


def _page(store: Path) -> str:
    return (store / "index.html").read_text(encoding="utf-8")


def test_index_title_and_repo_column_follow_the_repositories_stored(tmp_path: Path) -> None:
    store = tmp_path / "store"
    widgets = make_repo(tmp_path, "widgets")
    _review(widgets, store, tmp_path)
    page = _page(store)
    assert "<title>Deep Review — widgets</title>" in page
    assert "<th>Repo</th>" not in page  # one repository: the title says whose they are

    other = make_repo(tmp_path, "other")
    _review(other, store, tmp_path)
    page = _page(store)
    assert "<title>Deep Review</title>" in page, re.findall(r"<title>.*</title>", page)
    assert "<h1>Deep Review</h1>" in page
    assert "<th>Repo</th>" in page
    cells = re.findall(r'<td class="repo">([^<]*)</td>', page)
    assert sorted(cells) == ["other", "widgets"]  # each review with its repository


def test_two_repositories_of_one_folder_name_are_told_apart(tmp_path: Path) -> None:
    """Trial 44: two checkouts named `app` (no GitHub remote) were one repository to the index:
    titled `Deep Review — app`, no Repo column, while `list` named each with its path."""
    store = tmp_path / "store"
    first = make_repo(tmp_path / "o1", "app")
    second = make_repo(tmp_path / "o2", "app")
    _review(first, store, tmp_path)
    _review(second, store, tmp_path)
    page = _page(store)
    assert "<title>Deep Review</title>" in page, re.findall(r"<title>.*</title>", page)
    cells = sorted(re.findall(r'<td class="repo">([^<]*)</td>', page))
    assert len(cells) == 2 and cells[0] != cells[1], cells
    assert all(c.startswith("app (") for c in cells), cells
    listed = run_cli(["list", "--json", "--store", str(store)], cwd=first, env=cli_env(tmp_path))
    keys = sorted(r["repo"] for r in listed.json()["reviews"])
    assert cells == keys, (cells, keys)  # as `list` names them
