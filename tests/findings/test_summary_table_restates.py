"""A review that lists its findings at their places and then sums them up in a table
(`### Summary of findings` with `| ID | Severity | Title |`, or `## Findings summary` with
`| # | File | Issue | Severity |`), in shorter words, by ID or by file alone: the table restates
the findings and adds none. A table that is the only place findings appear is still read as the
findings (`findings/repeats.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

LISTED = (
    "## Executive Summary\n\nAdds `sub` and a string helper.\n\n"
    "## Findings\n\n### Important Issues\n\n"
    "**I1. `sub` returns the negated difference for every caller** — `calc.py:5`\n\n"
    "The operands are swapped.\n\n"
    "**I2. Division by zero crashes the report** — `calc.py:9`\n\n"
    "Nothing guards `b == 0`.\n\n"
    "### Suggestions\n\n"
    "**S1. Give `shout` a docstring** — `util/strings.py:1`\n\n"
    "Callers cannot tell it upper-cases.\n\n"
)

BY_ID = (
    "### Summary of findings\n\n| ID | Severity | Title |\n|----|----------|-------|\n"
    "| I1 | Important | Wrong operand order |\n| I2 | Important | Zero divisor |\n"
    "| S1 | Suggestion | Missing docs |\n"
)
BY_FILE = (
    "## Findings summary\n\n| # | File | Issue | Severity |\n|---|---|---|---|\n"
    "| 1 | `calc.py` | Negated difference from `sub` | Important |\n"
    "| 2 | `calc.py` | Division by zero | Important |\n"
    "| 3 | `util/strings.py` | Docstring for `shout` | Suggestion |\n"
)
TITLES = [
    "`sub` returns the negated difference for every caller",
    "Division by zero crashes the report",
    "Give `shout` a docstring",
]


@pytest.mark.parametrize("table", [BY_ID, BY_FILE], ids=["by-id", "by-file"])
def test_a_summary_table_after_the_findings_adds_none(table: str) -> None:
    r = parse_review(LISTED + table + "\n## Verdict\n\nRequest changes.\n", seat="s")
    assert [f.title for f in r.findings] == TITLES
    assert [f.id for f in r.findings] == ["I1", "I2", "S1"]


def test_a_table_that_is_the_only_list_is_the_findings() -> None:
    only = (
        "## Executive Summary\n\nAdds `sub`.\n\n## Findings summary\n\n"
        "| # | File | Issue | Severity |\n|---|---|---|---|\n"
        "| 1 | `calc.py:5` | Negated difference from `sub` | Important |\n"
        "| 2 | `util/strings.py:1` | Docstring for `shout` | Suggestion |\n"
    )
    r = parse_review(only, seat="s")
    assert [(f.id, f.title) for f in r.findings] == [
        ("I1", "Negated difference from `sub`"),
        ("S1", "Docstring for `shout`"),
    ]


def test_a_summary_row_about_another_problem_in_a_listed_file_stays() -> None:
    other = (
        "## Findings summary\n\n| # | File | Issue | Severity |\n|---|---|---|---|\n"
        "| 1 | `calc.py` | Negated difference from `sub` | Important |\n"
        "| 2 | `calc.py` | Float rounding in `mean` | Suggestion |\n"
    )
    r = parse_review(LISTED + other, seat="s")
    assert [f.title for f in r.findings] == [*TITLES, "Float rounding in `mean`"]


def test_the_report_counts_a_restated_finding_once(tmp_path: Path) -> None:
    res, _out, report = review_printed(tmp_path, {"keen": LISTED + BY_ID})
    assert res.returncode == 0, res.stderr[-2000:]
    assert [f["title"] for f in report["findings"]] == TITLES
