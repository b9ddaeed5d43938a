"""A `--series` no review can be in (PR #0, `pr:abc`, a branch name git refuses) is bad input,
said in one line (exit 2) with what to give instead, never a count of zero reviews that reads
as "this PR has none"; a PR number written with leading zeros is that PR."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

_HOW = "give a PR number (123, #123) or a branch name, or drop --series"


@pytest.mark.parametrize(
    ("series", "why"),
    [
        ("#0", "PR numbers start at 1"),
        ("0", "PR numbers start at 1"),
        ("pr:0", "PR numbers start at 1"),
        ("#-1", "'#' starts a PR number"),
        ("#abc", "'#' starts a PR number"),
        ("#", "'#' starts a PR number"),
        ("pr:", "'pr:' takes a PR number"),
        ("pr:abc", "'pr:' takes a PR number"),
        ("branch:", "'branch:' takes a branch name"),
        ("#99999999999", "PR numbers go up to 2147483647"),
        ("a..b", "no branch can be named so"),
        ("foo bar", "no branch can be named so"),
        ("topic/", "no branch can be named so"),
        ("-x", "no branch can be named so"),
    ],
)
@pytest.mark.parametrize("command", ["stats", "declines"])
def test_a_series_no_review_can_be_in_is_refused(
    tmp_path: Path, series: str, why: str, command: str
) -> None:
    repo = make_repo(tmp_path)
    res = run_cli([command, f"--series={series}"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stdout
    assert res.stderr.strip().splitlines()[-1] == (
        f"deep-review: error: --series {series!r}: {why}; {_HOW}"
    )


def test_a_pr_number_with_leading_zeros_is_that_pr(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["stats", "--json", "--series", "#007"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert res.json()["scope"]["series"] == "pr:7"
