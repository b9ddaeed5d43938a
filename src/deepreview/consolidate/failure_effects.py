"""Failure kinds, and phrases for kinds the vocabulary has, from merge cases 56-60 (development
cases from round mg72d on; benchmarks/README.md, "Two problems on one line, round two"): two
different problems at one line or call, told in words so alike (the call, the setting, the
query on that line) that the place merged them, while each title names what goes wrong in
words no kind held. Each is a general concept, in the words any reviewer uses for it:

- an object the caller passed in changed in place ("the caller's configuration is modified",
  "mutates the options it was given"), not what the changed setting then does;
- a message acknowledged before it is handled, so a crash in between loses it ("offsets are
  committed before the events are applied", "auto-commit", "at-most-once delivery"), not the
  failure that ends the handling;
- more words for a slow call everything else waits for: a synchronous call inside an async
  method ("the synchronous API inside an async method", "blocks the request thread"), not the
  missing row the same call returns;
- more words for input run as code: a value spliced into a statement with words between
  ("splices the caller's `status` into raw SQL");
- a secret told to whoever asks, said with the secret first ("the API key leaked in the error
  message", "the token is echoed in the response"), which is not a resource left open.

Kept apart from `failure_outcomes` (cases 51-55) so that each stays one reading; `claims` adds
these to its vocabulary.
"""

from __future__ import annotations

# what a secret is called when it is told, not kept ("api key", "the token")
_SECRET = r"(?:keys?|tokens?|secrets?|passwords?|credentials?|api[\s_-]?keys?)"
# where it is told: what goes back to the caller or into its logs
_TOLD_IN = (
    r"(?:(?:error\s+)?(?:messages?|responses?|details?|bod(?:y|ies)|logs?|output|errors?"
    r"|exceptions?|urls?|headers?))"
)

# kind -> phrases (case-insensitive regex alternatives), added to `claims._KINDS`
EFFECT_PHRASES: dict[str, tuple[str, ...]] = {
    # "Caller's configuration is modified", "writes into the `Properties` passed in"
    "mutated input": (
        r"\b(?:caller|client)(?:'s|s')?\s+(?:\w+\s+)?(?:configuration|config|properties|options"
        r"|settings|arguments?|input|objects?|lists?|dicts?|maps?|arrays?|parameters?)\s+"
        r"(?:is\s+|are\s+|gets?\s+|get\s+)?(?:modified|mutated|changed|altered|overwritten)\b",
        r"\b(?:mutat|modif)\w*\s+(?:the\s+)?(?:caller(?:'s|s')?|passed[- ]in|shared|incoming)\b",
        r"\b(?:mutat|modif)\w*\s+(?:its|the)\s+(?:arguments?|parameters?|inputs?)\s+in\s+place\b",
        r"\bwrites?\s+into\s+the\s+(?:\w+\s+)?(?:object\s+)?passed\s+in\b",
    ),
    # "Offsets are committed before the ledger has applied the events", "at-most-once delivery"
    "acked early": (
        r"\b(?:committed|acknowledged|acked)\s+before\b",
        r"\bcommits?\s+(?:the\s+)?offsets?\s+before\b",
        r"\bauto-?commit\w*",
        r"\bat-most-once\b",
    ),
    # "the synchronous API inside an async method", "blocks the request thread"
    "blocking call": (
        r"\bsynchronous\s+(?:\w+\s+)?(?:apis?|calls?|methods?|versions?|variants?|i/o|io)\s+"
        r"(?:inside|in|within|from)\s+(?:an?\s+)?async\w*\b",
        r"\bblocks?\s+(?:the\s+)?(?:request|calling|caller's|worker|thread-?pool)\s+threads?\b",
    ),
    # "splices the caller's `status` into raw SQL"
    "injection": (
        r"\b(?:splic(?:e|es|ed|ing)|past(?:e|es|ed|ing))\s+(?:[\w'’]+\s+){1,4}?(?:in)?to\s+"
        r"(?:the\s+|an?\s+)?(?:raw\s+|the\s+)?(?:statements?|sql|query|queries|commands?)\b",
    ),
    # "api key leaked in the error message", "the token is echoed in the response"
    "disclosure": (
        rf"\b{_SECRET}\s+(?:itself\s+)?(?:is\s+|are\s+|was\s+|were\s+|gets?\s+|got\s+)?"
        rf"(?:leak\w*|echoed|exposed|reflected|included|printed|logged)\s+(?:in|into|to|back"
        rf"\s+in)\s+(?:the\s+|an?\s+|its\s+)?(?:\w+\s+)?{_TOLD_IN}\b",
    ),
}

# How the merge reasons say the kinds this module adds
EFFECT_SAID: dict[str, str] = {
    "mutated input": "an object the caller passed in changed in place",
    "acked early": "a message acknowledged before it is handled",
}

# A secret said before "leak" is told, not left open: "the api key leaked in the error message"
# (`failure_kinds` reads "leak" after these as no resource leak)
SECRET_BEFORE_LEAK = tuple(
    f"{noun} {verb}"
    for noun in ("key", "keys", "token", "tokens", "secret", "secrets", "password", "passwords")
    for verb in ("", "is ", "was ", "are ", "were ", "itself ")
)
