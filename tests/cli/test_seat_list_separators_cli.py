"""A seat list written with spaces or semicolons (`--agents "claude static"`, as a shell list
reads) names several seats: the line says to separate them with commas and gives the list
that way, rather than calling `claude static` a seat name that is not plain — and, for one who
meant a single seat named so, what a seat's name may hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize("text", ["claude static", "claude;static", "claude ; static"])
def test_seats_separated_otherwise_than_by_commas(tmp_path: Path, text: str) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["review", "--agents", text, "--lead", "none"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        f"deep-review: error: --agents {text!r} names several seats; separate them with "
        "commas (e.g. --agents claude,static); one seat's name has no blanks (letters, digits, "
        "'-', '_' and '.')"
    ]


def test_the_variable_says_it_in_its_own_form(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"DEEP_REVIEW_AGENTS": "claude static"})
    res = run_cli(["review", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        "deep-review: error: DEEP_REVIEW_AGENTS 'claude static' names several seats; separate "
        "them with commas (e.g. DEEP_REVIEW_AGENTS=claude,static); one seat's name has no "
        "blanks (letters, digits, '-', '_' and '.')"
    ]
