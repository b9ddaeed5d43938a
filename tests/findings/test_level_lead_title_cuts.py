"""Titles after a bold level word or tag that is followed by a dash, a place and the finding's
first sentence: `- [ ] **Critical** — Title (`a.py:8`): why`, `- **[P0]** Title — `a.py:8`.
Why.`, `1. **Blocker:** Title (`a.py:8`). Why.`.

The title kept the dash (`— Title`), the place and the explanation. A title whose parentheses
or dash hold no place keeps its words.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def _found(text: str) -> list[tuple[str, str, list[tuple[str, int | None]]]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [
        (f.id, f.title, [(loc.path, loc.start) for loc in f.locations]) for f in review.findings
    ]


def test_a_dash_after_a_bold_level_word_is_no_part_of_the_title() -> None:
    text = (
        "## Findings\n\n"
        "- [ ] **Critical** — Cookie signed with a constant key (`web/session.py:12`): anyone "
        "can forge a session.\n"
        "- [ ] **Important** — Logout keeps the refresh token (`web/session.py:40-44`).\n"
        "- [ ] **Nit** – Stray debug print (`web/views.py:7`).\n"
    )
    assert _found(text) == [
        ("C1", "Cookie signed with a constant key", [("web/session.py", 12)]),
        ("I1", "Logout keeps the refresh token", [("web/session.py", 40)]),
        ("S1", "Stray debug print", [("web/views.py", 7)]),
    ]


def test_a_tag_then_title_dash_place_and_sentence() -> None:
    text = (
        "## Findings\n\n"
        "- **[P0]** Cookie signed with a constant key — `web/session.py:12`. Forgeable.\n"
        "- **[P2]** Session lifetime is a literal — `web/session.py:3`.\n"
    )
    assert _found(text) == [
        ("C1", "Cookie signed with a constant key", [("web/session.py", 12)]),
        ("I1", "Session lifetime is a literal", [("web/session.py", 3)]),
    ]


def test_a_numbered_level_label_then_title_place_and_sentence() -> None:
    text = (
        "## Findings\n\n"
        "1. **Blocker:** Cookie signed with a constant key (`web/session.py:12`). Anyone can "
        "forge one.\n"
        "2. **Minor:** Session lifetime is a literal (`web/session.py:3`).\n"
    )
    assert _found(text) == [
        ("C1", "Cookie signed with a constant key", [("web/session.py", 12)]),
        ("S1", "Session lifetime is a literal", [("web/session.py", 3)]),
    ]


def test_parentheses_and_dashes_without_a_place_keep_their_words() -> None:
    text = (
        "## Findings\n\n"
        "- **[P1]** Retry (see the notes). Backoff is missing — `web/retry.py:9`\n"
        "- **[P3]** Name clash — `x` vs `y` in the loop (`web/retry.py:20`)\n"
    )
    titles = [t for _, t, _ in _found(text)]
    assert titles == [
        "Retry (see the notes). Backoff is missing",
        "Name clash — `x` vs `y` in the loop",
    ]
