"""Four review shapes read as no findings, or findings with no level, tried through the command.

- tiers named as what to do: `## Must address` / `## Worth a look` (also `Should address`,
  `Follow-ups`) were no level sections, so every item came out an unrated Important;
- `- **L5** (must-fix): text` under a `####` heading that names the file: nothing was read;
- a plain `Severity: Serious` record line warned "no severity given" (only the short tag words
  were read after a label there);
- paragraphs of inline bold fields (`**Issue:** … **Where:** `calc.py`, line 5. **Severity:**
  high.`) were left unread.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _severities(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    _, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    found = []
    for f in report["findings"]:
        loc = f["locations"][0] if f["locations"] else None
        found.append((f["severity"], f"{loc['path']}:{loc['start']}" if loc else None))
    return found


def test_tiers_named_as_what_to_do_are_levels(tmp_path: Path) -> None:
    text = (
        "Small change, two things.\n\n"
        "## Must address\n\n"
        "1. **`calc.py:5`** — `sub` returns `a` and ignores `b`, so every subtraction is wrong.\n\n"
        "## Should address\n\n"
        "2. **`calc.py:1`** — `add` has no test at all.\n\n"
        "## Worth a look\n\n"
        "3. **`util/strings.py:2`** — `shout` could use `str.upper` directly.\n"
    )
    assert sorted(_severities(tmp_path, text)) == [
        ("critical", "calc.py:5"),
        ("important", "calc.py:1"),
        ("suggestion", "util/strings.py:2"),
    ]


def test_follow_ups_heading_holds_suggestions(tmp_path: Path) -> None:
    text = (
        "## Must fix\n\n- `sub` ignores `b` — `calc.py:5`.\n\n"
        "## Follow-ups\n\n- `shout` has no docstring — `util/strings.py:1`.\n"
    )
    assert sorted(_severities(tmp_path, text)) == [
        ("critical", "calc.py:5"),
        ("suggestion", "util/strings.py:1"),
    ]


def test_worth_a_look_in_prose_is_no_level(tmp_path: Path) -> None:
    text = "## Issues\n\n- `sub` ignores `b` — `calc.py:5`. The tests are worth a look too.\n"
    assert _severities(tmp_path, text) != [("suggestion", "calc.py:5")]


def test_line_items_with_a_tier_under_a_file_heading(tmp_path: Path) -> None:
    text = (
        "Went through both files.\n\n"
        "#### `calc.py`\n\n"
        "- **L5** (must-fix): `sub` returns `a` and drops `b`; every caller gets a wrong result.\n"
        "- **L1-L2** (nice-to-have): `add` could carry type hints.\n\n"
        "#### `util/strings.py`\n\n"
        "- **L2** (should-fix): `shout` breaks on `None` input.\n"
    )
    assert _severities(tmp_path, text) == [
        ("critical", "calc.py:5"),
        ("important", "util/strings.py:2"),
        ("suggestion", "calc.py:1"),
    ]


def test_a_plain_record_severity_line_reads_the_wider_words(tmp_path: Path) -> None:
    text = (
        "My review.\n\n"
        "Issue #1\nFile: calc.py\nLine: 5\nSeverity: Serious\n"
        "Description: sub returns a and ignores b.\n\n"
        "Issue #2\nFile: util/strings.py\nLine: 1\nSeverity: Cosmetic\n"
        "Description: shout has no docstring.\n\n"
        "Issue #3\nFile: calc.py\nLine: 1\nSeverity: Moderate\n"
        "Description: add has no test.\n"
    )
    _, _, report = review_printed(tmp_path, {"alpha": text})
    assert [f["severity"] for f in report["findings"]] == ["important", "important", "suggestion"]
    warnings = parse_review(text, seat="alpha").warnings
    assert not [w for w in warnings if "no severity given" in w], warnings


def test_paragraphs_of_inline_bold_fields_are_findings(tmp_path: Path) -> None:
    text = (
        "Summary: `calc.py` gains subtraction. One bug, one note.\n\n"
        "**Issue:** `sub` returns `a` and never uses `b`, so every result is wrong. **Where:**\n"
        "`calc.py`, line 5. **Severity:** high. **Fix:** return `a - b`.\n\n"
        "**Issue:** `shout` has no docstring. **Where:** `util/strings.py`, line 1.\n"
        "**Severity:** low.\n\n"
        "Recommendation: request changes.\n"
    )
    assert _severities(tmp_path, text) == [
        ("critical", "calc.py:5"),
        ("suggestion", "util/strings.py:1"),
    ]


def test_a_summary_paragraph_of_bold_fields_is_no_finding(tmp_path: Path) -> None:
    text = (
        "**Verdict:** approve. **Scope:** `calc.py` and `util/strings.py`. **Risk:** low.\n\n"
        "## Issues\n\n- `sub` ignores `b` — `calc.py:5`. Severity: high.\n"
    )
    assert _severities(tmp_path, text) == [("critical", "calc.py:5")]


def test_bold_tier_leads_and_spaced_tier_tags_are_levels(tmp_path: Path) -> None:
    text = (
        "## Review\n\n"
        "**Must address:** `sub` returns `a` and drops `b` (`calc.py:5`).\n\n"
        "**Optional:** `shout` could call `str.upper` once (`util/strings.py:2`).\n\n"
        "## Issues\n\n"
        "1. `add` has no test at all — `calc.py:1` (should fix).\n"
        "2. `shout` has no docstring — `util/strings.py:1` [nice to have].\n"
    )
    assert sorted(_severities(tmp_path, text)) == [
        ("critical", "calc.py:5"),
        ("important", "calc.py:1"),
        ("suggestion", "util/strings.py:1"),
        ("suggestion", "util/strings.py:2"),
    ]


def test_a_tier_word_leading_a_summary_sentence_is_no_finding(tmp_path: Path) -> None:
    text = (
        "## Summary\n\n**Consider:** the overall split into two modules reads well.\n\n"
        "## Issues\n\n1. **`sub` drops `b`** — `calc.py:5`. Severity: high.\n"
    )
    assert _severities(tmp_path, text) == [("critical", "calc.py:5")]
