"""A later round's review marks the earlier round's items it checked: `— ✅ Fixed`,
`**[Resolved] Title**`, `**[Won't fix — declined] Title**`, `- ✅ S1 (…): resolved.`, a
struck-out `~~I1. **Title**~~ — fixed in `abc123``. Those items are closed, not this round's
findings: they used to be counted (the status even stripped from the title), or read as
findings text that could not be read. Only the items still open and the new ones count."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review


def _titles(text: str) -> list[str]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [f.title for f in review.findings]


def test_a_heading_marked_fixed_is_no_finding() -> None:
    text = (
        "## Executive Summary\nSecond look.\n\n## Important Issues\n\n"
        "### I1 — Cache never evicts old keys — ✅ Fixed\n`calc.py:4` now caps the size.\n\n"
        "### I2 — Division by zero on empty input\n**Location:** `calc.py:9`\n"
        "Empty lists reach the division.\n\n"
        "## Suggestions\n\n### S1 — Docstring names the wrong type — Still open\n"
        "**Location:** `calc.py:2`\nNot changed since the first round.\n"
    )
    assert _titles(text) == ["Division by zero on empty input", "Docstring names the wrong type"]


def test_bracketed_statuses_close_their_items() -> None:
    text = (
        "## Critical Issues\nNone.\n\n## Important Issues\n"
        "1. **[Fixed] Cache never evicts old keys** — `calc.py:4`. Now capped.\n"
        "2. **Division by zero on empty input** — `calc.py:9`. Empty lists reach it.\n\n"
        "## Suggestions\n"
        "1. **[Won't fix — the author disagrees] Docstring names the wrong type** — `calc.py:2`.\n"
        "2. **Loop could be a comprehension** — `calc.py:6`.\n"
    )
    assert _titles(text) == ["Division by zero on empty input", "Loop could be a comprehension"]


def test_struck_out_and_checked_items_are_no_findings() -> None:
    text = (
        "## Critical Issues\nNone.\n\n## Important Issues\n\n"
        "~~I1. **Cache never evicts old keys** — `calc.py:4`~~ — fixed in `9f8e7d6`.\n\n"
        "I2. **Division by zero on empty input** — `calc.py:9` (important, regression)\n"
        "Empty lists reach the division.\n\n"
        "## Suggestions\n\n"
        "- ✅ S1 (docstring type, `calc.py:2`): resolved.\n"
        "- S2. **Loop could be a comprehension** — `calc.py:6` (suggestion, enhancement)\n"
    )
    assert _titles(text) == ["Division by zero on empty input", "Loop could be a comprehension"]


def test_titles_that_only_mention_a_fix_stay_findings() -> None:
    text = (
        "## Important Issues\n\n"
        "1. **Fixed-size buffer overflows on long names** — `calc.py:4`.\n"
        "2. **Retry loop — fixed delay causes a thundering herd** — `calc.py:9`.\n"
        "3. **Cache key bug — partially fixed** — `calc.py:2`. The TTL path still leaks.\n"
        "4. **Header row not quoted — not fixed** — `calc.py:6`.\n"
    )
    assert len(_titles(text)) == 4


def test_a_status_line_under_the_item_closes_it() -> None:
    text = (
        "## Important Issues\n\n### I1 — Cache never evicts old keys\n"
        "**Status:** ✅ Fixed in `9f8e7d6`\n`calc.py:4` now caps the size.\n\n"
        "### I2 — Division by zero on empty input\n**Location:** `calc.py:9`\n"
        "**Status:** Still open\nEmpty lists reach the division.\n\n"
        "## Suggestions\n\n1. **Docstring names the wrong type** — `calc.py:2`\n"
        "   Status: resolved.\n"
        "2. **Loop could be a comprehension** — `calc.py:6`\n   Status: fixed, but untested.\n"
    )
    assert _titles(text) == ["Division by zero on empty input", "Loop could be a comprehension"]


def _kept(text: str) -> int:
    review = parse_review(text, seat="alpha")
    return len(review.findings) + len(review.unread_findings)


# A closed mark on an item that goes on to tell what is wrong now: the item is this round's
# problem, read (or at least unread), never dropped with the closed ones.
@pytest.mark.parametrize(
    "item",
    [
        "- ✅ Fixed the null check in `calc.py:9`, but the file handle opened there now leaks.\n",
        "1. **[Resolved] Token logged in plaintext** — `calc.py:3`: resolved, but the new debug "
        "line at `calc.py:5` prints the password hash.\n",
        "1. **[Declined by author] Token logged at debug level** — `calc.py:3`: declined, "
        "however debug logging is on in production.\n",
        "1. **Session fixation** (`calc.py:3`)\n   **Status:** Fixed. However, the new id is "
        "logged at `calc.py:5`, which leaks it.\n",
    ],
)
def test_a_closed_mark_with_a_new_problem_keeps_the_item(item: str) -> None:
    text = (
        "## Critical Issues\nNone.\n\n## Important Issues\n\n" + item + "\n## Suggestions\nNone.\n"
    )
    assert _kept(text) >= 1
