"""Locations with odd paths survive render -> parse (issue 11 §5): spaces, non-ASCII letters,
quotes, backticks and `|` keep their whole path."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_report, parse_review
from deepreview.model import Finding, Header, Location, Report, Severity
from deepreview.render.markdown import render_markdown

ODD = [
    "back`tick.py",
    "`leading.py",
    "pi|pe.py",
    "dir with space/a b.py",
    "ünïcödé/Grüße.py",
    'quote\'s/"q".py',
    "doc/a``b.md",
]


@pytest.mark.parametrize("path", ODD)
def test_rendered_location_parses_back(path: str) -> None:
    loc = Location(path, 3, 9)
    f = Finding(
        id="I1",
        severity=Severity.IMPORTANT,
        title="Leak",
        locations=(loc, Location("plain.go", 1)),
        body="Explained.",
        fix="Close it.",
    )
    text = render_markdown(Report(header=Header("20260101-000000-main"), findings=(f,)))
    [back] = parse_report(text).findings
    assert back.locations == (loc, Location("plain.go", 1))


def test_agent_written_odd_paths() -> None:
    review = parse_review(
        "### Findings\n\n#### Important Issues\n\n"
        "I1. **Leak** — ``back`tick.py:1``, `dir with space/a b.py:4` (important, gap)\n\n"
        "Fix: close it.\n"
    )
    assert review.findings[0].locations == (
        Location("back`tick.py", 1),
        Location("dir with space/a b.py", 4),
    )


def test_code_that_is_not_a_path_stays_text() -> None:
    review = parse_review(
        "### Findings\n\n#### Important Issues\n\n"
        "I1. **Leak** — `os.Exit(1)` in `x = y.z` (important, gap)\n\nFix: close it.\n"
    )
    assert review.findings[0].locations == ()
