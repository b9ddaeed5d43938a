"""Reading the store from the CLI when it lacks something: a review stored without HTML
(`open`), and a store folder that is not there or is a file (`list`, `show`, `stats`,
`declines`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, git, make_repo, run_cli


def _review_md_only(tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--format", "md", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert not (Path(env["DEEP_REVIEW_STORE"]) / f"{rid}.html").exists()
    return repo, env, rid


def test_open_renders_the_html_of_a_review_stored_without_it(tmp_path: Path) -> None:
    repo, env, rid = _review_md_only(tmp_path)
    # BROWSER=false: no browser opens, so `open` prints the page's path.
    opened = run_cli(["open", rid], cwd=repo, env={**env, "BROWSER": "false"})
    assert opened.returncode == 0, opened.stderr
    page = Path(opened.stdout.strip())
    assert page.is_file() and page.suffix == ".html"
    shown = run_cli(["show", rid, "--format", "html"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    assert page.read_text(encoding="utf-8") == shown.stdout
    # The store's own record of which formats the review wrote is unchanged.
    assert not (Path(env["DEEP_REVIEW_STORE"]) / f"{rid}.html").exists()


def test_open_names_the_page_it_handed_to_the_browser(tmp_path: Path) -> None:
    """A browser command that starts and fails on its own (xdg-open with no display, over ssh)
    used to leave the user with nothing at all: the page is named on stderr (stdout stays
    empty for scripts, which get the path there only when no browser took it)."""
    repo, env, rid = _review_md_only(tmp_path)
    # a real process: `webbrowser` reads BROWSER once per process, at its first use
    opened = run_cli(["open", rid], cwd=repo, env={**env, "BROWSER": "true"}, in_process=False)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout == ""
    (line,) = opened.stderr.strip().splitlines()
    assert line.startswith("Opened ") and line.endswith(
        " in the browser; if none appeared, open that file yourself"
    ), line
    page = Path(line.removeprefix("Opened ").split(" in the browser")[0])
    assert page.is_file() and page.suffix == ".html"


READERS = [["list"], ["list", "--json"], ["stats"], ["declines"], ["show", "20990101-000000-x"]]
# Commands that run a stored review again read the store first: a typo in --store is the same
# one line, not "no review 'x' in DIR" (which sends one looking for the ID).
RERUNS = [["relead", "20990101-000000-x"], ["resume", "20990101-000000-x"]]


@pytest.mark.parametrize("args", READERS + RERUNS, ids=" ".join)
def test_a_store_flag_naming_no_folder_is_bad_input(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    missing = tmp_path / "typo-store"
    res = run_cli([*args, "--store", str(missing)], cwd=repo, env=env)
    assert res.returncode == 2, (res.stdout, res.stderr)
    (line,) = res.stderr.strip().splitlines()
    assert f"no review store at {missing}" in line and "check the path" in line
    assert not missing.exists()


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_a_store_flag_naming_a_file_is_bad_input(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    a_file = tmp_path / "store.txt"
    a_file.write_text("not a store\n")
    res = run_cli([*args, "--store", str(a_file)], cwd=repo, env=env)
    assert res.returncode == 2, (res.stdout, res.stderr)
    (line,) = res.stderr.strip().splitlines()
    assert f"the review store {a_file} is a file, not a folder" in line


def test_a_default_store_not_made_yet_reads_as_empty(tmp_path: Path) -> None:
    """A fresh machine: no --store, no $DEEP_REVIEW_STORE, nothing reviewed yet."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    listed = run_cli(["list"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    assert "No reviews stored" in listed.stdout and "deep-review review" in listed.stdout
    as_json = run_cli(["list", "--json"], cwd=repo, env=env)
    assert as_json.returncode == 0 and as_json.json()["reviews"] == []
    for args in (["stats"], ["declines"]):
        res = run_cli(args, cwd=repo, env=env)
        assert res.returncode == 0, res.stderr
    assert not (tmp_path / "data").exists()  # reading made no store


def test_adding_a_github_remote_keeps_the_default_store(tmp_path: Path) -> None:
    """The default store folder is named after the repository when first used; a checkout that
    later gains a GitHub `origin` (or a GH_REPO) still finds its earlier reviews and rounds."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    args = ["review", "main..feature/x", "--agents", "static", "--lead", "none", "--json"]
    first = run_cli(args, cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    rid = first.json()["review_id"]

    git(repo, "remote", "add", "origin", "https://github.com/octo/calc.git")
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in listed.json()["reviews"]] == [rid]
    second = run_cli(args, cwd=repo, env={**env, "GH_REPO": "octo/other"})
    assert second.returncode == 0, second.stderr
    assert Path(second.json()["paths"]["json"]).parent == Path(first.json()["paths"]["json"]).parent
    stores = list((tmp_path / "data" / "deep-review" / "reviews").iterdir())
    assert len(stores) == 1, stores


def test_a_named_store_is_read_from_outside_any_repository(tmp_path: Path) -> None:
    """A store downloaded from CI is read where it lies: `--store DIR` or $DEEP_REVIEW_STORE
    needs no checkout around the current folder."""
    _repo, env, rid = _review_md_only(tmp_path)
    store = env["DEEP_REVIEW_STORE"]
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    named = {k: v for k, v in env.items() if k != "DEEP_REVIEW_STORE"}
    for how, extra, run_env in (("flag", ["--store", store], named), ("env", [], env)):
        listed = run_cli(["list", "--json", *extra], cwd=elsewhere, env=run_env)
        assert listed.returncode == 0, (how, listed.stderr)
        assert [r["id"] for r in listed.json()["reviews"]] == [rid]
        shown = run_cli(["show", rid, *extra], cwd=elsewhere, env=run_env)
        assert shown.returncode == 0, (how, shown.stderr)
        assert "## Executive Summary" in shown.stdout
        opened = run_cli(["open", rid, *extra], cwd=elsewhere, env={**run_env, "BROWSER": "false"})
        assert opened.returncode == 0, (how, opened.stderr)
        assert Path(opened.stdout.strip()).suffix == ".html"


def test_outside_a_repository_without_a_named_store_is_bad_input(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    for args in (["list"], ["show", "20990101-000000-x"]):
        res = run_cli(args, cwd=elsewhere, env=env)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        (line,) = res.stderr.strip().splitlines()
        # the folder by its whole path, as `review` names it (before: `. is not inside …`)
        assert f"{elsewhere.resolve()} is not inside a git repository" in line


@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "20990101-000000-x"], ["stats"], ["resume", "20990101-000000-x"]],
)
def test_a_bare_repository_without_a_named_store_says_so(tmp_path: Path, args: list[str]) -> None:
    """The store readers say what `review` says in a bare repository (not "not inside a git
    repository", which it is), plus their own way out: a named store."""
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(make_repo(tmp_path)), str(bare))
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    res = run_cli(args, cwd=bare, env=env)
    assert res.returncode == 2, (args, res.stdout, res.stderr)
    (line,) = res.stderr.strip().splitlines()
    assert f"{bare.resolve()} is a bare repository" in line, line
    assert f"git -C {bare.resolve()} worktree add" in line, line
    assert line.endswith("or pass --repo CHECKOUT or --store DIR"), line
