"""A conversational review: praise, then a bold lead-in asking for a change before merging and
the bug told in prose at a place, closing "Otherwise LGTM". Read as a review with no finding it
said "Merge as-is — no issues found": the bug's words ("never limits") are no problem words and
the lead-in is no findings title. What follows such a lead-in, at a place, is the seat's finding
(`findings/asked_changes.py`), so the verdict names it. A lead-in that asks for nothing ("Nothing
I'd want changed before merging") and praise at places stay a clean review."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_seat_verdict

PRAISE = """This is a tidy change.

**What I liked**

- Moving the sum into `calc.py:1` makes it easy to test, and `calc.py:2` reads well.
"""

ASKS = (
    PRAISE
    + """
**One thing I'd want changed before merging**

In `calc.py` around line 2, `add()` takes the second argument as a count of tens, so every
total after the first call comes out ten times too large and the report shows it as correct.

Otherwise LGTM, happy to approve once that is sorted.
"""
)

ASKS_NOTHING = (
    PRAISE
    + """
**Nothing I'd want changed before merging**

In `calc.py` around line 2, `add()` keeps the argument order the callers use.

LGTM.
"""
)


def test_a_change_asked_for_in_prose_is_no_clean_review(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, ASKS)
    assert status == "ok"
    assert label != "Merge as-is"
    assert reason == "I1 needs attention"


def test_a_lead_in_asking_for_nothing_stays_clean(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, ASKS_NOTHING)
    assert status == "ok"
    assert (label, reason) == ("Merge as-is", "no issues found")
