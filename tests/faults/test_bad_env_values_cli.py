"""A bad value in a `DEEP_REVIEW_*` variable is said as `--timeout` and a config file say theirs:
the variable, the value it got, what it takes, and to fix or unset it (exit 2, one line). The
report URL variable takes what `[publish] report_url` takes: no space or `()<>`, which would
break the Markdown link of the PR comment, and a URL in a file is refused so."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize(
    ("var", "value", "line"),
    [
        (
            "DEEP_REVIEW_TIMEOUT",
            "0",
            "DEEP_REVIEW_TIMEOUT=0: must be a finite number of seconds greater than 0 "
            "(e.g. 1800); fix or unset it",
        ),
        (
            "DEEP_REVIEW_TIMEOUT",
            "inf",
            "DEEP_REVIEW_TIMEOUT=inf: must be a finite number of seconds greater than 0 "
            "(e.g. 1800); fix or unset it",
        ),
        (
            "DEEP_REVIEW_REPORT_URL",
            "reviews.example/{id}",
            "DEEP_REVIEW_REPORT_URL=reviews.example/{id}: must be an http(s) URL template like "
            "https://host/{id}.html; fix or unset it",
        ),
        (
            "DEEP_REVIEW_REPORT_URL",
            "https://reviews.example/a b/{id}",
            "DEEP_REVIEW_REPORT_URL=https://reviews.example/a b/{id}: must be an http(s) URL "
            "template like https://host/{id}.html; fix or unset it",
        ),
    ],
)
def test_a_bad_environment_value_is_one_line(
    tmp_path: Path, var: str, value: str, line: str
) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none"],
        cwd=repo,
        env=cli_env(tmp_path, {var: value}),
    )
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [f"deep-review: error: {line}"]
    assert not (tmp_path / "store").exists()
