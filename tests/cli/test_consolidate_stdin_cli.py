"""`deep-review consolidate -` reads one review from stdin, as `parse -` and `render -` do
(`pbpaste | deep-review consolidate - other.md`). Before, click said "File '-' does not
exist", which sent the user looking for a file named `-`."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

ALPHA = (
    "## Important Issues\n\n"
    "1. **Totals drop the last row** — `ledger/sum.py:14`: the loop stops at `len(rows) - 1`, so "
    "the final entry is never added.\n"
)
BETA = (
    "## Important Issues\n\n"
    "1. **Last row never summed** — `ledger/sum.py:14`: `range(len(rows) - 1)` skips the final "
    "entry, so totals are short by one row.\n"
)


def test_consolidate_reads_one_review_from_stdin(tmp_path: Path) -> None:
    beta = tmp_path / "beta.md"
    beta.write_text(BETA, encoding="utf-8")
    res = run_cli(
        ["consolidate", "-", str(beta), "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
        input_=ALPHA.encode(),
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert sorted(r["seat"] for r in report["header"]["reviewers"]) == ["beta", "stdin"]
    [finding] = report["findings"]
    assert len(finding["sources"]) == 2, finding["sources"]


def test_stdin_takes_its_seat_name(tmp_path: Path) -> None:
    res = run_cli(
        ["consolidate", "-", "--seat", "alpha", "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
        input_=ALPHA.encode(),
    )
    assert res.returncode == 0, res.stderr
    assert [r["seat"] for r in json.loads(res.stdout)["header"]["reviewers"]] == ["alpha"]


def test_stdin_given_twice_is_refused_in_one_line(tmp_path: Path) -> None:
    res = run_cli(
        ["consolidate", "-", "-", "--format", "md"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
        input_=ALPHA.encode(),
    )
    assert (res.returncode, res.stdout) == (2, "")
    (line,) = res.stderr.strip().splitlines()
    assert "stdin (`-`) given twice" in line, line
