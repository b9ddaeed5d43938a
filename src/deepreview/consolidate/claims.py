"""The failure a finding claims, from a small vocabulary: what goes wrong, not where.

Two findings at one line are one issue when they name the same failure and two issues when they
name different ones: "`total` divides by zero for an empty list" and "`total` now returns the
average, not the total" share the line and the function's name, not the problem; "SQL injection
in `get_user`" and "SQL built by string formatting" share the problem in other words. The place
and the names say where a reviewer looked; the claim says what it saw. `score.evidence` reads
it two ways: a failure one title names and the other finding's text names too is something the
two say alike (it lifts the caps for findings that share only a place and a name); two titles
naming different failures, neither named by the other's text, cap the pair below a link.

The vocabulary is thirty-two failure kinds (`failure_kinds`, `security_failures`; seven more in
`failure_phrases`), named in words, a handful of phrases each (path traversal, timing, stale
cache, open permissions, non-ASCII text, size limit, quadratic work, an unset setting and an
insecure temporary file came from the held-out merge cases of benchmarks/merge_cases: seats
telling one problem in synonyms; a buffer overflow from a seat's NULL check taken for it, at the
copy both look at), matched outside code (a Go review's `err != nil` is code, not a claim about
nil).
A title naming none of them claims nothing here, and its text's passing mentions do not stand
in for it: on real reviews "Nothing removes the PATH edits" mentions nil on the way, and its
twin "PATH edits are orphaned" a leak (benchmarks/README.md, "Claims at one line").
"""

from __future__ import annotations

import re
from functools import lru_cache

from deepreview.consolidate.failure_effects import EFFECT_PHRASES, EFFECT_SAID
from deepreview.consolidate.failure_kinds import FAILURE_PHRASES
from deepreview.consolidate.failure_outcomes import OUTCOME_PHRASES, OUTCOME_SAID, OUTCOME_SIDES
from deepreview.consolidate.failure_phrases import MORE_PHRASES, MORE_SAID, quoted_claims
from deepreview.consolidate.failure_steps import STEP_PHRASES, STEP_SAID
from deepreview.consolidate.failure_tellings import TELLING_PHRASES, TELLING_SAID, TELLING_SIDES
from deepreview.consolidate.failure_terms import TERM_PHRASES, TERM_SAID, TERM_SIDES
from deepreview.consolidate.failure_words import WORD_PHRASES, WORD_SAID, WORD_SIDES
from deepreview.consolidate.security_failures import SECURITY_PHRASES
from deepreview.markdown_fence import strip_code

_SPAN = re.compile(r"`([^`\n]*)`")

# kind -> phrases: a word listed there decides whether two findings at one place are one issue
_KINDS: dict[str, tuple[str, ...]] = {**FAILURE_PHRASES, **SECURITY_PHRASES}
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in MORE_PHRASES.items()})  # failure_phrases
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in WORD_PHRASES.items()})  # failure_words
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in TERM_PHRASES.items()})  # failure_terms
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in STEP_PHRASES.items()})  # failure_steps
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in OUTCOME_PHRASES.items()})  # failure_outcomes
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in EFFECT_PHRASES.items()})  # failure_effects
_KINDS.update({k: _KINDS.get(k, ()) + ps for k, ps in TELLING_PHRASES.items()})  # failure_tellings
_PATTERNS = {kind: re.compile("|".join(ps), re.IGNORECASE) for kind, ps in _KINDS.items()}
KINDS = tuple(_KINDS)
# How the merge reasons say it: "both name a race"
SAID = {
    "injection": "an injection",
    "race": "a race",
    "nil": "a nil value",
    "leak": "a leak",
    "wrong result": "a wrong result",
    "zero division": "a division by zero",
    "missing auth": "a missing permission check",
    "typo": "a typo",
    "hang": "a wait with no timeout",
    "skipped wait": "a wait that never happens",
    "ignored error": "an error taken for success",
    "memory": "memory growing with the input",
    "off by one": "an off-by-one",
    "out of range": "a value out of its range",
    "twice": "an effect applied twice",
    "hard-coded secret": "a hard-coded secret",
    "weak hash": "a weak hash",
    "missing salt": "a missing salt",
    "path traversal": "a path escaping its folder",
    "rejected input": "valid input turned away",
    "timing": "a comparison whose time leaks the secret",
    "stale cache": "a stale cached value",
    "open permissions": "permissions open to every user",
    "non-ascii": "non-ASCII text mishandled",
    "size limit": "input over its size limit",
    "quadratic": "work quadratic in the input",
    "unset setting": "a setting left unset",
    "insecure temp file": "a guessable temporary file",
    "crash": "a crash",
    "overflow": "a write past the end of a buffer",
    "truncation": "a value cut by integer arithmetic",
    "loose match": "a name matched by a part of it",
    **MORE_SAID,
    **WORD_SAID,
    **TERM_SAID,
    **STEP_SAID,
    **OUTCOME_SAID,
    **EFFECT_SAID,
    **TELLING_SAID,
}


# Kinds that tell one problem from its two sides, so neither contradicts the other: an error
# swallowed is the `None` (nil) its caller then gets ("Permanent failures become `None`" / "the
# `except` branch hides the exception").
# A crash and the failure that causes it are one problem told by its end or by its cause ("`Get`
# panics when the request fails" / "nil pointer dereference on transport errors").
_SIDES_OF_ONE = (
    frozenset({"ignored error", "nil"}),
    frozenset({"crash", "nil"}),
    frozenset({"crash", "zero division"}),
    # a truncated amount comes out one short ("`to_cents` truncates instead of rounding" /
    # "the amount sent is one short for prices like 19.99")
    frozenset({"truncation", "off by one"}),
    *WORD_SIDES,
    *TERM_SIDES,
    *OUTCOME_SIDES,
    *TELLING_SIDES,
)


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


@lru_cache(maxsize=1 << 14)
def claims_in(text: str) -> frozenset[str]:
    """The failure kinds `text` names (`KINDS`), read outside code."""
    plain = _words_outside_code(text)
    found = frozenset(kind for kind, pattern in _PATTERNS.items() if pattern.search(plain))
    return found | quoted_claims(strip_code(text, " "))
