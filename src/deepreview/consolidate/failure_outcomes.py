"""Failure kinds, and phrases for kinds the vocabulary has, that tell apart two different
problems at one line told in words so alike (the line, the call on it, the route it guards)
that the place alone would merge them, while each title names a different failure. Each is a
general concept, in the words any reviewer uses for it:

- work that outlives its caller's cancellation: a timeout built on a fresh background context,
  "detached from the request context", "the caller's deadline never applies", "keeps running
  after the client gave up" (not the cancel function thrown away beside it on that line: the
  timer that lives on is a leak);
- an answer carrying the wrong status: "rejected tokens reported as `Internal`", "bad
  credentials look like server failures", "the test pins down the wrong status" (not the
  error text sent along with it on that line: that leaks details);
- and more words for steps in the wrong order: handlers or guards mounted ahead of the one they
  depend on ("middleware order on the delete route", "`requireRole` is mounted ahead of
  `requireAuth`"), not the check that always passes on that route;
- and, for memory growing with the input, a producer nothing slows down ("Unbounded channel",
  "use a bounded channel for backpressure"), told by another seat as memory growing under load
  a few lines on; for an effect applied twice, "not idempotent" and "the same e-mail six
  times" (a retried job redoing what it already did); for a value cut by integer arithmetic,
  money that loses its cents ("the totals lose the cents", "astype(int) on money").
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# who asked for the work: its cancellation or deadline is theirs
_CALLER = r"(?:caller|client|request|incoming|parent|user|upstream)"
# how a status is named: a protocol's name for it or its number
_STATUS = (
    r"(?:internal|unknown|unauthenticated|unauthori[sz]ed|forbidden|permission[ _]denied"
    r"|not[ _]found|bad[ _]request|[45]\d\d)"
)

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
    "ignored cancellation": (
        # "Token check detached from the request context"
        rf"\bdetached\s+from\s+(?:the\s+|its\s+)?{_CALLER}\w*(?:'s)?\s+context\b",
        # "use ctx so the caller deadline applies", "the client's cancellation never reaches it"
        rf"\b{_CALLER}(?:'s|s')?\s+(?:deadlines?|cancell?ations?|time-?outs?)\b",
        # "Check keeps running after the client gave up"
        rf"\bafter\s+(?:the\s+)?{_CALLER}s?\s+(?:gave\s+up|gives\s+up|has\s+given\s+up|cancel\w*"
        r"|disconnect\w*|went\s+away|has\s+gone|hung\s+up|times?\s+out|timed\s+out)\b",
        rf"\b(?:ignor\w*|drops?|loses?|discards?)\s+(?:the\s+)?{_CALLER}\w*(?:'s)?\s+"
        r"(?:deadline|cancell?ation|context)\b",
        r"\bnot\s+(?:bound|tied)\s+to\s+the\s+(?:incoming\s+|original\s+)?(?:request|call)\b",
        r"\bcancell?ation\s+(?:is\s+)?(?:not|never)\s+propagated\b",
    ),
    # a discarded cancel function keeps its timer and context alive: "the `CancelFunc` from
    # `WithTimeout` is thrown away", go vet's lostcancel
    "leak": (
        r"\bcancel(?:\s*func(?:tion)?)?\b[^.;:]{0,40}\b(?:thrown\s+away|discarded|dropped"
        r"|ignored|never\s+called|not\s+called)\b",
        r"\b(?:discard\w*|drop\w*|ignor\w*|throw\w*\s+away)\s+(?:the\s+)?cancel\b",
        r"\blost\s?cancel\b",
    ),
    "wrong status": (
        # "the test pins down the wrong status", "an incorrect HTTP status code"
        r"\b(?:wrong|incorrect|misleading)\s+(?:http\s+|grpc\s+|response\s+|error\s+)?"
        r"status\b",
        # "Rejected tokens reported as `Internal`", "answered as a server error"
        r"\b(?:reported|answered|returned|surfaced|mapped|classified)\s+as\s+(?:an?\s+)?"
        rf"(?:{_STATUS}|server\s+(?:errors?|failures?|faults?))\b",
        # "Bad credentials look like server failures"
        r"\blooks?\s+like\s+(?:an?\s+)?server\s+(?:failures?|errors?|faults?|outages?)\b",
        # "callers get INTERNAL instead of UNAUTHENTICATED"
        rf"\b{_STATUS}\s+(?:instead\s+of|rather\s+than)\s+{_STATUS}\b",
    ),
    # a producer nothing slows down: "Unbounded channel", "use a bounded channel for
    # backpressure" is the memory another seat sees growing under load
    "memory": (
        r"\bunbounded[\s_]+(?:mpsc[\s_]+)?(?:channels?|senders?|mailbox(?:es)?)\b",
        r"\b(?:no|without|lacks?|missing|for)\s+back-?pressure\b",
    ),
    # a step that must run once, run again on a retry: "Not idempotent under retries",
    # "customers get the same e-mail six times"
    "twice": (
        r"\bnot\s+idempotent\b",
        r"\bsame\s+(?:e-?mails?|messages?|notifications?|reminders?|charges?|payments?|orders?)"
        r"\s+(?:twice|again|(?:\w+\s+)?times)\b",
    ),
    # money cut to whole units: "the totals lose the cents", "astype(int) on money"
    "truncation": (
        r"\blos(?:e|es|ing|t)\s+(?:the\s+|their\s+|its\s+)?(?:cents|pennies|fractional\s+parts?"
        r"|decimals?|decimal\s+places)\b",
        r"\b(?:cents|pennies|decimals?|fractional\s+parts?)\s+(?:are\s+|is\s+)?(?:lost|dropped"
        r"|cut\s+off|truncated|discarded)\b",
        r"\b(?:int|integer)\)?\s+(?:on|for)\s+(?:money|prices?|amounts?|currenc(?:y|ies))\b",
    ),
    # what is told to whom, not what is left behind: "err.Error() is sent to the client, leaks
    # internal details", "the stack trace is returned in the response"
    "disclosure": (
        r"\bleak\w*\s+(?:(?:the|its|their|internal|sensitive|implementation|private)\s+){0,3}"
        r"(?:details?|information|info|secrets?|keys?|tokens?|passwords?|credentials?|stack"
        r"|internals)\b",
        r"\binformation\s+(?:disclosure|exposure|leak\w*)\b",
        r"\bexpos\w+\s+(?:the\s+)?(?:internal|sensitive|implementation|private)\s+\w+",
    ),
    # a handler or guard registered ahead of the one it depends on
    "wrong order": (
        r"\b(?:middlewares?|guards?|interceptors?|filters?|handlers?|hooks?)\s+order\b",
        r"\border\s+of\s+(?:the\s+)?(?:middlewares?|guards?|interceptors?|filters?|handlers?)\b",
        r"\b(?:mounted|registered|wired|chained|installed)\s+(?:ahead\s+of|before)\b",
    ),
}

# How the merge reasons say the kinds this module adds
_SAID: dict[str, str] = {
    "ignored cancellation": "work that outlives its caller's cancellation",
    "wrong status": "an answer carrying the wrong status",
    "disclosure": "details told to whoever asks",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    # "the key leaks" and "the response leaks the key" are one wording apart, whichever reading
    # "leak" gets
    sides=(frozenset({"leak", "disclosure"}),),
)
