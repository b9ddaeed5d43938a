"""Parse a seat's `Round N Fix Verdicts` section, and consolidate the seats' verdicts.

Pure `text -> model`. Seats write one line (bullet or table row) per prior finding, e.g.
`- I1: fixed — calc.py:3 now checks for zero` or `| I1 | not fixed | calc.py:3 still ... |`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final, cast

from deepreview.findings.headings import last_section_body
from deepreview.model import FIX_VERDICTS, FixVerdictWord, SeatFixVerdict

_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*)\s*Round\s+\d+\s+Fix\s+Verdicts\b.*$", re.IGNORECASE | re.MULTILINE
)
_ID = re.compile(r"\b([CIS]\d+)\b")
# Longest first: "not fixed" and "partially fixed" both contain "fixed".
_WORDS: Final = sorted(FIX_VERDICTS, key=len, reverse=True)
_WORD = re.compile(
    r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in _WORDS) + r")\b",
    re.IGNORECASE,
)
# When seats disagree the report keeps the least optimistic word: a prior finding is only
# closed when nobody still sees it open.
_PESSIMISM: Final = ("not fixed", "partially fixed", "no longer applies", "fixed")


def section_text(review: str) -> str:
    """The body of the last `Round N Fix Verdicts` section in `review` ("" when absent)."""
    return last_section_body(review, _HEADING)


def parse_fix_verdicts(review: str) -> dict[str, tuple[FixVerdictWord, str]]:
    """Prior finding ID -> (verdict, evidence) from a seat's review text."""
    out: dict[str, tuple[FixVerdictWord, str]] = {}
    for raw in section_text(review).splitlines():
        line = raw.strip().strip("|").strip()
        if not line or set(line) <= set("-|: "):
            continue
        ident = _ID.search(line)
        word = _WORD.search(line, ident.end()) if ident else None
        if ident is None or word is None:
            continue
        verdict = cast(FixVerdictWord, re.sub(r"[\s_-]+", " ", word.group(1).lower()))
        evidence = line[word.end() :].strip(" |:—–-*").strip()
        out.setdefault(ident.group(1).upper(), (verdict, evidence))
    return out


def consolidate(seats: Sequence[SeatFixVerdict]) -> tuple[FixVerdictWord | None, bool]:
    """(the report's verdict, whether the seats disagreed)."""
    words = {s.verdict for s in seats}
    if not words:
        return None, False
    chosen = min(words, key=_PESSIMISM.index)
    return chosen, len(words) > 1


def is_open(verdict: str | None) -> bool:
    """A prior finding stays open unless a seat showed it fixed or moot."""
    return verdict not in ("fixed", "no longer applies")


def collect(
    per_seat: Iterable[tuple[str, dict[str, tuple[FixVerdictWord, str]]]], prior_id: str
) -> tuple[SeatFixVerdict, ...]:
    return tuple(
        SeatFixVerdict(seat=credit, verdict=parsed[prior_id][0], evidence=parsed[prior_id][1])
        for credit, parsed in per_seat
        if prior_id in parsed
    )
