"""The failure a finding claims, from a small vocabulary: what goes wrong, not where.

Two findings at one line are one issue when they name the same failure and two issues when they
name different ones: "`total` divides by zero for an empty list" and "`total` now returns the
average, not the total" share the line and the function's name, not the problem; "SQL injection
in `get_user`" and "SQL built by string formatting" share the problem in other words. The place
and the names say where a reviewer looked; the claim says what it saw. `score.evidence` reads
it two ways: a failure one title names and the other finding's text names too is something the
two say alike (it lifts the caps for findings that share only a place and a name); two titles
naming different failures, neither named by the other's text, cap the pair below a link.

The vocabulary is a set of failure kinds, named in words, a handful of phrases each, from the
tables in `failure_tables.TABLES` (`phrase_table.PhraseTable`: each kind's phrases, how the merge
reasons say it, which kinds are two sides of one problem), matched outside code (a Go review's
`err != nil` is code, not a claim about nil).
A title naming none of them claims nothing here, and its text's passing mentions do not stand
in for it: on real reviews "Nothing removes the PATH edits" mentions nil on the way, and its
twin "PATH edits are orphaned" a leak (benchmarks/README.md, "Claims at one line").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from deepreview.consolidate.failure_phrases import quoted_claims
from deepreview.consolidate.failure_tables import TABLES
from deepreview.consolidate.literal_needs import needed
from deepreview.markdown_fence import strip_code

_SPAN = re.compile(r"`([^`\n]*)`")

# kind -> phrases: a word listed there decides whether two findings at one place are one issue;
# a kind several tables name has all their phrases, in the order of `TABLES`
_KINDS: dict[str, tuple[str, ...]] = {}
for _table in TABLES:
    for _kind, _phrases in _table.phrases.items():
        _KINDS[_kind] = _KINDS.get(_kind, ()) + _phrases
# How the merge reasons say it: "both name a race"
SAID = {kind: said for table in TABLES for kind, said in table.said.items()}
# Kinds that tell one problem from its two sides, so neither contradicts the other (each
# table's `sides`)
_SIDES_OF_ONE = tuple(pair for table in TABLES for pair in table.sides)
KINDS = tuple(_KINDS)


# Kinds that say how a failure ends, not which one it is: two crashes a few lines apart are
# often two causes ("A trailing comma crashes the parser" / "Negative page numbers crash"). At
# one line, or at a function and its call, they still meet; a few lines apart they are no claim
# (`nearby.same_failure_nearby`, `score.SAME_CLAIM_BONUS`).
SYMPTOMS = frozenset({"crash"})


# Kinds a reviewer names whenever it sees them: a typo is called a typo (or a misspelling), never
# told only by its effect, as a leak is by what is left behind. A finding whose text never
# names such a kind is about something else.
SELF_NAMED = frozenset({"typo"})


def sides_of_one(a: frozenset[str], b: frozenset[str]) -> bool:
    """A kind of `a` and a kind of `b` are two sides of one failure (`_SIDES_OF_ONE`)."""
    return any(x != y and {x, y} <= pair for pair in _SIDES_OF_ONE for x in a for y in b)


def conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name failures, and none of them is one both name or two sides of one."""
    return bool(a and b) and not (a & b) and not sides_of_one(a, b)


def _words_outside_code(text: str) -> str:
    """The text without fenced blocks, and without code spans that hold more than one word:
    `` `nil` `` is a word in a sentence, `` `err != nil` `` is code."""
    text = strip_code(text, " ")
    return _SPAN.sub(lambda m: m.group(1) if re.fullmatch(r"[\w.-]+", m.group(1)) else " ", text)


# A finding names its failure in its first paragraphs; past this, a body is pasted logs or output,
# and scanning a seat's megabyte of it with every kind's phrases cost half a minute per finding.
CLAIM_TEXT_CHARS = 20_000


# Each kind's phrases are one pattern, compiled when a text first may match it: compiling all of
# them at import cost every start of the command a quarter of a second.
@cache
def _pattern(kind: str) -> re.Pattern[str]:
    return re.compile("|".join(_KINDS[kind]), re.IGNORECASE)


@dataclass(frozen=True)
class _Needs:
    """What each kind's pattern cannot match without (`literal_needs`): most texts name none of
    the kinds, and testing for a word is far cheaper than a regex search."""

    by_kind: dict[str, frozenset[str] | None]
    by_trigram: dict[str, tuple[str, ...]]  # the needed strings by their first three characters
    short: tuple[str, ...]  # those shorter than three


@lru_cache(maxsize=1)
def _needs() -> _Needs:
    by_kind = {kind: needed("|".join(ps), re.IGNORECASE) for kind, ps in _KINDS.items()}
    every = sorted({s for needs in by_kind.values() if needs is not None for s in needs})
    by_trigram: dict[str, tuple[str, ...]] = {}
    for s in every:
        if len(s) >= 3:
            by_trigram[s[:3]] = (*by_trigram.get(s[:3], ()), s)
    return _Needs(by_kind, by_trigram, tuple(s for s in every if len(s) < 3))


def _searched(plain: str) -> list[str]:
    """The kinds whose pattern may match `plain`: on ASCII text, those whose needed strings it
    holds one of (a text's trigrams pick the few to look for); on other text, all."""
    if not plain.isascii():
        return list(_KINDS)
    needs = _needs()
    lowered = plain.lower()
    trigrams = set(map("".join, zip(lowered, lowered[1:], lowered[2:], strict=False)))
    present = {s for s in needs.short if s in lowered}
    for trigram in trigrams & needs.by_trigram.keys():
        present.update(s for s in needs.by_trigram[trigram] if s in lowered)
    return [
        kind
        for kind, kind_needs in needs.by_kind.items()
        if kind_needs is None or not kind_needs.isdisjoint(present)
    ]


@lru_cache(maxsize=1 << 14)
def claims_in(text: str) -> frozenset[str]:
    """The failure kinds `text` names (`KINDS`), read outside code, in its first
    `CLAIM_TEXT_CHARS` characters."""
    text = text[:CLAIM_TEXT_CHARS]
    plain = _words_outside_code(text)
    found = frozenset(kind for kind in _searched(plain) if _pattern(kind).search(plain))
    return found | quoted_claims(strip_code(text, " "))
