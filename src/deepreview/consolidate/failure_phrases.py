"""More of the words in which reviewers name a failure (`claims.claims_in`): phrases for kinds
the vocabulary has, and kinds it lacked, each found where two seats told one problem in other
words at one place (held-out merge cases 21-25, benchmarks/merge_cases):

- a command run by the shell and "assembled from the job's paths", or file names "concatenated
  into a shell string": the injection another seat calls by its name;
- a failure "reported as success" / a result "recorded as finished even when the tool exits with
  an error status": an error taken for success;
- a loop that "spins while the queue is empty" / "burns a core when idle": a busy loop;
- a copy that "never writes the string terminator" / "copies `n` bytes but not the terminating
  NUL": a string left unterminated;
- "quantities are never checked" / "nothing validates them": input taken unchecked;
- "a failed lookup is remembered" / "stores whatever the fetcher returns, including nil after an
  error": a failure cached as a value;
- "under-reports by one", "drops the trailing partial page", "returns `size + 1` items instead
  of `size`": an off-by-one;
- "uses banker's rounding" / "money should round half up": a rounding rule;
- "treats pages as zero-based, but the handler numbers them from 1": an index base, not the
  off-by-one of a slice's end at the next line.

Kept apart from `claims` so that its list stays one reading of the vocabulary; `claims` adds
these to its own.
"""

from __future__ import annotations

import re

# kind -> phrases (case-insensitive regex alternatives), added to `claims._KINDS`
MORE_PHRASES: dict[str, tuple[str, ...]] = {
    "injection": (
        # "a command assembled from the job's paths", "the shell string is built from input"
        r"\b(?:commands?|command\s+lines?|shell\s+(?:strings?|commands?|lines?)|quer(?:y|ies)"
        r"|sql)\s+(?:is\s+|are\s+)?(?:built|assembled|constructed|composed|pieced\s+together)"
        r"\s+(?:by|from|out\s+of|with)\b",
        # "file names are concatenated into a shell string"
        r"\b(?:concatenat|interpolat|splic|insert|past)\w*\s+(?:in)?to\s+(?:a|the)\s+"
        r"(?:shell|command|query|sql)\b",
    ),
    "ignored error": (
        # the failure counted as a success: "A failed conversion is reported as success", "a
        # broken conversion is recorded as finished"
        r"\b(?:reported|recorded|treated|counted|marked|logged)\s+as\s+(?:an?\s+)?"
        r"(?:success\w*|succeeded|finished|done|complete[d]?|ok)\b",
        # "returned even when convert exits with an error status"
        r"\beven\s+(?:when|if)\b[^.;:]{0,40}\bexits?\s+(?:with\s+)?(?:an?\s+)?(?:error|non-?zero"
        r"|failure|failing)\b",
    ),
    "busy loop": (
        r"\bbusy[- ]?(?:wait|loop|poll|spin)\w*",
        r"\bspins?\s+(?:while|when|until|on|forever|in\s+a)\b",
        r"\bburns?\s+(?:a\s+|the\s+|one\s+|100\s*%\s+(?:of\s+)?(?:a\s+)?)?(?:cpu|core)s?\b",
        r"\b(?:cpu|core)\s+at\s+100\s*%",
        r"\b(?:tight|hot)\s+loop\b",
    ),
    "unterminated": (
        r"\b(?:string|nul|null)[- ]terminat\w*",
        r"\bunterminated\b",
        r"\bterminator\b",
        r"\b(?:not|never|without|drops?|omits?|misses)\b[^.;:]{0,20}\bterminating\b",
    ),
    "unchecked input": (
        # not "is not checked for NULL" (a nil), nor an error "never checked" (ignored)
        r"(?<!errors )(?<!error )(?<!status )\b(?:is|are)\s+(?:never|not)\s+(?:checked|validated)"
        r"\b(?!\s+for\b)",
        r"\bnothing\s+(?:validates|checks)\b",
        r"\bunvalidated\b",
        r"\bno\s+(?:input\s+)?validation\b",
    ),
    "cached failure": (
        r"\b(?:failed|failures?|errors?)\s+(?:\w+\s+){0,2}(?:is|are|gets?)\s+(?:remembered|cached)\b",
        r"\b(?:stores?|caches?|remembers?)\b[^.;:]{0,50}\b(?:nil|null|none)\b[^.;:]{0,20}"
        r"\b(?:after|on|from)\s+(?:an?\s+)?(?:\w+\s+)?(?:errors?|failures?|timeouts?)\b",
        r"\bcach(?:es|ed|ing)\s+(?:the\s+)?(?:errors?|failures?)\b",
    ),
    # money rounded by the wrong rule: "`Math.Round` uses banker's rounding", "totals ending in
    # half a cent go down half the time; money should round half up"
    "rounding rule": (
        r"\bbanker'?s'?\s+rounding\b",
        r"\bround(?:s|ed|ing)?\s+half\s+(?:up|down|(?:to\s+)?even|away)\b",
        r"\bhalf[- ](?:up|even|away[- ]from[- ]zero)\s+rounding\b",
        r"\bmidpoint\s+rounding\b",
    ),
    # indexes counted from 0 on one side and from 1 on the other: "treats pages as zero-based,
    # but the handler numbers them from 1". A problem of its own beside a slice's off-by-one
    # at the next line, which a `+ 1` too many makes
    "index base": (
        r"\b(?:zero|one|0|1)-(?:based|indexed)\b",
        r"\b(?:numbers?|numbered|counts?|counted|index(?:es|ed)?)\s+(?:\w+\s+)?from\s+"
        r"(?:0|1|zero|one)\b",
    ),
    "off by one": (
        r"\b(?:under|over)-?reports?\s+by\s+one\b",
        r"\b(?:drop(?:s|ped|ping)?|skip(?:s|ped|ping)?|los(?:es|e|ing|t))\s+the\s+trailing\b",
    ),
}

# How the merge reasons say the kinds this module adds: "both name a busy loop"
MORE_SAID: dict[str, str] = {
    "busy loop": "a busy loop",
    "unterminated": "a string left unterminated",
    "unchecked input": "input taken unchecked",
    "cached failure": "a failure cached as a value",
    "rounding rule": "money rounded by the wrong rule",
    "index base": "indexes counted from 0 on one side and 1 on the other",
}

# "`paginate` returns `size + 1` items instead of `size`": a bound quoted one off from the one
# meant. Read in the code spans `claims` leaves out of its reading (two spans: the value given,
# and the same name without the `+ 1` or `- 1`).
_ONE_OFF_QUOTED = re.compile(
    r"`\s*(?P<name>[\w.]+)\s*[+-]\s*1\s*`[^.;:\n]{0,40}\binstead\s+of\s+`\s*(?P=name)\s*`"
)


def quoted_claims(text: str) -> frozenset[str]:
    """The failure kinds `text` tells in the code it quotes (`_ONE_OFF_QUOTED`)."""
    return frozenset({"off by one"}) if _ONE_OFF_QUOTED.search(text) else frozenset()
