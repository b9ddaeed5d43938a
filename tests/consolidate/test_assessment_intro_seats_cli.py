"""Which seat's statement introduces an assessment's list (trial 47a #5): Gemini's one-paragraph
"Test coverage is adequate: …" used to be printed as the intro of Claude's list of untested
cases, and Gemini's documentation paragraph as item "1." under Claude's paragraph. An intro
stays the intro only above its own seat's items; otherwise every statement is an item of its
own, with its own credit (an intro turned item followed by its own seat's items)."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

_EMPTY_FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n\n"
)


def _consolidate(tmp_path: Path, reviews: dict[str, tuple[str, str]]) -> dict:
    texts = {
        seat: f"{_EMPTY_FINDINGS}## Testing Assessment\n\n{testing}\n"
        f"## Documentation Assessment\n\n{docs}\n"
        for seat, (testing, docs) in reviews.items()
    }
    out: dict = json.loads(consolidate_reviews(tmp_path, texts))  # type: ignore[type-arg]
    return out


def _said(a: dict) -> list[tuple[str, list[str]]]:
    out = [("intro: " + a["intro"], a["intro_reviewers"])] if a["intro"] else []
    return out + [(t, who) for t, who in zip(a["items"], a["item_reviewers"], strict=True)]


def test_one_seats_paragraph_does_not_introduce_another_seats_list(tmp_path: Path) -> None:
    got = _consolidate(
        tmp_path,
        {
            "claude": (
                "1. No test checks how many times `fn` is called on persistent failure.\n"
                "2. No test for the delay schedule (use fake timers).\n",
                "README.md still documents the old positional `attempts` argument.\n",
            ),
            "gemini": (
                "Test coverage is adequate: `test/retry.test.ts` exercises the retry path.\n",
                "No documentation changes are needed.\n",
            ),
        },
    )
    assert _said(got["testing"]) == [
        ("Test coverage is adequate: `test/retry.test.ts` exercises the retry path.", ["Gemini"]),
        ("No test checks how many times `fn` is called on persistent failure.", ["Claude"]),
        ("No test for the delay schedule (use fake timers).", ["Claude"]),
    ]
    assert sorted(_said(got["documentation"])) == [
        ("No documentation changes are needed.", ["Gemini"]),
        ("README.md still documents the old positional `attempts` argument.", ["Claude"]),
    ]


def test_a_seats_intro_heads_only_its_own_list(tmp_path: Path) -> None:
    # above Gemini's item too, "Two gaps:" would head a list of three (trial 52 #5): it is a
    # statement of its own, followed by Claude's item (an item of its own: nested under the
    # lead-in, the two read as one run-on item)
    got = _consolidate(
        tmp_path,
        {
            "claude": ("Two gaps:\n\n1. No test for the retry count.\n", "Fine.\n"),
            "gemini": ("1. No test for the delay schedule.\n", "Fine.\n"),
        },
    )
    assert _said(got["testing"]) == [
        ("Two gaps:", ["Claude"]),
        ("No test for the retry count.", ["Claude"]),
        ("No test for the delay schedule.", ["Gemini"]),
    ]
    assert _said(got["documentation"]) == [("intro: Fine.", ["Claude", "Gemini"])]
