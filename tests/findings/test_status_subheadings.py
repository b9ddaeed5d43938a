"""A round-2 review that sorts a level's findings under status sub-headings: `### Still open`,
`### New`, `### Resolved`.

Each sub-heading was read as a finding of its own (`'Still open'`, `'New'`, `'Resolved'`, no
place) and the resolved item counted as an open one. The sub-headings are no findings now, and
the items under `### Resolved` are closed (no finding of this round); a finding whose title
merely starts with such a word is still read.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_REVIEW = (
    "## Critical Issues\n\nNone.\n\n## Important Issues\n\n### Still open\n\n"
    "**I2. Retry count ignores the setting** — `mail/send.py:31`\nStill hard-coded to 3.\n\n"
    "### New\n\n**I3. Bounce handler swallows errors** — `mail/bounce.py:12`\n"
    "A failed parse is logged and dropped.\n\n"
    "### Resolved\n\n**I1. Password logged on failure** — `mail/send.py:70`\n"
    "Now redacted; verified.\n\n## Suggestions\n\nNone.\n"
)


def test_status_subheadings_sort_the_items_and_are_no_findings() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert [(f.id, f.title) for f in review.findings] == [
        ("I2", "Retry count ignores the setting"),
        ("I3", "Bounce handler swallows errors"),
    ]


def test_a_title_that_starts_with_a_status_word_is_a_finding() -> None:
    text = (
        "## Important Issues\n\n### New connections skip the TLS check (`mail/smtp.py:44`)\n\n"
        "`starttls()` is never called on the second connection.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["New connections skip the TLS check"]
