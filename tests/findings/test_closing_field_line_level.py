"""A heading finding closed by a line of bold fields, the last its level:
`**Impact:** … **Severity:** critical` after a ```suggestion block.

The level sat at the end of a field line, so neither a `Severity:` line of its own nor a
closing `**High.**` sentence: the finding fell back to important. A field line that names no
level, and a sentence merely saying "severity", give none.
"""

from __future__ import annotations

from support.read_findings import read_findings


def _finding(title: str, text: str, closing: str) -> str:
    fix = "```suggestion\n    total = round(total, 2)\n```"
    return f"### {title}\n\n{text}\n\n{fix}\n\n{closing}\n\n"


def test_the_level_closing_a_field_line_is_the_findings_level() -> None:
    text = "## Review\n\n"
    text += _finding(
        "`bill/tax.py` line 12 — token compared with `==`",
        "The webhook token is compared with `==`, which leaks timing.",
        "**Impact:** forged webhooks. **Severity:** critical",
    )
    text += _finding(
        "`bill/tax.py` line 30 — rounding before the sum",
        "Each line is rounded before summing, so the total is wrong by a cent.",
        "**Impact:** invoices off by a cent. **Severity:** low",
    )
    assert [(r.level, r.places) for r in read_findings(text)] == [
        ("critical", [("bill/tax.py", 12)]),
        ("suggestion", [("bill/tax.py", 30)]),
    ]


def test_a_field_line_without_a_level_gives_none() -> None:
    text = "## Review\n\n"
    text += _finding(
        "`bill/tax.py` line 12 — token compared with `==`",
        "The webhook token is compared with `==`, which leaks timing.",
        "**Impact:** forged webhooks. **Severity:** critical",
    )
    text += _finding(
        "`bill/tax.py` line 30 — rounding before the sum",
        "Each line is rounded before summing, so the total is wrong by a cent.",
        "**Impact:** invoices off by a cent. **Severity:** depends on volume",
    )
    assert [r.level for r in read_findings(text)] == ["critical", "important"]
