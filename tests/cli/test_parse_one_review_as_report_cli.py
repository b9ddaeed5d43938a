"""`parse REVIEW.md --format html` (or md, sarif) of one agent's review: a report format needs
a report, and `consolidate` makes one of a single review. The one line said only to use
`--format json`, which is not what was asked for; it now also gives the command that renders
the review in that format, which, followed as printed, does."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from support.repos import cli_env, run_cli

REVIEW = """## Findings

### Important Issues

1. **`sub` ignores negative inputs** — `calc.py:5`
   It returns `a - b` unchecked.

## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | Reviewed, 1 issue |
"""


@pytest.mark.parametrize("fmt", ["md", "html", "sarif"])
def test_parse_of_one_review_names_the_command_that_renders_it(tmp_path: Path, fmt: str) -> None:
    env = cli_env(tmp_path)
    review = tmp_path / "claude review.md"
    review.write_text(REVIEW, encoding="utf-8")
    res = run_cli(["parse", str(review), "--format", fmt], cwd=tmp_path, env=env)
    assert res.returncode == 2 and res.stdout == "", res.stdout + res.stderr
    (line,) = res.stderr.strip().splitlines()
    command = f"deep-review consolidate {shlex.quote(str(review))} --format {fmt}"
    assert f"`{command}`" in line and "--format json" in line, line
    made = run_cli(shlex.split(command)[1:], cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    assert "ignores negative inputs" in made.stdout


def test_parse_of_one_review_on_stdin_says_to_pipe_it_to_consolidate(tmp_path: Path) -> None:
    """`consolidate -` reads stdin too (it said to save the review to a file first)."""
    env = cli_env(tmp_path)
    res = run_cli(["parse", "-", "--format", "html"], cwd=tmp_path, env=env, input_=REVIEW.encode())
    assert res.returncode == 2, res.stdout + res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert "pipe it to `deep-review consolidate - --format html`" in line, line
    made = run_cli(
        ["consolidate", "-", "--format", "html"], cwd=tmp_path, env=env, input_=REVIEW.encode()
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.lstrip().startswith("<!DOCTYPE html>"), made.stdout[:80]
