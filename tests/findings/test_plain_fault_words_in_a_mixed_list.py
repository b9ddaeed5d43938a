"""A place-led list whose items tell their faults in different words: one by a loss
(`Last row dropped: the loop stops one short …`), one only in the list's own fault words
(`Unused import: `os` is never used.`). Each is a finding (important, unrated); before, the
second was dropped silently. A risk the item denies (`no risk of a deadlock`) stays no finding.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_MIXED = (
    "Two things in the exporter:\n\n"
    "- `jobs/export.py:42` — Final batch dropped: the loop ends one short of the last page.\n"
    "- `jobs/export.py:5` — Leftover import: `shutil` is never used.\n"
)


def test_each_fault_is_a_finding() -> None:
    review = parse_review(_MIXED, seat="alpha")
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("I1", "Final batch dropped", "jobs/export.py:42"),
        ("I2", "Leftover import", "jobs/export.py:5"),
    ]


def test_a_denied_risk_beside_a_fault_stays_no_finding() -> None:
    text = _MIXED.replace(
        "Leftover import: `shutil` is never used.",
        "there is no risk of a deadlock here; the lock is taken once.",
    )
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Final batch dropped"]


def test_the_report_lists_both(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _MIXED})
    titles = sorted(f["title"] for f in report["findings"])
    assert titles == ["Final batch dropped", "Leftover import"], titles
