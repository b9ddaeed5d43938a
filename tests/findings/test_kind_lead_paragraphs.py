"""A free-form review that leads each point with the kind of problem it is (`**Bug:**`,
`**Security:**`, `**Performance:**`) and tells it at a place: each such point is a finding
(no level: important, unrated; the kind its classification), as a paragraph or a list item,
under `## Review` or with no heading at all.

Before, the first was findings text that could not be read (the verdict Unverified) and the
others were lost. A kind lead that says all is well ("No concerns", "Fine for …") stays prose.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_PARAGRAPHS = (
    "## Review\n\n"
    "**Bug:** `pkg/cache.py:14` — `evict()` raises `KeyError` once an entry has expired.\n\n"
    "**Security:** the session token is written to the debug log (`pkg/auth.py:30`).\n\n"
    "**Performance:** `pkg/cache.py:40` — every lookup sorts the whole table again.\n"
)


def _read(text: str) -> list[tuple[str, str, str | None]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(str(f.locations[0]), f.severity.value, f.classification) for f in review.findings]


def test_kind_lead_paragraphs_are_findings() -> None:
    review = parse_review(_PARAGRAPHS, seat="alpha")
    assert [(str(f.locations[0]), f.severity.value) for f in review.findings] == [
        ("pkg/cache.py:14", "important"),
        ("pkg/auth.py:30", "important"),
        ("pkg/cache.py:40", "important"),
    ]
    assert review.findings[0].title.startswith("`evict()` raises `KeyError`")
    assert len(review.unrated) == 3


def test_kind_lead_list_items_with_no_heading() -> None:
    text = (
        "- **Bug:** `pkg/cache.py:14` — `evict()` raises `KeyError` once an entry has expired.\n"
        "- **Security:** `pkg/auth.py:30` — the session token is written to the debug log.\n"
    )
    assert [loc for loc, _sev, _kind in _read(text)] == ["pkg/cache.py:14", "pkg/auth.py:30"]


def test_a_kind_lead_saying_all_is_well_stays_prose() -> None:
    text = (
        "## Review\n\n"
        "**Bug:** In `pkg/cache.py`, `evict()` raises `KeyError` once an entry has expired "
        "(line 14).\n\n"
        "**Security:** No concerns; nothing here touches the session token.\n\n"
        "**Performance:** Fine for the table sizes involved.\n"
    )
    assert [loc for loc, _sev, _kind in _read(text)] == ["pkg/cache.py:14"]


def test_kind_leads_all_well_are_no_finding() -> None:
    text = (
        "## Review\n\n**Security:** No concerns; the token never leaves `pkg/auth.py:30`.\n\n"
        "**Performance:** Fine for the table sizes involved.\n\nApprove.\n"
    )
    assert not parse_review(text, seat="alpha").findings


def test_the_verdict_asks_for_the_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _PARAGRAPHS})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
