"""A fault told under a praise heading (`## Strengths`, `**Strengths**` in Design Observations,
`## What looks good`) is a finding, not praise: an item marked with a red, orange or yellow
circle at a place, or one that praises and then, after `but`/`however`, tells a fault at a
place (`The jitter is nice, but `calc.py:5` swallows the error …`). Praise stays praise: green
circles, a `but` with no fault, a warm circle with no place (a concern, not a strength)
(`findings/strength_faults.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

OPENING = "## Executive Summary\n\nAdds `sub`.\n\n## Findings\n\nNo issues found.\n\n"


@pytest.mark.parametrize(
    ("section", "level"),
    [
        (
            "## Strengths\n\n- 🟢 Small, well-named helper.\n"
            "- 🟡 `calc.py:5` subtracts in the wrong order, so every caller gets the negated "
            "difference.\n",
            Severity.IMPORTANT,
        ),
        (
            "## Design Observations\n\n**Strengths**\n\n- Small, well-named helper.\n"
            "- 🔴 **`sub` is inverted** — `calc.py:5` returns `b - a`; every caller is wrong.\n",
            Severity.CRITICAL,
        ),
        (
            "### Strengths\n\n- 🟢 Tests cover `add`.\n"
            "- The helper is tidy, but `calc.py:5` swallows the `TypeError`, so a bad input "
            "returns None silently.\n",
            Severity.IMPORTANT,
        ),
        (
            "## Strengths\n\n- ✅ Small helper.\n- ⚠️ `calc.py:5` subtracts in the wrong order.\n",
            Severity.IMPORTANT,
        ),
        (
            "## What looks good\n\n- ✅ Small helper.\n- **Caveat:** `calc.py:5` subtracts in "
            "the wrong order.\n",
            Severity.IMPORTANT,
        ),
        (
            "## Strengths\n\n- `calc.py:5` has a tidy signature, but it subtracts in the wrong "
            "order, so every caller gets the negated difference — a bug.\n- Good tests.\n",
            Severity.IMPORTANT,
        ),
        (
            "## What looks good\n\n- The helper is tidy, but `calc.py:5` truncates the result "
            "to an int, so `sub(2.5, 1)` is wrong.\n",
            Severity.IMPORTANT,
        ),
    ],
)
def test_a_fault_under_a_praise_heading_is_a_finding(section: str, level: Severity) -> None:
    r = parse_review(OPENING + section, seat="s")
    got = [(f.severity, f.locations[0].path, f.locations[0].start) for f in r.findings]
    assert got == [(level, "calc.py", 5)], (r.warnings, r.design_observations)


@pytest.mark.parametrize(
    "section",
    [
        "## Strengths\n\n- 🟢 `calc.py:5` — a small, well-named helper.\n"
        "- Tests are tidy, but `calc.py:5` could use a docstring.\n",
        "## What looks good\n\n- 🟢 `calc.py:5` — a small, well-named helper.\n"
        "- 🔵 `calc.py:2` keeps `add` unchanged.\n",
        "## Strengths\n\n- 🟡 Naming is a bit inconsistent overall.\n",
        "## Strengths\n\n- `calc.py:5` is tidy, but it could use a docstring.\n",
        "## Strengths\n\n- ✅ `calc.py:5` — a small, well-named helper.\n"
        "- ⚠️ Naming is a bit inconsistent overall.\n",
    ],
)
def test_praise_under_a_praise_heading_stays_no_finding(section: str) -> None:
    r = parse_review(OPENING + section, seat="s")
    assert not r.findings, [(f.title, f.severity) for f in r.findings]
    assert not r.unread_findings


def test_a_fault_under_strengths_changes_the_verdict(tmp_path: Path) -> None:
    text = OPENING + (
        "## Strengths\n\n- 🟢 Small, well-named helper.\n"
        "- 🟡 `calc.py:5` subtracts in the wrong order, so every caller gets the negated "
        "difference.\n"
    )
    res, out, report = review_printed(tmp_path, {"keen": text}, "--fail-on", "important")
    assert res.returncode == 4, res.stdout + res.stderr[-2000:]
    assert out["verdict"] == "Merge with fixes"
    assert [f["locations"][0]["start"] for f in report["findings"]] == [5]
