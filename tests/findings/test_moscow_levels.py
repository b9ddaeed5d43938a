"""Levels written as what to do: `## Must fix` / `## Should fix` / `## Could fix` sections, and a
table's Priority column with `Must fix` / `Should fix` / `Nice to have`.

A `## Could fix` section's items were lost without a trace beside a `## Must fix` finding, and
a Priority column of such phrases was read as no level (every row important). A heading that
only mentions fixing among other words stays no level section.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def _found(text: str) -> list[tuple[str, str]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings and not review.unrated, review
    return [(f.id, f.title) for f in review.findings]


def test_a_could_fix_section_holds_suggestions() -> None:
    text = (
        "## Must fix\n\n- Session id reused after logout — `auth/session.py:50`.\n\n"
        "## Could fix\n\n- Constant name is misleading — `auth/session.py:8`.\n"
    )
    assert _found(text) == [
        ("C1", "Session id reused after logout"),
        ("S1", "Constant name is misleading"),
    ]


def test_a_priority_column_of_phrases_gives_the_levels() -> None:
    text = (
        "## Findings\n\n| Priority | Issue | File |\n|---|---|---|\n"
        "| Must fix | Session id reused after logout | `auth/session.py:50` |\n"
        "| Should fix | Expiry not checked on refresh | `auth/session.py:71` |\n"
        "| Nice to have | Constant name is misleading | `auth/session.py:8` |\n"
    )
    assert _found(text) == [
        ("C1", "Session id reused after logout"),
        ("I1", "Expiry not checked on refresh"),
        ("S1", "Constant name is misleading"),
    ]


def test_a_heading_that_only_mentions_fixing_is_no_level() -> None:
    text = (
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
        "1. **Expiry not checked on refresh** — `auth/session.py:71`\n\n"
        "## What we could fix in a later PR\n\nThe naming of the session constants.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [("I1", "Expiry not checked on refresh")]
