"""A finding's level as a label closing its first line: `— **Severity:** High` (bold label,
plain word) or `— _Severity: Nit_` (in italics).

Only a label bold as a whole (`**Severity: high.**`) or a plain one was read; these left every
finding unrated (taken as important), so a High one was no Critical and a nit counted as
important in the verdict.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Summary\nAdds a total helper.\n\n## Findings\n\n"
    "1. **Empty input divides by zero** — `calc.py:2` — **Severity:** High\n"
    "   `total([])` raises instead of returning 0.\n\n"
    "2. **Rounding differs from the old helper** — `calc.py:4` — **Severity:** Low\n"
    "   Totals drift by a cent.\n\n"
    "3. **Name says nothing** — `calc.py:1` — _Severity: Nit_\n"
    "   `f` could be `total`.\n"
)


def test_the_closing_labels_give_the_levels() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert [f.id for f in review.findings] == ["C1", "S1", "S2"]
    assert not review.unrated
    assert review.findings[0].title == "Empty input divides by zero"


def test_the_verdict_sees_the_critical_one(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
