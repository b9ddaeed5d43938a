"""Section and list shapes trial 50a misread (each text in our own words, same shape).

A list item that carries its own level (a `**Severity: High**` lead-in, a level in parentheses
or brackets, a closing `**Severity: medium.**`) is a finding wherever it sits: under a generic
heading (`## Code Review`, `## Notes`), under `## Feedback` or `## Concerns`, under bold
`**Blocking**` / `**Non-blocking**` lines. A recap list after the findings (`## Next steps`)
that restates a finding adds none.
"""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.model import AgentReview, Severity

C, IMP, S = Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION

LED_BULLETS = (
    "* **Severity: High** - `billing/invoice.py:42`: Rounding per line item drifts from the "
    "ledger.\n"
    "* **Severity: Medium** - `billing/pay.py:18`: The retry charges twice after a timeout.\n"
    "* **Severity: Low** - `billing/pay.py:5`: `Any` hides a `None` return.\n"
)
LED_ROWS = [
    (C, "Rounding per line item drifts from the ledger", ("billing/invoice.py:42",)),
    (IMP, "The retry charges twice after a timeout", ("billing/pay.py:18",)),
    (S, "`Any` hides a `None` return", ("billing/pay.py:5",)),
]


def rows(review: AgentReview) -> list[tuple[Severity, str, tuple[str, ...]]]:
    return [(f.severity, f.title, tuple(map(str, f.locations))) for f in review.findings]


@pytest.mark.parametrize(
    "title",
    ["Code Review", "Review", "Notes", "Comments", "Observations", "Remarks", "Risks"],
)
def test_level_led_bullets_under_a_generic_heading_are_each_a_finding(title: str) -> None:
    """Not one finding named after the heading, with every place and no text (trial 50a #1)."""
    r = parse_review(f"## {title}\n\n{LED_BULLETS}", seat="s")
    assert rows(r) == LED_ROWS
    assert title not in [f.title for f in r.findings]


def test_level_led_paragraphs_under_a_generic_heading_too() -> None:
    text = "## Review\n\n" + LED_BULLETS.replace("* **", "**").replace("\n", "\n\n")
    assert rows(parse_review(text, seat="s")) == LED_ROWS


def test_a_heading_with_its_own_severity_line_is_still_one_finding() -> None:
    """`### 1. Title` + `**Severity:** High` (a free-form review): the heading is the finding."""
    text = (
        "### 1. Rounding per line item\n\n**Severity:** High\n**File:** `billing/invoice.py:42`\n\n"
        "Each line is rounded before summing.\n"
    )
    assert rows(parse_review(text, seat="s")) == [
        (C, "Rounding per line item", ("billing/invoice.py:42",))
    ]


@pytest.mark.parametrize("title", ["Feedback", "Concerns", "Review feedback"])
def test_level_led_bullets_under_feedback_or_concerns_are_findings(title: str) -> None:
    """Not an unparseable review (trial 50a #3): the seat's own feedback, not the PR's threads."""
    text = f"## {title}\n\n{LED_BULLETS}"
    r = parse_review(text, seat="s")
    assert rows(r) == LED_ROWS
    assert unparseable_reason(r) is None


def test_the_prs_unresolved_feedback_is_still_no_finding_of_this_review() -> None:
    r = parse_review(f"## Unresolved Feedback\n\n{LED_BULLETS}", seat="s")
    assert r.findings == ()


def test_concerns_under_design_observations_stay_design_concerns() -> None:
    text = (
        "## Design Observations\n\n### Concerns\n\n"
        "- **Severity: Medium** - `billing/pay.py:18`: The retry loop belongs in the client.\n"
    )
    r = parse_review(text, seat="s")
    assert r.findings == ()
    assert [o.kind for o in r.design_observations] == ["concern"]


def test_bold_numbered_title_with_its_level_inside_and_a_file_bullet() -> None:
    text = (
        "# Review\n\n**1. Double charge on retry (Critical)**\n- File: `billing/pay.py`, line 18\n"
        "- A timeout after success sends the charge again.\n\n"
        "**2. Per-line rounding (Major)**\n- `billing/invoice.py:40-44`\n"
        "- Totals drift from the ledger.\n"
    )
    r = parse_review(text, seat="s")
    assert rows(r) == [
        (C, "Double charge on retry", ("billing/pay.py:18",)),
        (IMP, "Per-line rounding", ("billing/invoice.py:40-44",)),
    ]
    assert "sends the charge again" in r.findings[0].body
    # an item that is only the place is the finding's place, not a point of its text
    assert r.findings[1].body == "- Totals drift from the ledger."
    assert r.unread_findings == ()


def test_plain_numbered_item_with_a_level_phrase_in_parentheses() -> None:
    text = (
        "## Issues\n\n1. Double charge on retry (severity: high) — `billing/pay.py:18`\n"
        "2. Totals drift (priority: medium) — `billing/invoice.py:42`\n"
    )
    r = parse_review(text, seat="s")
    assert rows(r) == [
        (C, "Double charge on retry", ("billing/pay.py:18",)),
        (IMP, "Totals drift", ("billing/invoice.py:42",)),
    ]
    assert r.unread_findings == ()


def test_bold_label_title_with_a_closing_severity_sentence() -> None:
    text = (
        "## Issues\n\n"
        "- **Missing timeout:** `charge` (billing/pay.py:11) waits forever. **Severity: high.**\n"
        "- **Currency assumed:** `total` (billing/invoice.py:50) prints dollars. "
        "**Severity: low.**\n"
    )
    r = parse_review(text, seat="s")
    assert rows(r) == [
        (C, "Missing timeout", ("billing/pay.py:11",)),
        (S, "Currency assumed", ("billing/invoice.py:50",)),
    ]
    assert "waits forever" in r.findings[0].body


def test_a_label_with_a_level_is_no_finding_of_its_own() -> None:
    """`- **Severity:** High` under a finding is its label, not a finding titled Severity."""
    text = "## Issues\n\n- **Severity:** High\n- **File:** `billing/pay.py:18`\n"
    assert "Severity" not in [f.title for f in parse_review(text, seat="s").findings]


def test_blocking_and_non_blocking_pseudo_headings_with_place_first_sentences() -> None:
    text = (
        "**Blocking**\n\n- `billing/pay.py:18` retries the charge without an idempotency key.\n\n"
        "**Non-blocking**\n\n- `billing/pay.py:5` unused `typing.Any` import.\n"
    )
    r = parse_review(text, seat="s")
    assert rows(r) == [
        (C, "retries the charge without an idempotency key", ("billing/pay.py:18",)),
        (S, "unused `typing.Any` import", ("billing/pay.py:5",)),
    ]
    assert r.unread_findings == ()


FINDINGS = (
    "## Findings\n\n"
    "1. **Double charge on retry** (critical) — `billing/pay.py:18`: a timeout resends it.\n"
    "2. **Per-line rounding** (important) — `billing/invoice.py:42`: totals drift.\n\n"
)


@pytest.mark.parametrize(
    "title", ["Recommended next steps", "Next steps", "Action items", "Summary of fixes"]
)
def test_a_recap_list_restating_the_findings_adds_none(title: str) -> None:
    text = (
        f"{FINDINGS}## {title}\n\n"
        "1. Fix the double charge at `billing/pay.py:18` first (critical).\n"
        "2. Then round once per invoice (`billing/invoice.py:42`).\n"
        "3. Add a test with three 0.335 items.\n"
    )
    r = parse_review(text, seat="s")
    assert rows(r) == [
        (C, "Double charge on retry", ("billing/pay.py:18",)),
        (IMP, "Per-line rounding", ("billing/invoice.py:42",)),
    ]
    # the recap keeps its words as a section of its own
    assert [s.title for s in r.other_sections] == [title]
    assert "three 0.335 items" in r.other_sections[0].body


def test_a_recap_item_naming_a_new_problem_with_its_level_is_kept() -> None:
    """Only a restatement counts once: a new place with its own level is still a finding."""
    text = (
        f"{FINDINGS}## Next steps\n\n"
        "1. Also fix the leaked key at `billing/keys.py:3` (critical).\n"
    )
    r = parse_review(text, seat="s")
    assert [f.locations[0].path for f in r.findings] == [
        "billing/pay.py",
        "billing/invoice.py",
        "billing/keys.py",
    ]
