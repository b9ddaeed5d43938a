"""Review shapes read wrongly before round four of the parse cases, tried through the command.

- `- a.py:3 | text | must fix` list items: the level after the last pipe was not read (every
  item an unrated Important, its text led by a pipe);
- a `### Not issues` section (what the reviewer checked and found fine) was reported as unread
  findings text;
- a table after the findings with a row per finding told above was read as more findings;
- CodeRabbit's comments (`` `44-52`: _⚠️ Potential issue_ `` + a bold title) were not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import read_by_cli


def test_the_level_after_the_last_pipe_isread_by_cli(tmp_path: Path) -> None:
    text = (
        "Issues, worst first:\n\n"
        "- calc.py:5 | `sub` returns `a` and never looks at `b`, so every\n"
        "  subtraction is wrong | must fix\n"
        "- calc.py:1 | `add` has no test | should fix\n"
        "- util/strings.py:2 | `shout` could call `str.upper` | follow-up\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert sorted((s, p) for s, p, _ in found) == [
        ("critical", "calc.py:5"),
        ("important", "calc.py:1"),
        ("suggestion", "util/strings.py:2"),
    ]
    assert not any(t.startswith("|") for _, _, t in found)


def test_a_last_field_that_is_no_level_stays_as_written(tmp_path: Path) -> None:
    text = "Issues:\n\n- calc.py:5 | `sub` never looks at `b` | see the test below\n"
    found, _ = read_by_cli(tmp_path, text)
    assert [s for s, _, _ in found] != ["critical"]
    assert [s for s, _, _ in found] != ["suggestion"]


_CHECKED_FINE = (
    "## Review\n\n"
    "### Findings\n\n"
    "1. **`sub` drops its second argument** (high severity)\n"
    "   `calc.py:5` — `sub` returns `a`, so every subtraction is wrong.\n\n"
    "### {title}\n\n"
    "- I looked at whether `util/strings.py` handles `None`: it does (line 2 checks it), so\n"
    "  nothing to report there.\n"
)


@pytest.mark.parametrize(
    "title", ["Not issues", "Non-issues", "Things I checked that are fine", "False positives"]
)
def test_what_the_reviewer_cleared_is_no_finding_and_no_unread_text(
    tmp_path: Path, title: str
) -> None:
    found, unread = read_by_cli(tmp_path, _CHECKED_FINE.format(title=title))
    assert [(s, p) for s, p, _ in found] == [("critical", "calc.py:5")]
    assert unread == []


def test_a_section_of_issues_by_topic_is_stillread_by_cli(tmp_path: Path) -> None:
    text = _CHECKED_FINE.format(title="Robustness issues").replace(
        "it does (line 2 checks it), so\n  nothing to report there.",
        "it does not, `shout(None)`\n  raises a TypeError. (medium severity)",
    )
    found, unread = read_by_cli(tmp_path, text)
    assert len(found) + len(unread) == 2


_TOLD_THEN_TABLED = (
    "Read the whole change.\n\n"
    "## Detailed findings\n\n"
    "### 1. Subtraction ignores its second operand — Blocker\n\n"
    "`calc.py:5-6`\n\n`sub` returns `a` whatever `b` is.\n\n"
    "### 2. Upper-casing helper crashes on None — Major\n\n"
    "`util/strings.py:2`\n\n`shout(None)` raises.\n\n"
    "## At a glance\n\n"
    "| # | Severity | Location | Issue |\n|---|---|---|---|\n"
    "| 1 | Blocker | `calc.py:5` | `sub` drops `b` |\n"
    "| 2 | Major | `util/strings.py:2` | `shout` and None |\n"
)


def test_a_table_that_repeats_the_findings_above_is_a_recap(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, _TOLD_THEN_TABLED)
    assert sorted((s, p) for s, p, _ in found) == [
        ("critical", "calc.py:5"),
        ("important", "util/strings.py:2"),
    ]
    assert unread == []


def test_a_table_row_no_finding_above_holds_is_a_finding(tmp_path: Path) -> None:
    text = _TOLD_THEN_TABLED + "| 3 | Minor | `calc.py:1` | `add` has no test |\n"
    found, _ = read_by_cli(tmp_path, text)
    assert ("suggestion", "calc.py:1") in [(s, p) for s, p, _ in found]
    assert len(found) >= 3


_RABBIT = (
    "**Actionable comments posted: 2**\n\n"
    "<details>\n<summary>🧹 Nitpick comments (1)</summary><blockquote>\n\n"
    "<details>\n<summary>util/strings.py (1)</summary><blockquote>\n\n"
    "`1-2`: **`shout` could call `str.upper` once.**\n\n"
    "The loop upper-cases each letter on its own.\n\n"
    "</blockquote></details>\n\n</blockquote></details>\n\n"
    "---\n\n"
    "`calc.py` (2)\n\n"
    "`5`: _⚠️ Potential issue_ | _🔴 Critical_\n\n"
    "**`sub` never subtracts.**\n\n"
    "It returns `a` whatever `b` is, so every caller gets a wrong result.\n\n"
    "`1`: _🛠️ Refactor suggestion_ | _🟠 Major_\n\n"
    "**`add` has no test.**\n\n"
    "A one-line test would pin it.\n"
)


def test_coderabbit_comments_are_findings_at_their_places(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, _RABBIT)
    assert sorted((s, p) for s, p, _ in found) == [
        ("critical", "calc.py:5"),
        ("important", "calc.py:1"),
        ("suggestion", "util/strings.py:1"),
    ]
    assert "`sub` never subtracts" in [t for _, _, t in found]
    assert unread == []


def test_italic_words_and_place_led_bold_lines_are_no_coderabbit_comments(
    tmp_path: Path,
) -> None:
    # no kind tag (`_see below_` is emphasis) and no nitpick summary: nothing is made a finding
    text = (
        "## Notes\n\n`calc.py` (2)\n\n`5`: _see below_\n\n**The tests pass.**\n\n"
        "`1`: **Nice docstring.**\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert found == []
