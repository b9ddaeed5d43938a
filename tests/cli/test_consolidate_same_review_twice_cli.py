"""`consolidate` given one review twice, or two seats one reader cannot tell apart: refused in one
line (exit 2, nothing on stdout). Before, the same file under two `--seat` names (or through
`./` or a link) was two reviewers agreeing on every finding ("4 findings came from more than one
reviewer"), and seats `Claude` and `claude` were both shown as "Claude"."""

from __future__ import annotations

import os
from pathlib import Path

from support.repos import cli_env, run_cli

REVIEW = (
    "## Important\n\n"
    "- **Totals drop the last row** (`ledger/sum.py:14`): the loop stops at `len(rows) - 1`, so "
    "the final entry is never added.\n"
)
OTHER = "## Suggestions\n\n- **Name the magic number** (`ledger/sum.py:3`): 86400 is a day.\n"


def _one_line(stderr: str) -> str:
    (line,) = stderr.strip().splitlines()
    return line


def test_one_file_twice_is_refused(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    os.symlink("alpha.md", tmp_path / "link.md")
    for args, second in (
        (["alpha.md", "alpha.md", "--seat", "s", "--seat", "t"], "alpha.md"),
        (["alpha.md", "./alpha.md", "--seat", "s", "--seat", "t"], "./alpha.md"),
        (["alpha.md", "link.md"], "link.md"),
    ):
        res = run_cli(["consolidate", *args], cwd=tmp_path, env=env)
        assert (res.returncode, res.stdout) == (2, ""), res.stdout[:300]
        assert _one_line(res.stderr) == (
            f"deep-review: error: alpha.md and {second} are the same file: one review read "
            "twice would agree with itself; give each review once"
        ), res.stderr


def test_seats_shown_under_one_name_are_refused(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    (tmp_path / "beta.md").write_text(OTHER, encoding="utf-8")
    res = run_cli(
        ["consolidate", "alpha.md", "beta.md", "--seat", "Claude", "--seat", "claude"],
        cwd=tmp_path,
        env=env,
    )
    assert (res.returncode, res.stdout) == (2, ""), res.stdout[:300]
    assert _one_line(res.stderr) == (
        "deep-review: error: seats 'Claude' and 'claude' would both be shown as Claude; "
        "give them --seat names that differ in more than case"
    ), res.stderr
    fine = run_cli(
        ["consolidate", "alpha.md", "beta.md", "--seat", "claude", "--seat", "claude-2"],
        cwd=tmp_path,
        env=env,
    )
    assert fine.returncode == 0, fine.stderr
