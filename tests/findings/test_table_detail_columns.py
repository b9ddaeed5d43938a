"""Findings tabulated with a text column (trial 47a #2): `| … | Title | Details |` used to lose
the Details cell (every finding's text and fix empty), and a table without a Title column
(`| Severity | Location | Details |`) was not read at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, run_cli


def _parse(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    res = run_cli(["parse", str(path), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.parametrize(
    "column", ["Details", "Description", "Explanation", "Problem", "Why", "Notes", "Rationale"]
)
def test_a_text_column_beside_the_title_is_the_body(tmp_path: Path, column: str) -> None:
    got = _parse(
        tmp_path,
        f"## Findings\n\n| ID | Severity | Location | Title | {column} |\n|---|---|---|---|---|\n"
        "| I1 | important | `src/a.py:3` | Bad thing | Long explanation here. |\n",
    )
    assert [(f["title"], f["body"]) for f in got["findings"]] == [
        ("Bad thing", "Long explanation here.")
    ]


def test_the_details_cell_gives_body_and_fix(tmp_path: Path) -> None:
    got = _parse(
        tmp_path,
        "## Findings\n\n| ID | Severity | Location | Title | Details |\n|---|---|---|---|---|\n"
        "| I1 | important | `invoicing/totals.py:21-23` | Negative totals from `apply_credit` | "
        "No floor at zero; credit larger than the total gives a negative amount. "
        'Fix: clamp at `Decimal("0")`. |\n'
        "| S1 | suggestion | `docs/usage.md:3` | Docs omit the `country` parameter | "
        "The usage doc still shows the old signature. |\n",
    )
    assert [(f["id"], f["body"], f["fix"]) for f in got["findings"]] == [
        (
            "I1",
            "No floor at zero; credit larger than the total gives a negative amount.",
            'clamp at `Decimal("0")`.',
        ),
        ("S1", "The usage doc still shows the old signature.", ""),
    ]


def test_a_table_with_only_a_details_column_is_read(tmp_path: Path) -> None:
    """No Title column: the details' first sentence is the title, the rest the body."""
    got = _parse(
        tmp_path,
        "## Findings\n\n| Severity | Location | Details |\n|---|---|---|\n"
        "| critical | `invoicing/totals.py:23` | `apply_credit` can return a negative total. "
        "A credit larger than the total is not clamped. |\n"
        "| important | `invoicing/totals.py:17` | Unknown country codes are silently untaxed. |\n",
    )
    rows = [
        (f["severity"], f["title"], f["body"], [(x["path"], x["start"]) for x in f["locations"]])
        for f in got["findings"]
    ]
    assert rows == [
        (
            "critical",
            "`apply_credit` can return a negative total",
            "A credit larger than the total is not clamped.",
            [("invoicing/totals.py", 23)],
        ),
        (
            "important",
            "Unknown country codes are silently untaxed",
            "",
            [("invoicing/totals.py", 17)],
        ),
    ]
