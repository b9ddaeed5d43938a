"""An item under a plain `## Findings` that gives its place and then a bold title
(``- `pkg/cache.py:14` — **Expired entries crash**: `evict()` raises …``) is a finding
(important, unrated) titled by the bold words, as `- **Title** (`a.py:2`): …` is; before, it
was findings text that could not be read (beside a bold-first sibling, only the sibling was
read). A place-first item with no bold title that only describes the change names no finding.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_ITEMS = (
    "## Findings\n\n"
    "- `pkg/cache.py:14` — **Expired entries crash**: `evict()` raises `KeyError` for them.\n"
    "- **Size drifts**: `put()` never updates the counter on overwrite (`pkg/cache.py:30`).\n"
)


def test_both_items_are_findings() -> None:
    review = parse_review(_ITEMS, seat="alpha")
    assert not review.unread_findings
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("I1", "Expired entries crash", "pkg/cache.py:14"),
        ("I2", "Size drifts", "pkg/cache.py:30"),
    ]


def test_a_plain_descriptive_item_is_no_finding() -> None:
    text = "## Findings\n\n- `pkg/cache.py:14` — adds a key argument to `evict()`.\n"
    assert not parse_review(text, seat="alpha").findings


def test_the_report_lists_both(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _ITEMS})
    assert sorted(f["title"] for f in report["findings"]) == [
        "Expired entries crash",
        "Size drifts",
    ]
    assert "could not be read" not in report["header"]["verdict"]["reason"]
