"""Faults told with no fault word at all: "anonymous requests reach the admin view", "the cache
key ignores the tenant, so one tenant sees another's data", "a guest can bypass the quota".

Under `## Issues` a list of such place-led items was findings text that could not be read (the
verdict Unverified); in a free-form list beside a problem told with a fault word they were
dropped without a trace. They are findings now (important, unrated). The same words denied or
said of who may do it ("only staff reach the admin view", "no tenant sees another's data")
stay harmless remarks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_ITEMS = (
    "- `admin/views.py:12` — anonymous requests reach the admin view.\n"
    "- `cache/keys.py:30` — the cache key ignores the tenant, so one tenant sees another "
    "tenant's data.\n"
    "- `quota/limits.py:8` — a guest can exceed the upload quota by renaming the file.\n"
)
_PLACES = [("admin/views.py", 12), ("cache/keys.py", 30), ("quota/limits.py", 8)]


def _places(text: str) -> list[tuple[str, int | None]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.locations[0].path, f.locations[0].start) for f in review.findings]


@pytest.mark.parametrize(
    "text",
    [
        f"## Issues\n\n{_ITEMS}",
        f"## Findings\n\n### Important\n\n{_ITEMS}",
        # a free-form list, beside an item told with a fault word
        f"I looked at the change. Notes:\n\n- `up/files.py:4` — the upload crashes on empty "
        f"files.\n{_ITEMS}\nPlease fix these.\n",
    ],
    ids=["issues", "important", "free-form"],
)
def test_each_fault_told_without_a_fault_word_is_a_finding(text: str) -> None:
    assert _places(text)[-3:] == _PLACES


def test_the_same_words_denied_or_limited_stay_harmless() -> None:
    text = (
        "I looked at the change. Notes:\n\n"
        "- `up/files.py:4` — the upload crashes on empty files.\n"
        "- `admin/views.py:12` — only staff reach the admin view.\n"
        "- `cache/keys.py:30` — the key includes the tenant, so no tenant sees another "
        "tenant's data.\n"
    )
    assert _places(text) == [("up/files.py", 4)]


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": f"## Issues\n\n{_ITEMS}"})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict


def test_such_faults_with_their_place_at_the_end_are_not_lost() -> None:
    # (a place closing the item is no place-led list: the items are findings text that could
    # not be read, as the same items with a fault word are, never a clean review)
    text = (
        "I looked at the change.\n\n"
        "- Anonymous requests reach the admin view (`admin/views.py:12`).\n"
        "- One tenant sees another tenant's data (`cache/keys.py:30`).\n\nPlease fix.\n"
    )
    review = parse_review(text, seat="alpha")
    assert review.findings or review.unread_findings, review
