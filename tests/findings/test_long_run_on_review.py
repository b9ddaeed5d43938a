"""A small model's run-on review: two thousand lines of one paragraph, no headings, and in the
middle one line that names a bug at a place. Before, the paragraph was over the length a
passage is read at, so the bug went unseen and the seat failed as an unparseable review; now
that line is findings text that could not be read (the verdict says so). A run-on paragraph
that names no problem is still no review."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings.parse import parse_review, unreadable_reason
from support.printing_seats import review_printed

_FILLER = "The helper in calc.py reads cleanly and its naming fits the module, pass {}."
_BUG = "`calc.py:6` — `sub` raises TypeError for None; this is a bug."


def _run_on(middle: str) -> str:
    lines = [_FILLER.format(i) for i in range(1000)] + [middle]
    lines += [_FILLER.format(i) for i in range(1000, 2000)]
    return "\n".join(lines) + "\n"


def test_the_bug_line_is_findings_text() -> None:
    review = parse_review(_run_on(_BUG), seat="alpha")
    assert any("calc.py:6" in u for u in review.unread_findings), review.unread_findings
    assert unreadable_reason(_run_on(_BUG), seat="alpha") is None


def test_a_run_on_paragraph_of_praise_is_still_no_review() -> None:
    text = _run_on(_FILLER.format("middle"))
    assert unreadable_reason(text, seat="alpha") == "unparseable review"


def test_the_report_says_the_findings_could_not_be_read(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _run_on(_BUG)})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["header"]["verdict"]["label"] == "Unverified", report["header"]["verdict"]
