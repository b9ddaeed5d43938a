"""A finding's title written with its level tag or its place labels on the same line
(`**Cache is stale (important)** — `a.py:3``, `**S3. Use f-strings (nit) File: `a.py:7`**`,
`#### I2. Race **File:** `a.py` **Lines:** 40-44`, `- **S3** Spell out `cfg` [suggestion] — …`):
the tag gives the level and the labels give the place; neither stays in the report's title
(`head.untag_title`, `head.place_label_at`, `head.unlabel_places`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Location
from support.printing_seats import review_printed

CASES = [
    # (a finding's lines, its title, its place, its level)
    (
        "- **Subtraction swaps its operands (important)** — `calc.py:5`. Callers get -(a-b).",
        "Subtraction swaps its operands",
        Location("calc.py", 5, None),
        "important",
    ),
    (
        "**S3. Use f-strings (nit) File: `util/strings.py:2`**\n\nCleaner.",
        "Use f-strings",
        Location("util/strings.py", 2, None),
        "suggestion",
    ),
    (
        "#### I2. `sub` swaps its operands **File:** `calc.py` **Lines:** 5-6\n\nWrong sign.",
        "`sub` swaps its operands",
        Location("calc.py", 5, 6),
        "important",
    ),
    (
        "#### I1: `sub` swaps its operands — File: calc.py, Lines: 5-6\n\nWrong sign.",
        "`sub` swaps its operands",
        Location("calc.py", 5, 6),
        "important",
    ),
    (
        "- **S3** Spell out `cfg` [suggestion] — `calc.py:7`",
        "Spell out `cfg`",
        Location("calc.py", 7, None),
        "suggestion",
    ),
    (
        "- **S5:** Typo in the message `(nit)`, **File:** `calc.py`, **Lines:** 8",
        "Typo in the message",
        Location("calc.py", 8, None),
        "suggestion",
    ),
    (
        "1. **Spell out `cfg`** — **File:** `calc.py` **Lines:** 20-22",
        "Spell out `cfg`",
        Location("calc.py", 20, 22),
        "suggestion",
    ),
]


def review(finding: str, section: str) -> str:
    return (
        "## Executive Summary\n\nAdds `sub`.\n\n## Findings\n\n"
        f"### {section}\n\n{finding}\n\n## Verdict\n\nRequest changes.\n"
    )


@pytest.mark.parametrize(("finding", "title", "place", "level"), CASES)
def test_the_title_keeps_neither_its_tag_nor_its_place_labels(
    finding: str, title: str, place: Location, level: str
) -> None:
    section = "Important Issues" if level == "important" else "Suggestions"
    r = parse_review(review(finding, section), seat="s")
    assert [(f.title, f.locations, f.severity.value) for f in r.findings] == [
        (title, (place,), level)
    ]


def test_a_tag_in_the_title_gives_the_level_where_nothing_else_does() -> None:
    r = parse_review(
        "## Findings\n\n- **Typo in the error message** `calc.py:8` — Prefer "
        "`ValueError` (nit)\n- Rename the helper (suggestion) `calc.py:3`\n",
        seat="s",
    )
    assert [(f.title, f.severity.value) for f in r.findings][-1] == (
        "Rename the helper",
        "suggestion",
    )


def test_a_title_that_only_mentions_a_file_keeps_its_words() -> None:
    r = parse_review(
        review("- **Config file: defaults are lost** — `calc.py:3`", "Important Issues"),
        seat="s",
    )
    assert [f.title for f in r.findings] == ["Config file: defaults are lost"]


def test_the_report_title_has_no_tag(tmp_path: Path) -> None:
    text = review(CASES[0][0], "Important Issues")
    res, _out, report = review_printed(tmp_path, {"keen": text})
    titles = [f["title"] for f in report["findings"]]
    assert titles == ["Subtraction swaps its operands"], res.stderr[-2000:]
