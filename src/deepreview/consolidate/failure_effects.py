"""Failure kinds, and phrases for kinds the vocabulary has, that tell apart two different
problems at one line or call told in words so alike (the call, the setting, the query on that
line) that the place alone would merge them, while each title names what goes wrong in words of
its own. Each is a general concept, in the words any reviewer uses for it:

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

And one problem told by two or three seats at one place in words no kind held (recall):

- a reply that settles after a newer one and replaces it ("A slow earlier response overwrites
  the newer results", "the last one to arrive wins"), not the request sent on every keystroke;
- a query per row told as "a database round trip per order";
- an owner never checked ("Cross-account data access", "does not check item.owner_id");
- a connection never given back ("closed only on the success path", "never returned to the
  pool", "Connection pool exhaustion");
- an error no one sees ("Failed ledger writes are silently skipped", "Every exception is
  treated as a malformed event"); not "hidden by the pipe" nor "silently empty backups": read
  as an ignored error, they joined another command's unchecked status three lines on (two
  calls' errors, `nearby.same_failure_nearby`), and a rule keeping such pairs apart split one
  error told at its command and at the upload after it (benchmarks/README.md);
- a file "readable by every user on the box" (world-readable).
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# what a secret is called when it is told, not kept ("api key", "the token")
_SECRET = r"(?:keys?|tokens?|secrets?|passwords?|credentials?|api[\s_-]?keys?)"
# where it is told: what goes back to the caller or into its logs
_TOLD_IN = (
    r"(?:(?:error\s+)?(?:messages?|responses?|details?|bod(?:y|ies)|logs?|output|errors?"
    r"|exceptions?|urls?|headers?))"
)

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
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
    # a reply that settles after a newer one and replaces it: "A slow earlier response
    # overwrites the newer results", "responses can resolve out of order and the last one to
    # arrive wins", "Results for an old query can replace the current ones"
    "late response": (
        r"\b(?:slow(?:er)?|earlier|older|previous|stale)\s+(?:\w+\s+)?(?:responses?|replies|reply"
        r"|requests?|results?|lookups?|quer(?:y|ies)|fetch(?:es)?)\s+(?:can\s+|may\s+|will\s+)?"
        r"(?:overwrites?|replaces?|clobbers?)\b",
        r"\b(?:responses?|replies|requests?|results?)\s+(?:can\s+|may\s+)?(?:resolve|arrive"
        r"|return|come\s+back|settle|complete)\s+out\s+of\s+order\b",
        r"\blast\s+(?:one\s+)?to\s+(?:arrive|resolve|settle|finish|return)\s+wins\b",
        r"\b(?:results?|responses?|suggestions?|replies)\s+(?:for|of|from)\s+an?\s+(?:old|older"
        r"|earlier|previous|stale)\s+(?:\w+\s+)?(?:query|request|search|prefix|input)\b",
    ),
    # "a database round trip per order"
    "query per row": (
        r"\b(?:one|a|an)\s+(?:database|db|sql|network|http)\s+(?:query|select|request"
        r"|round[- ]trip|call)\s+(?:per|for\s+(?:each|every))\s+\w+",
    ),
    # someone reading what is not theirs: "Cross-account data access", "does not check
    # item.owner_id == user.id"
    "missing auth": (
        r"\bcross-(?:account|tenant|user|customer|org(?:anization)?)\s+(?:data\s+)?"
        r"(?:access|reads?)\b",
        r"\b(?:does\s+not|doesn't|never|no)\s+checks?\s+(?:that\s+)?(?:the\s+)?[\w.]*owner",
    ),
    # a connection never given back: "closed only on the success path", "never returned to the
    # pool", "Connection pool exhaustion"
    "leak": (
        r"\bclosed\s+only\s+(?:on|in)\s+the\s+(?:success|happy)\s+path\b",
        r"\b(?:never|not)\s+(?:\w+\s+)?returned\s+to\s+the\s+pool\b",
        r"\b(?:connection\s+)?pool\s+exhaustion\b",
    ),
    # an error no one sees: "Failed ledger writes are silently skipped", "Every exception is
    # treated as a malformed event"
    "ignored error": (
        r"\bsilently\s+(?:skipped|dropped|discarded)\b",
        r"\b(?:every|any|all)\s+exceptions?\s+(?:is\s+|are\s+)?(?:treated|handled|caught|logged)"
        r"\s+as\b",
    ),
    # "readable by every user on the box"
    "open permissions": (r"\breadable\s+by\s+(?:every|all|any|other)\s+(?:\w+\s+)?users?\b",),
    # "api key leaked in the error message", "the token is echoed in the response"
    "disclosure": (
        rf"\b{_SECRET}\s+(?:itself\s+)?(?:is\s+|are\s+|was\s+|were\s+|gets?\s+|got\s+)?"
        rf"(?:leak\w*|echoed|exposed|reflected|included|printed|logged)\s+(?:in|into|to|back"
        rf"\s+in)\s+(?:the\s+|an?\s+|its\s+)?(?:\w+\s+)?{_TOLD_IN}\b",
    ),
}

# How the merge reasons say the kinds this module adds
_SAID: dict[str, str] = {
    "mutated input": "an object the caller passed in changed in place",
    "acked early": "a message acknowledged before it is handled",
    "late response": "a late answer overwriting a newer one",
}

# A secret said before "leak" is told, not left open: "the api key leaked in the error message"
# (`failure_kinds` reads "leak" after these as no resource leak)
SECRET_BEFORE_LEAK = tuple(
    f"{noun} {verb}"
    for noun in ("key", "keys", "token", "tokens", "secret", "secrets", "password", "passwords")
    for verb in ("", "is ", "was ", "are ", "were ", "itself ")
)

TABLE = PhraseTable(_PHRASES, _SAID)
