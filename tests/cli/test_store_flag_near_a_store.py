"""`--store` naming something next to a review store rather than the store itself: one of its
reviews' folders, one of its report files (tab completion in `~/reviews/` stops there), or the
folder that holds it. The one line names the store to pass instead, and nothing is written
where the flag pointed; it never says to "move away" a review's own report file or to start
a new empty store, which would read as no reviews at all."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


def _stored(tmp_path: Path) -> tuple[Path, dict[str, str], Path, str]:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    store = tmp_path / "my reviews"
    env["DEEP_REVIEW_STORE"] = str(store)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, store, res.json()["review_id"]


def _one_line(res_stderr: str) -> str:
    lines = [ln for ln in res_stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in res_stderr, res_stderr
    return lines[0]


def _snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path, str]:
    """One stored review for the refusals that only read: each asserts what it must not write."""
    return _stored(tmp_path_factory.mktemp("stored"))


@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "{rid}"], ["stats"], ["review", "--agents", "static", "--lead", "none"]],
    ids=lambda a: a[0],
)
def test_a_reviews_folder_given_as_the_store_names_its_store(
    stored: tuple[Path, dict[str, str], Path, str], args: list[str]
) -> None:
    repo, env, store, rid = stored
    folder = store / rid
    before = _snapshot(folder)
    res = run_cli([a.format(rid=rid) for a in args] + ["--store", str(folder)], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert f"is the folder of review {rid}" in line, line
    assert f"pass --store {shlex.quote(str(store))}" in line, line
    assert "new or empty folder" not in line, line
    assert _snapshot(folder) == before  # no index, no store mark written into it


def test_a_report_file_given_as_the_store_names_its_store(
    stored: tuple[Path, dict[str, str], Path, str],
) -> None:
    repo, env, store, rid = stored
    report = store / f"{rid}.md"
    res = run_cli(["show", rid, "--store", str(report)], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert f"is a report file of review {rid}" in line, line
    assert f"pass --store {shlex.quote(str(store))}" in line, line
    assert "move it away" not in line, line
    assert report.is_file()
    # followed as printed, it shows the review
    shown = run_cli(["show", rid, "--store", str(store)], cwd=repo, env=env)
    assert shown.returncode == 0 and rid in shown.stdout, shown.stderr


def test_the_folder_holding_a_store_names_the_store_inside(
    stored: tuple[Path, dict[str, str], Path, str],
) -> None:
    repo, env, store, _rid = stored
    parent = store.parent  # also holds the repository and the test's config: not empty
    before = _snapshot(store)
    res = run_cli(["list", "--store", str(parent)], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert f"holds the review store {store}" in line, line
    assert f"pass --store {shlex.quote(str(store))}" in line, line
    assert not (parent / "index.sqlite").exists()
    assert _snapshot(store) == before


def test_a_folder_holding_only_other_files_is_still_no_store(tmp_path: Path) -> None:
    """The usual refusal stands where no store is near: a folder of the user's own."""
    repo, env, _store, _rid = _stored(tmp_path)
    own = tmp_path / "own"
    (own / "sub").mkdir(parents=True)
    (own / "notes.txt").write_text("mine\n", encoding="utf-8")
    res = run_cli(["list", "--store", str(own)], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert "is not a Deep Review store but a folder holding other files" in line, line


def test_a_new_empty_folder_inside_a_store_still_becomes_one(tmp_path: Path) -> None:
    repo, env, store, _rid = _stored(tmp_path)
    team = store / "team"
    team.mkdir()
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--store", str(team)], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr
    assert (team / "index.sqlite").is_file()
