"""`--store ""` and `--config ""` (a script's `--store "$STORE_DIR"` with the variable unset)
were read as no option at all: the review went to the default store, where the job's upload of
its store folder found nothing, and the extra config was silently left out. They are refused
in one line, as `--repo ""` is, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

REVIEW = ["review", "--agents", "static", "--lead", "none"]


def _refused(res_stderr: str, returncode: int, line: str) -> None:
    assert returncode == 2, res_stderr
    assert res_stderr.splitlines() == [f"deep-review: error: {line}"], res_stderr


@pytest.mark.parametrize(
    "args", [REVIEW, ["list"], ["stats"], ["show", "20990101-000000-x"]], ids=lambda a: a[0]
)
def test_an_empty_store_option_is_refused(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli([*args, "--store", ""], cwd=repo, env=env)
    _refused(
        res.stderr,
        res.returncode,
        "--store is empty; give the store folder, or drop --store for the default store",
    )
    assert not Path(env["DEEP_REVIEW_STORE"]).exists()


@pytest.mark.parametrize("args", [REVIEW, ["doctor"]], ids=lambda a: a[0])
def test_an_empty_config_option_is_refused(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli([*args, "--config", " "], cwd=repo, env=env)
    _refused(
        res.stderr,
        res.returncode,
        "--config is empty; give the config file's path, or drop --config",
    )
    assert not Path(env["DEEP_REVIEW_STORE"]).exists()


def test_an_empty_out_or_from_is_refused_not_read_as_the_current_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(["review", "--seat-only", "static", "--out", ""], cwd=repo, env=env)
    _refused(res.stderr, res.returncode, "--out is empty; give the folder for the seat result")
    res = run_cli(["finish", "--from", "", "--lead", "none"], cwd=repo, env=env)
    _refused(
        res.stderr,
        res.returncode,
        "--from is empty; give a seat result folder (the --out DIR of a seat run)",
    )
    assert not Path(env["DEEP_REVIEW_STORE"]).exists()
