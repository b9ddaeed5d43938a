"""`--inline` is a way of posting: `review` and `finish` both refuse it without `--post`
(exit 2, one line) before any seat runs or any result is read, rather than store a review
and post nothing. Through the real command."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

LINE = "--inline posts inline comments with --post; add --post"


@pytest.mark.parametrize(
    "argv",
    [
        ["review", "--agents", "alpha", "--exact-range", "main..feature/x", "--inline"],
        ["finish", "--from", "no-such-results", "--inline"],
    ],
    ids=["review", "finish"],
)
def test_inline_without_post_is_refused(tmp_path: Path, argv: list[str]) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(argv, cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == f"deep-review: error: {LINE}", res.stderr
