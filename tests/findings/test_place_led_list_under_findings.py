"""A plain `## Findings` (or `**Findings**`) section that is a list of problems, each led by its
place: `1. `jobs/budget.py:31` — the budget is never refilled, …`.

The same list with no heading, or under `## Review`, was read as findings (important, unrated:
`placed_items.py`); under `## Findings` it was findings text that could not be read, and the
verdict was Unverified. A list of places with what the change does there names no problem and
stays unread text, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_ITEMS = (
    "1. `jobs/budget.py:31` — the retry budget is never refilled, so no job retries after a "
    "bad hour.\n"
    "2. `jobs/queue.py:77` — `pop()` raises `IndexError` on an empty queue instead of "
    "`QueueEmpty`.\n"
)


def _places(review):  # type: ignore[no-untyped-def]
    return [(f.id, [(loc.path, loc.start) for loc in f.locations]) for f in review.findings]


@pytest.mark.parametrize(
    "heading",
    [
        "## Findings\n\n",
        "**Findings**\n\n",
        "## Summary\n\nAdds a retry budget.\n\n## Findings\n\n",
    ],
)
def test_place_led_problems_under_findings_are_findings(heading: str) -> None:
    review = parse_review(heading + _ITEMS + "\n## Verdict\n\nRequest changes.\n", seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert _places(review) == [("I1", [("jobs/budget.py", 31)]), ("I2", [("jobs/queue.py", 77)])]
    assert list(review.unrated) == ["I1", "I2"]


def test_bullets_after_a_lead_sentence_are_findings() -> None:
    text = "## Findings\n\nTwo problems:\n\n" + _ITEMS.replace("1. ", "- ").replace("2. ", "- ")
    review = parse_review(text, seat="alpha")
    assert _places(review) == [("I1", [("jobs/budget.py", 31)]), ("I2", [("jobs/queue.py", 77)])]


def test_places_with_what_the_change_does_stay_unread() -> None:
    text = (
        "## Findings\n\n- `jobs/budget.py:31` — adds the retry budget.\n"
        "- `jobs/queue.py:77` — moves `pop()` into the queue class.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings
    assert review.unread_findings


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": "## Findings\n\n" + _ITEMS})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict


def test_faults_told_as_a_loop_forever_or_a_logged_secret() -> None:
    text = (
        "## Findings\n\n"
        "- `jobs/retry.py:42` — `while True` retries forever when the broker keeps refusing.\n"
        "- `jobs/auth.py:30` — the bearer token is logged at INFO on every retry.\n"
    )
    review = parse_review(text, seat="alpha")
    assert _places(review) == [("I1", [("jobs/retry.py", 42)]), ("I2", [("jobs/auth.py", 30)])]
