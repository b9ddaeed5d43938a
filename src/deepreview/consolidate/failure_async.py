"""More words for a blocking call (the kind of `failure_phrases`, `failure_words`,
`failure_effects`): a thread put to sleep inside code that should suspend. "`Thread.sleep`
inside a coroutine", "the polling loop blocks rather than suspends between fetches", an
analyzer's "Usage of Thread.sleep() in coroutine detected", "`time.sleep` in an async
handler". One general failure of cooperative concurrency (coroutines, async functions, an event
loop), whichever language: the thread that runs every other task waits.

From merge cases 32, 35 and 67 (development cases; benchmarks/README.md, "Held-out cases
76-80").
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# where a thread must not sleep: code that suspends instead
_SUSPENDING = (
    r"(?:an?\s+|the\s+)?(?:coroutines?|suspend(?:ing)?\s+(?:functions?|funs?|blocks?|lambdas?)"
    r"|async\s+(?:functions?|methods?|handlers?|def|code|context)|event\s+loop|flows?)"
)

_PHRASES: dict[str, tuple[str, ...]] = {
    "blocking call": (
        # "`Thread.sleep` inside a coroutine", "time.sleep() in an async handler"
        rf"\bsleep(?:\(\))?\s+(?:\w+\s+)?(?:inside|in|within|from)\s+{_SUSPENDING}\b",
        # "blocks rather than suspends", "blocks the thread instead of suspending"
        r"\bblocks?\s+(?:the\s+(?:\w+\s+)?thread\s+)?(?:rather\s+than|instead\s+of)\s+"
        r"suspend\w*\b",
    ),
}

TABLE = PhraseTable(_PHRASES, {})
