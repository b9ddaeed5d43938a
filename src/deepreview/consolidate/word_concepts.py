"""Words that name one concept, each reviewer picking its own: a version "floor" to one seat is
the "minimum" version to the next. Each word of a group also gives the group's concept word
(`features.finding_words`), as a synonym of "secret" gives "secret". General programming
vocabulary only (found on merge case 26: a Python "floor" and a "minimum" Python version), never
the words of one case; kept small, as every word of a group counts toward how alike two
findings are worded.
"""

from __future__ import annotations

# concept word (as `features.stem` leaves it) -> the stemmed words that also name it
CONCEPT_WORDS: dict[str, frozenset[str]] = {
    # the lowest version or value accepted
    "minimum": frozenset({"floor", "minimum"}),
}


def concepts_of(found: frozenset[str] | set[str]) -> frozenset[str]:
    """The concept words the stemmed `found` names through one of its synonyms."""
    return frozenset(c for c, names in CONCEPT_WORDS.items() if found & names)
