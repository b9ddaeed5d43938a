"""Findings written as plain lines that lead with a kind and its level in brackets, the way a
small model fills a template it half remembers: `1. Issue (critical): title — place`,
`Bug [high] `a.py:9`: text`. Before, the first was titled "Issue" (its words lost), the
second was findings text that could not be read (Unverified). A plain title that merely ends
in its tag keeps its words, and a sentence with a level in brackets is no finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

_ISSUES = (
    "## Findings\n\n"
    "1. Issue (critical): `sub` returns b - a — `calc.py:6`\n"
    "2. Issue (minor): `shout` has no docstring — `util/strings.py:1`\n"
)
_BUGS = (
    "## Findings\n\n"
    "Bug [critical] `calc.py:6`: `sub` returns b - a.\n"
    "Nit [low] `util/strings.py:1`: `shout` has no docstring.\n"
)


@pytest.mark.parametrize(
    "text", [_ISSUES, _BUGS, _BUGS.replace("Bug [", "- Bug [").replace("Nit [", "- Nit [")]
)
def test_the_kind_and_level_lead_the_finding(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert [(f.severity, str(f.locations[0])) for f in review.findings] == [
        (Severity.CRITICAL, "calc.py:6"),
        (Severity.SUGGESTION, "util/strings.py:1"),
    ]
    assert review.findings[0].title.startswith("`sub` returns b - a")
    assert not review.unread_findings


def test_a_title_ending_in_its_tag_keeps_its_words() -> None:
    text = "## Findings\n\n1. Cache eviction races the writer (critical) — `calc.py:6`\n"
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Cache eviction races the writer"]


def test_the_report_reads_both(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _BUGS})
    assert [f["severity"] for f in report["findings"]] == ["critical", "suggestion"]
