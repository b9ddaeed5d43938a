"""A warning or info sign before a finding's title (`- ❗ **Title** — place`, `- ⚠️ …`, `- ℹ️ …`,
`### 💡 Title`) decorates it: it is no level and no part of the title.

Before, a bulleted list of such items under a plain `## Findings` heading was unread text (the
review's verdict Unverified), and a heading finding kept the sign in its title. The level comes
from the text (a tag, a `**Severity:**` line), the section, else important.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.read_findings import read_findings

_SIGNED_BULLETS = (
    "## Findings\n\n"
    "- ❗ **Lock is never released on timeout** — `pool/lease.py:64`. The `finally` is missing.\n"
    "- ⚠️ **Stale entries survive a reload** — `pool/cache.py:19`. `clear()` is not called.\n"
    "- ℹ️ **Docstring names the old argument** — `pool/lease.py:8`.\n"
    "- 💡 **Counter could be a `Counter`** — `pool/stats.py:31`.\n"
)


def _got(text: str) -> list[tuple[str, str, str, list[tuple[str, int | None]]]]:
    return [(r.id, r.level, r.title, r.places) for r in read_findings(text)]


def test_signed_bullets_under_findings_are_findings() -> None:
    assert [(t, p) for _, _, t, p in _got(_SIGNED_BULLETS)] == [
        ("Lock is never released on timeout", [("pool/lease.py", 64)]),
        ("Stale entries survive a reload", [("pool/cache.py", 19)]),
        ("Docstring names the old argument", [("pool/lease.py", 8)]),
        ("Counter could be a `Counter`", [("pool/stats.py", 31)]),
    ]


def test_a_signed_heading_keeps_its_title_and_its_label_level() -> None:
    text = (
        "## Findings\n\n### ⚠️ Lock is never released on timeout\n\n**Severity:** High\n\n"
        "In `pool/lease.py` (line 64) the `finally` is missing.\n\n"
        "### 💡 Counter could be a `Counter` — `pool/stats.py:31`\n\n**Severity:** Low\n"
    )
    assert [(s, t) for _, s, t, _ in _got(text)] == [
        ("critical", "Lock is never released on timeout"),
        ("suggestion", "Counter could be a `Counter`"),
    ]


def test_under_a_level_section_the_section_gives_the_level() -> None:
    text = (
        "### Important\n\n- ⚠️ **Lock is never released on timeout** — `pool/lease.py:64`.\n\n"
        "### Suggestions\n\n- 💡 Counter could be a `Counter` (`pool/stats.py:31`).\n"
    )
    assert [(s, t) for _, s, t, _ in _got(text)] == [
        ("important", "Lock is never released on timeout"),
        ("suggestion", "Counter could be a `Counter`"),
    ]


def test_the_report_counts_the_signed_findings(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _SIGNED_BULLETS})
    assert len(report["findings"]) == 4, report["findings"]
    verdict = report["header"]["verdict"]
    assert "Unverified" not in verdict["label"], verdict
    assert "I1–I4 need attention" in verdict["reason"], verdict


def test_a_signed_heading_whose_text_closes_with_its_level() -> None:
    text = (
        "## Findings\n\n### ⚠️ Lock is never released on timeout\n\n"
        "In `pool/lease.py`, line 64, the `finally` is missing, so a timed-out lease keeps "
        "the lock. **Severity: High**\n\n### 💡 Counter could be a `Counter`\n\n"
        "In `pool/stats.py`, line 31, a plain dict counts the hits. **Severity: Low**\n"
    )
    got = _got(text)
    assert [(s, t, p) for _, s, t, p in got] == [
        ("critical", "Lock is never released on timeout", [("pool/lease.py", 64)]),
        ("suggestion", "Counter could be a `Counter`", [("pool/stats.py", 31)]),
    ]
    review = parse_review(text, seat="alpha")
    assert "Severity" not in review.findings[0].body


def test_a_heading_of_plain_notes_stays_no_finding() -> None:
    text = (
        "## Findings\n\n### ⚠️ Notes on the lease pool\n\n"
        "In `pool/lease.py`, line 64, the `finally` releases the lock; the severity of a "
        "timeout is low there.\n"
    )
    assert not parse_review(text, seat="alpha").findings
