"""Harmless notes under a lead-in that asks for nothing ("No critical or important issues." +
`**Minor observations (no action required):**` + notes at places) are no findings: the review
reads clean. Before, the notes were unread findings text (verdict Unverified). A fault at a
place under such a lead-in (`… is never closed, so the connection leaks`) is still not clean.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _review(items: str) -> str:
    return (
        "## Findings\n\nNo critical or important issues.\n\n"
        f"**Minor observations (no action required):**\n{items}\n"
        "## Verdict\n\nLGTM — approve.\n"
    )


_HARMLESS = (
    "- `feeds/parse.py:14` — `type` shadows a builtin, but only inside this small helper.\n"
    "- `feeds/parse.py:52` — the two `if`s could be one; a matter of taste, fine as is.\n"
)


def test_harmless_notes_under_a_no_action_lead_in_are_no_findings() -> None:
    review = parse_review(_review(_HARMLESS), seat="alpha")
    assert not review.findings and not review.unread_findings, review.unread_findings


def test_a_fault_under_a_no_action_lead_in_is_still_not_clean() -> None:
    items = _HARMLESS + (
        "- `feeds/parse.py:77` — the file handle is never closed, so each feed leaks a "
        "descriptor.\n"
    )
    review = parse_review(_review(items), seat="alpha")
    assert review.findings or review.unread_findings


def test_the_report_of_harmless_notes_is_clean(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": _review(_HARMLESS)})
    assert [s["status"] for s in out["seats"]] == ["ok"], res.stderr[-2000:]
    assert report["findings"] == []
    assert "Unverified" not in report["header"]["verdict"]["label"], report["header"]["verdict"]
