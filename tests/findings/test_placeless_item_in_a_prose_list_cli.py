"""An item of a free-form numbered list that tells its lines in words and names no file is a
finding at the one file its list names, not dropped.

Tried as a new user would: "1. The `take()` check in the worker loop on lines 8-9 is racy: …"
beside "2. `queue.py:30` — `pop()` crashes on an empty queue." was dropped with no warning (no
finding, no "findings text not read"); the report listed only the crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

_RACY = "The `take()` check in the worker loop on lines 8-9 is racy: two workers can pass it."
REVIEWS = {
    "place-led-sibling": (
        f"Review of the queue change.\n\n1. {_RACY}\n2. `queue.py:30` — `pop()` crashes on an "
        "empty queue.\n"
    ),
    "file-named-in-a-sibling": (
        "I see two problems.\n\n1. When the queue is empty `pop()` in `queue.py` (line 30) "
        f"returns `None`, so the caller crashes.\n2. {_RACY}\n\nPlease fix both.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEWS))
def test_the_item_with_lines_in_words_is_a_finding(tmp_path: Path, name: str) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": REVIEWS[name]})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    found = {
        (f["locations"][0]["path"], f["locations"][0]["start"]): f["title"]
        for f in report["findings"]
    }
    assert set(found) == {("queue.py", 8), ("queue.py", 30)}, found
    assert "racy" in found[("queue.py", 8)]
