"""An empty `--series ""` or FINDING `""` is bad input, said in one line (exit 2), never read as
"no filter" (every series listed) nor as a finding ID that no review has ("has no finding ;")."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize(
    "argv",
    [
        ["declines", "--series", ""],
        ["declines", "--series", "  "],
        ["stats", "--series", ""],
        ["decline", "20261206-000000-abcdef0", "I1", "--reason", "by design", "--series", ""],
    ],
)
def test_an_empty_series_is_refused(tmp_path: Path, argv: list[str]) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(argv, cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stdout
    assert res.stderr.strip().splitlines()[-1] == (
        "deep-review: error: --series is empty; give a PR number (123, #123) or a branch name, "
        "or drop --series"
    )


def test_an_empty_finding_id_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["decline", "20261206-000000-abcdef0", " ", "--reason", "by design"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2, res.stdout
    assert res.stderr.strip().splitlines()[-1] == (
        "deep-review: error: FINDING is empty; give a finding's ID such as C1 or I2 "
        "(`deep-review show REVIEW_ID` lists them)"
    )
