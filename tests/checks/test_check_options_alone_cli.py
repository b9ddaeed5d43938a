"""`--probe-max`, `--probe-minutes` and `--jobs` tune the checks only: given without the checks
they would use (`--probe-tests`; `--jobs` also `--check-fixes`), the review ran and ignored
them, leaving the user believing mutants were probed. Refused as `--test-cmd` alone is: one
line, exit 2, nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--probe-max", "5"],
            "--probe-max is used only by --probe-tests; add it or drop --probe-max",
        ),
        (
            ["--probe-minutes", "2"],
            "--probe-minutes is used only by --probe-tests; add it or drop --probe-minutes",
        ),
        (
            ["--probe-max", "5", "--check-fixes", "--allow-exec", "--test-cmd", "true"],
            "--probe-max is used only by --probe-tests; add it or drop --probe-max",
        ),
        (
            ["--jobs", "3"],
            "--jobs is used only by --check-fixes or --probe-tests; add one of them or drop --jobs",
        ),
    ],
)
def test_a_check_option_without_its_check_is_refused(
    tmp_path: Path, args: list[str], line: str
) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", *args],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [f"deep-review: error: {line}"]
    assert not (tmp_path / "store").exists()
