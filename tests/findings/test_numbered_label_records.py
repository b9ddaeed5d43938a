"""Plain record lines under a numbered label line (`Issue 1: Title`, then `File:` / `Severity:`
/ `Description:` lines): the label line's words are the finding's title, the description its
text. Before, the title was the description's first sentence. A record with its own `Title:`
field keeps that title.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_RECORDS = (
    "Issue 1: Expired entries crash eviction\n"
    "File: pkg/cache.py, line 14\n"
    "Severity: High\n"
    "Description: `evict()` raises `KeyError` once an entry has expired.\n"
    "Fix: skip keys that are gone.\n\n"
    "Issue 2: Stale module docstring\n"
    "File: pkg/cache.py, line 1\n"
    "Severity: Low\n"
    "Description: it still describes the old LRU policy.\n"
)


def test_the_label_line_gives_the_title() -> None:
    review = parse_review(_RECORDS, seat="alpha")
    assert [(f.title, f.severity.value, str(f.locations[0])) for f in review.findings] == [
        ("Expired entries crash eviction", "critical", "pkg/cache.py:14"),
        ("Stale module docstring", "suggestion", "pkg/cache.py:1"),
    ]
    assert "raises `KeyError`" in review.findings[0].body


def test_a_title_field_keeps_its_title() -> None:
    text = _RECORDS.replace(
        "Severity: High\n", "Severity: High\nTitle: Eviction of expired entries\n", 1
    )
    review = parse_review(text, seat="alpha")
    assert review.findings[0].title == "Eviction of expired entries"
