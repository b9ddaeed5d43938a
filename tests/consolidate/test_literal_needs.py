"""The claim-kind prefilter (`literal_needs`) skips only searches that cannot match: the kinds
`claims_in` finds are those a search of every kind's pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deepreview.consolidate import claims
from deepreview.consolidate.literal_needs import needed

CASES = Path(__file__).resolve().parents[2] / "benchmarks" / "merge_cases"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bleak(?:s|ed)?\b", {"leak"}),
        (r"\b(?:dead)?lock(?:ed)?\b", {"lock"}),
        (r"\bthread[- ]?safe\b|\bmutex\b", {"thread", "mutex"}),
        (r"\bRace\b", {"race"}),  # lower-cased: the patterns ignore case
        (r"(?:retries)+", {"retries"}),
        (r"\b(?:was\s+)?(?:closed|freed)\b", {"closed", "freed"}),
    ],
)
def test_needed_strings_every_match_holds(pattern: str, expected: set[str]) -> None:
    assert needed(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:leak)?\w+",  # the only literal is optional
        r"[a-z]+\s+1",  # a class, then a one-character literal: still a need, but a weak one
        r"\bleak\b|\w+\b",  # an alternative with no literal
        r"\bſtack\b",  # non-ASCII: case-insensitive `ſ` also matches `s`
    ],
)
def test_no_need_where_the_form_gives_none(pattern: str) -> None:
    found = needed(pattern, re.IGNORECASE)
    assert found is None or found == {"1"}


def _all_kinds(text: str) -> frozenset[str]:
    """`claims_in` without the prefilter: every kind's pattern searched."""
    text = text[: claims.CLAIM_TEXT_CHARS]
    plain = claims._words_outside_code(text)
    found = frozenset(k for k in claims.KINDS if claims._pattern(k).search(plain))
    return found | claims.quoted_claims(claims.strip_code(text, " "))


def _texts() -> list[str]:
    """Each review's paragraphs, and now and then three together (a finding's worth of text)."""
    out: list[str] = []
    for review in sorted(CASES.glob("*/*.md")):
        paragraphs = [p for p in review.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        out.extend(paragraphs)
        out.extend("\n\n".join(paragraphs[i : i + 3]) for i in range(0, len(paragraphs), 12))
    return out


def test_prefilter_finds_what_every_search_finds() -> None:
    texts = _texts()
    assert len(texts) > 1000
    named = 0
    for text in texts:
        expected = _all_kinds(text)
        assert claims.claims_in(text) == expected, text[:200]
        named += bool(expected)
    assert named > 100  # the texts name failures: the check is not of empty sets


def test_prefilter_on_text_beyond_ascii() -> None:
    text = "The cache entry leaks after close – “never freed” on the ſecond path"
    assert claims.claims_in(text) == _all_kinds(text)
