"""Folders that are not there (trial 54 #4, #5, #6): a current folder removed under the shell,
a `--repo` that names no folder, a path with a name longer than the file system allows. Each
is one line saying how to fix it, exit 2, nothing written — never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

SRC = Path(__file__).resolve().parents[2] / "src"


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _run_in_removed_folder(tmp: Path, args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """`deep-review ARGS` in a shell whose current folder another terminal removed: a process
    cannot be started in a removed folder, so the child goes there and removes it itself."""
    gone = tmp / "gone"
    gone.mkdir()
    script = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "from deepreview.cli.main import main\n"
        f"sys.argv = ['deep-review', *{args!r}]\n"
        "main()\n"
    )
    env = {**env, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp, env=env, capture_output=True, timeout=60
    )
    out, err = (b.decode("utf-8", errors="replace") for b in (done.stdout, done.stderr))
    return done.returncode, out, err


@pytest.mark.parametrize(
    "args", [["review"], ["doctor"], ["list"], ["stats"], ["list", "--store", "reviews"]]
)
def test_a_removed_current_folder_is_one_line(tmp_path: Path, args: list[str]) -> None:
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]  # no named store: the folder is all there is to go by
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    code, stdout, stderr = _run_in_removed_folder(tmp_path, args, env)
    if args == ["doctor"]:  # doctor reports what a review would do, on stdout
        assert "Traceback" not in stderr, stderr
        line = stdout.splitlines()[-1]
        assert line.startswith("A review here would refuse to start: "), stdout
    else:
        line = _one_line(stderr)
        assert code == 2, stderr
    assert "the current folder no longer exists" in line, line
    assert "cd into the repository" in line, line
    assert not (tmp_path / "data").exists()


@pytest.mark.slow
@pytest.mark.parametrize("args", [["list"], ["stats"]])
def test_a_named_store_is_read_from_a_removed_current_folder(
    tmp_path: Path, args: list[str]
) -> None:
    """A reader given `--store DIR` needs no current folder at all."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    store = tmp_path / "store"
    made = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "static", "--lead", "none"], cwd=repo, env=env
    )
    assert made.returncode == 0, made.stderr
    code, _, stderr = _run_in_removed_folder(tmp_path, [*args, "--store", str(store)], env)
    assert code == 0, stderr
    assert "Traceback" not in stderr, stderr


@pytest.mark.parametrize(
    "args", [["review", "HEAD~1..HEAD", "--agents", "static"], ["list"], ["doctor"]]
)
def test_a_repo_option_naming_no_folder_says_so(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    missing = tmp_path / "no-such-checkout"
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    res = run_cli([*args, "--repo", str(missing)], cwd=repo, env=env)
    if args == ["doctor"]:
        assert f"--repo {missing}: no such folder" in res.stdout, res.stdout
        assert "git is not installed" not in res.stdout
        return
    line = _one_line(res.stderr)
    assert res.returncode == 2, res.stderr
    assert line.endswith(f"--repo {missing}: no such folder; pass the checkout to review"), line
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("args", [["stats"], ["declines"], ["stats", "--json"]])
def test_a_repo_option_naming_no_folder_beside_a_named_store_says_so(
    tmp_path: Path, args: list[str]
) -> None:
    """With the store named (`DEEP_REVIEW_STORE`, a store of many repositories), `--repo`
    picks the repository `stats` and `declines` count: one that names no folder was read as
    "outside any repository" and counted every repository's reviews, exit 0."""
    repo = make_repo(tmp_path)
    missing = tmp_path / "no-such-checkout"
    env = cli_env(tmp_path)
    first = run_cli(["review", "HEAD~1..HEAD", "--agents", "static"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    res = run_cli([*args, "--repo", str(missing)], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert line.endswith(f"--repo {missing}: no such folder; pass the checkout to review"), line


LONG = "x" * 300  # one name over the 255 bytes a file system allows


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["list", "--store", "{tmp}/" + LONG], "File name too long"),
        (["review", "HEAD~1..HEAD", "--agents", "static", "--store", "{tmp}/" + LONG], "too long"),
        (["review", "HEAD~1..HEAD", "--agents", "static", "--config", "{tmp}/" + LONG], "too long"),
        (
            ["review", "HEAD~1..HEAD", "--seat-only", "static", "--out", "{tmp}/" + LONG],
            "too long",
        ),
        (["finish", "--from", "{tmp}/" + LONG], "too long"),
        (["show", LONG], f"no review '{LONG}'"),
        (["delete", LONG, "--yes"], f"no review '{LONG}'"),
    ],
    ids=["list-store", "review-store", "config", "seat-only-out", "finish-from", "show", "delete"],
)
def test_a_name_over_255_bytes_is_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    store = tmp_path / "store"
    if args[0] in ("show", "delete"):  # a store with a review in it, which stays as it was
        made = run_cli(
            ["review", "HEAD~1..HEAD", "--agents", "static", "--lead", "none"], cwd=repo, env=env
        )
        assert made.returncode == 0, made.stderr
    before = sorted(os.listdir(store)) if store.exists() else None
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    res = run_cli(args, cwd=repo, env=env)
    line = _one_line(res.stderr)
    assert res.returncode == 2, res.stderr
    assert needle in line, line
    assert (sorted(os.listdir(store)) if store.exists() else None) == before
    assert not (tmp_path / LONG[:200]).exists()


@pytest.mark.parametrize("var", ["DEEP_REVIEW_STORE", "DEEP_REVIEW_CONFIG"])
def test_an_environment_path_over_255_bytes_is_one_line(tmp_path: Path, var: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {var: str(tmp_path / LONG)})
    res = run_cli(["list"], cwd=repo, env=env)
    line = _one_line(res.stderr)
    assert res.returncode == 2, res.stderr
    assert "too long" in line, line
