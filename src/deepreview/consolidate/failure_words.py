"""Failure kinds, and phrases for kinds the vocabulary has, that join one problem two seats
tell in synonyms, or by its cause and by its consequence, where the rest of the vocabulary
names nothing in common. Each is a general programming concept, in the words any reviewer
uses for it, not the words of one case:

- work that goes on after whoever wanted it is gone: a query still streaming after the client
  disconnected, a coroutine collecting after its view was destroyed ("keeps running after",
  "does not stop the cursor", "still alive", "in the fragment's scope, not the view's");
- a call that changes nothing ("does nothing", "has no effect", "is never observed");
- one query per row (N+1) however it is told ("loaded lazily", "one query per row", "row by
  row");
- values that must be distinct and are not ("duplicate key", "violates the unique
  constraint", "a unique column filled with one constant");
- steps in the wrong order ("runs after the constraint it should precede", "too late");
- a change with no way back ("irreversible", "without a reverse", "cannot be rolled back");
- every field of a model writable from a request (mass assignment, over-posting);
- and more words for a leak ("never freed", "kept after `onDestroy`", "memory grows with
  every"), for a value too long for its column (`size limit`: "longer than `max_length`",
  "won't fit"), for a slow call on the main thread (`blocking call`: "on the main thread",
  "ANR"), and JavaScript's `undefined` as a missing value (`nil`).
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# what is wanted for a while and then given up: a request, a view, a connection, a screen
_OWNER = (
    r"(?:client|user|caller|request|view|screen|page|component|connection|socket|activity"
    r"|fragment|consumer|subscriber|listener|tab|window)"
)
_GONE = (
    r"(?:is\s+gone|has\s+gone|goes\s+away|went\s+away|leaves|left|disconnects?|disconnected"
    r"|aborts?|aborted|cancels?|cancel+ed|closes|closed|is\s+destroyed|was\s+destroyed"
    r"|unmounts?|unmounted|navigates\s+away)"
)
# running work, named by what it is
_WORK = (
    r"(?:cursors?|streams?|quer(?:y|ies)|requests?|work|jobs?|tasks?|coroutines?|collectors?"
    r"|collections?|subscriptions?|readers?|fetch(?:es)?|downloads?|uploads?|loops?|timers?"
    r"|listeners?|goroutines?|threads?|workers?|pipelines?)"
)

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
    "outlives owner": (
        # "Client disconnect does not stop the database cursor", "never destroys the query
        # stream", "fails to cancel the pending fetch"
        r"\b(?:does\s+not|doesn't|do\s+not|don't|never|fails?\s+to|won't|will\s+not)\s+"
        r"(?:stop|cancel|abort|destroy|tear\s+down|unsubscribe)\w*\s+(?:the\s+|any\s+|its\s+|a\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?{_WORK}\b",
        # "updates keep arriving after the view is gone", "keeps reading once the client left"
        r"\b(?:keeps?|kept|continues?|carr(?:y|ies)\s+on)\s+(?:on\s+)?(?:running|reading|streaming"
        r"|going|arriving|working|fetching|collecting|executing|emitting|polling|writing)\b"
        rf"[^.;:]{{0,40}}\b(?:after|once|when|while)\s+(?:the\s+|its\s+|a\s+)?{_OWNER}\s+{_GONE}",
        rf"\bafter\s+the\s+{_OWNER}\s+(?:is\s+gone|has\s+gone|went\s+away|disconnected)\b",
        # "a cancelled download keeps the pooled connection checked out"
        r"\b(?:cancel+ed|aborted|abandoned|interrupted)\s+(?:\w+\s+)?(?:downloads?|uploads?"
        r"|requests?|exports?|calls?|fetch(?:es)?)\s+(?:still\s+)?(?:keeps?|holds?|runs?)\b",
        # "the previous collector is still alive", "the old subscription is still active"
        rf"\b{_WORK}\s+(?:is\s+|are\s+)?still\s+(?:alive|running|active|subscribed)\b",
        # "collected in the fragment's scope, not the view's", "not tied to the view lifecycle"
        r"\bin\s+the\s+[\w-]+'s\s+(?:scope|lifecycle|lifetime),\s+not\s+(?:the|its)\b",
        r"\bnot\s+(?:bound|tied|scoped)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:lifecycle|lifetime)\b",
    ),
    "no effect": (
        r"\b(?:does|do)\s+nothing\b",
        r"\bha(?:s|ve)\s+no\s+effect\b",
        r"\bnever\s+(?:changes|updates|refreshes|reloads)\s+(?:the|anything)\b",
        r"\b(?:is|are)\s+never\s+(?:observed|collected|consumed|read)\b",
        r"\bnothing\s+(?:ever\s+)?(?:reads|observes|collects|consumes)\b",
    ),
    "query per row": (
        r"\bn\s*\+\s*1\b",
        r"\b(?:one|a|an|its\s+own|a\s+separate)\s+(?:query|select|update|insert|request|round"
        r"[- ]trip)\s+(?:per|for\s+(?:each|every))\s+\w+",
        r"\b(?:each|every)\s+\w+\s+(?:is|issues|runs|makes)\s+(?:its\s+own|a\s+separate)\s+"
        r"(?:query|select|update|request|round[- ]trip)\b",
        r"\b(?:loaded|fetched|queried)\s+lazily\b",
        r"\blazy[- ]load\w*",
        r"\beager[- ]?load\w*",
        r"\b(?:row|record)\s+by\s+(?:row|record)\b",
        r"\bone\s+at\s+a\s+time\b",
    ),
    "duplicate values": (
        r"\bduplicate\s+(?:key|value|entr(?:y|ies)|rows?)\w*",
        r"\bviolat\w*\s+(?:the\s+|a\s+|its\s+)?unique(?:ness)?\b",
        r"\bunique\w*\b[^.;:]{0,40}\b(?:constant|same|single|shared|empty)\s+(?:default|value"
        r"|string)\b",
        r"\b(?:demands?|requires?|needs?|expects?)\s+(?:distinct|unique)\s+values\b",
        # "every row receives the same empty string"
        r"\b(?:every|each|all)\s+(?:\w+\s+){0,2}?(?:receives?|gets?|shares?)\s+the\s+same\s+"
        r"(?:\w+\s+)?(?:value|string|default|key|id)\b",
    ),
    # text written out without the quoting its format needs: "Cell values are not quoted",
    # "no escaping of commas in values", "the transform has to escape what it writes". An
    # injection is what it becomes when the text is code (its `sides`)
    "unescaped": (
        r"\b(?:not|never)\s+(?:quoted|escaped)\b",
        r"\b(?:no|without)\s+(?:escaping|quoting)\b",
        r"\bun(?:escaped|quoted)\b",
        r"\b(?:has|have|needs?)\s+to\s+(?:escape|quote)\b",
    ),
    "wrong order": (
        r"\bin\s+the\s+wrong\s+order\b",
        r"\b(?:comes?|runs?|happens?|executes?|is\s+applied)\s+(?:only\s+)?(?:too\s+late"
        r"|after\s+the\s+\w+\s+(?:it|that)\s+(?:is\s+)?(?:meant|needed|supposed|has)\s+to)\b",
        r"\bin\s+an\s+order\s+that\s+cannot\b",
    ),
    "irreversible": (
        r"\birreversible\w*",
        r"\b(?:cannot|can't|can\s+not)\s+be\s+(?:reversed|rolled\s+back|undone|reverted)\b",
        r"\bwithout\s+(?:a\s+|any\s+)?(?:reverse|rollback|down)\b",
        r"\bno\s+(?:reverse|rollback|down)(?:_code|\s+(?:function|migration|step|path))\b",
    ),
    "mass assignment": (
        r"\bmass[- ]assign\w*",
        r"\bover-?posting\b",
        r"\b(?:every|any|all)\s+(?:attributes?|fields?|columns?)\s+(?:is\s+|are\s+)?"
        r"(?:fillable|mass[- ]assignable|assignable|writable)\b",
        r"\b(?:raw|whole|entire|unfiltered|full)\s+request\s+(?:body|payload|data|input)\s+"
        r"(?:goes|is\s+passed|is\s+written|flows)\b",
    ),
    "leak": (
        r"\b(?:never|not)\s+(?:freed|deallocated|disposed|unregistered)\b",
        r"\bnever\s+(?:nulled|set\s+(?:back\s+)?to\s+null)\b",
        r"\bkept\s+(?:alive\s+)?after\s+`?\w*(?:destroy|dispose|unmount|teardown|close)\w*",
        r"\bmemory\s+grows\s+with\s+(?:every|each)\b",
    ),
    "size limit": (
        r"\b(?:longer|wider|bigger|larger)\s+than\s+(?:the\s+|its\s+)?`?(?:max\w*|column|field"
        r"|limit)",
        r"\btoo\s+long\s+for\b",
        r"\b(?:won't|will\s+not|doesn't|does\s+not|cannot|can't)\s+fit\b",
        # "14 characters for a 12-character column"
        r"\b\d+\s+(?:characters?|chars?|bytes?)\s+(?:for|in|into)\s+an?\s+\d+[- ]"
        r"(?:characters?|chars?|bytes?)\b",
    ),
    "blocking call": (
        r"\b(?:read|write|query|call|request|i/o|io)\s+on\s+the\s+(?:main|ui)\s+thread\b",
        r"\banr\b",
    ),
    # "writes one byte past the allocation": the overflow told by how far it goes
    "overflow": (
        r"\b(?:writ|stor|put)\w*\s+(?:one|a|an|the)\s+(?:\w+\s+)?(?:bytes?|elements?|slots?"
        r"|characters?)\s+past\s+(?:the\s+)?(?:allocation|buffer|array|end)\b",
    ),
    # JavaScript's missing value: "Missing fields print as `undefined`"
    "nil": (r"\b(?:is|are|prints?|printed|as|returns?|becomes?)\s+undefined\b",),
}

# How the merge reasons say the kinds this module adds: "both name one query per row"
_SAID: dict[str, str] = {
    "outlives owner": "work going on after whoever wanted it is gone",
    "no effect": "a call that changes nothing",
    "query per row": "one query per row",
    "duplicate values": "values that must be distinct and are not",
    "wrong order": "steps run in the wrong order",
    "irreversible": "a change with no way back",
    "mass assignment": "every field writable from a request",
    "unescaped": "text written out unescaped",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    # Text left unescaped is the injection another seat names when that text is code. (Not an
    # off-by-one and an overflow: "Off-by-one in the retry count" is no overflow at its line; an
    # off-by-one write is met by its own words, "stored one byte past the buffer".)
    sides=(frozenset({"unescaped", "injection"}),),
    # the query and the loop that runs it per row, the permissive model and the controller
    # filling it from the request, a setter and the reader that never sees it, work and the
    # owner it outlives
    across=frozenset({"query per row", "mass assignment", "no effect", "outlives owner"}),
)
