"""A seat's tally on one line (`**Critical:** 0 · **Important:** 1 · **Suggestions:** 0`) is
no finding: read as a `**Critical:**` label lead it became a critical finding titled
"0 · **Important:** 1 …", and a clean review read as "Rework" (fp57)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli as _parse

_FINDING = (
    "### Suggestions\n\n**S1. Name the retry limit** — `client.py:12`\n"
    "The bare `3` says nothing; a constant would.\n"
)


@pytest.mark.parametrize("sep", [" · ", " | ", ", ", " / "])
def test_a_tally_line_over_the_findings_is_no_finding(tmp_path: Path, sep: str) -> None:
    tally = sep.join(["**Critical:** 0", "**Important:** 0", "**Suggestions:** 1"])
    parsed = _parse(tmp_path, f"## Findings\n\n{tally}\n\n{_FINDING}")
    findings = parsed["findings"]
    assert isinstance(findings, list)
    assert [(f["id"], f["title"]) for f in findings] == [("S1", "Name the retry limit")]
    assert parsed["unread_findings"] == []  # it counts the one suggestion read


def test_a_zero_tally_alone_is_a_clean_review(tmp_path: Path) -> None:
    text = "# Review\n\n## Findings\n\n**Critical:** 0 · **Important:** 0 · **Suggestions:** 0\n"
    parsed = _parse(tmp_path, text)
    assert parsed["findings"] == []
    assert parsed["unread_findings"] == []


def test_a_tally_that_counts_a_finding_not_read_stays_unread(tmp_path: Path) -> None:
    """A count of one critical over no critical finding we can read: text we could not read,
    never a clean review."""
    tally = "**Critical:** 1 · **Important:** 0 · **Suggestions:** 1"
    parsed = _parse(tmp_path, f"## Findings\n\n{tally}\n\n{_FINDING}")
    assert [f["id"] for f in parsed["findings"]] == ["S1"]  # type: ignore[union-attr]
    assert parsed["unread_findings"] != []


def test_a_critical_label_lead_with_a_title_is_still_a_finding(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n**Critical:** 0-byte upload crashes the parser — `upload.py:30`\n"
        "An empty body makes `data[0]` raise IndexError.\n"
    )
    parsed = _parse(tmp_path, text)
    findings = parsed["findings"]
    assert isinstance(findings, list)
    assert [(f["id"], f["severity"]) for f in findings] == [("C1", "critical")]
