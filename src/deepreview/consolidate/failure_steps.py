"""Failure kinds and phrases for a failure told by its steps or by its consequence, in words
the rest of the vocabulary does not hold. Each is a general programming concept in the words
any reviewer uses for it, not the words of one case:

- a check-then-act race told by its two steps rather than by the word "race": a second caller
  "passes the check before the first registers itself", the insert "happens after a yield
  point", "between the check and the insert", "time of check to time of use";
- work meant for each of many done for one only: "only the first subscriber is notified",
  "the fan-out reaches one recipient", "every other listener is skipped". It is what a key too
  coarse does (every item after the first is taken for a duplicate), and it contradicts the
  race above at the same lines: one says too few deliveries, the other too many;
- a column looked up (or checked by a cascade) with no index: "`owner_id` has no index",
  "foreign key column without a supporting index";
- more words for a race (shared state with "no synchronisation", "nothing protecting it") and
  for a blocking call (an analyzer's "blocking HTTP methods");
- a failure retried at once, over and over ("retries right away", "no delay, no backoff");
- something meant for one use that keeps working (a one-time link "keeps working", a token
  that "can be used again"), and apart from it a deadline never checked ("expiry is never
  enforced", "tokens live forever");
- an answer telling outsiders which accounts exist ("leaks which users exist", "user
  enumeration");
- a grant wider than the job ("`s3:*` on every resource", "wildcarded action", "least
  privilege");
- a statement reading the whole table under its lock ("requires a table scan"), or writing
  every row again ("forces a table rewrite").

Four of these kinds are failures two pieces of code make together (its `across`), told by one
seat in one file and by another in another (`across_files`).
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# who or what a piece of work goes to: "subscriber", "recipient", "listener", "handler", ...
_TARGET = r"(?:subscriber|recipient|listener|handler|consumer|client|user|webhook|worker|item)s?"

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
    "race": (
        r"\bcheck[- ]then[- ](?:act|set|insert|write|use)\b",
        r"\btoctou\b",
        r"\btime[- ]of[- ]check\b",
        # "lets a second delivery pass the check before the first registers itself"
        r"\bpass(?:es|ed)?\s+the\s+(?:\w+\s+)?(?:check|test|guard)\s+before\b",
        # "Registration in `_in_flight` happens after a yield point", "an await between the
        # test and the insert"
        r"\bafter\s+an?\s+(?:yield|suspension|await)\s+point\b",
        r"\bbetween\s+the\s+(?:\S+\s+){0,3}?(?:check|test|lookup|read)\s+and\s+the\s+"
        r"(?:\S+\s+){0,2}?(?:insert|write|update|set|assignment|registration|store)\b",
        # shared state nothing orders, said by what is missing: "the counter has no
        # synchronisation", "a plain var with nothing protecting it"
        r"\b(?:no|without(?:\s+any)?)\s+synchroni[sz]ation\b",
        r"\bnothing\s+(?:protecting|guarding|protects|guards)\s+(?:it|them)\b",
    ),
    "one served": (
        # "only the first subscriber is actually notified", "only one recipient gets it"
        rf"\bonly\s+(?:the\s+first|one)\s+(?:\w+\s+)?{_TARGET}\s+(?:is\s+|are\s+|gets?\s+|"
        r"ever\s+)?(?:actually\s+)?(?:notified|served|called|sent|delivered|reached|processed"
        r"|handled|gets?|receives?)\b",
        # "fan-out reaches one subscriber", "the message reaches only the first listener"
        rf"\breach(?:es)?\s+(?:only\s+)?(?:one|a\s+single|the\s+first)\s+(?:\w+\s+)?{_TARGET}\b",
        # "every other subscriber is skipped", "all but the first recipient are dropped"
        rf"\b(?:every|all)\s+(?:other|but\s+the\s+first)\s+{_TARGET}\s+(?:is\s+|are\s+)?"
        r"(?:skipped|dropped|ignored|never\s+(?:notified|called|sent))\b",
    ),
    # a call that waits on I/O, named by the analyzers' word for it: "should not call blocking
    # HTTP methods"
    "blocking call": (
        r"\bblocking\s+(?:\w+\s+){0,2}?(?:methods?|functions?|apis?)\b",
        # "every task ends up in a synchronous `requests` call"
        r"\bsynchronous\s+(?:\w+\s+)?(?:calls?|i/o|io|reads?|writes?)\b",
    ),
    # a schema change that writes every row again under its lock: "a volatile default forces a
    # table rewrite", "every row of accounts is rewritten under an exclusive lock"
    "table rewrite": (
        r"\btable\s+rewrites?\b",
        r"\brewrites?\s+(?:the\s+(?:whole|entire)\s+table|every\s+row)\b",
        r"\b(?:every|each|all)\s+rows?\s+(?:of\s+\w+\s+)?(?:is|are|gets?)\s+rewritten\b",
    ),
    # a failure retried at once, over and over: "retries right away by recursion", "no delay,
    # no `Retry-After`", "should back off"
    "no backoff": (
        r"\bretr(?:y|ies|ied)\s+(?:\w+\s+){0,2}?(?:right\s+away|immediately|at\s+once"
        r"|straight\s+away|in\s+a\s+tight\s+loop)\b",
        r"\b(?:calls?|invokes?)\s+itself\s+(?:right|straight)\s+away\b",
        r"\b(?:no|without(?:\s+any)?)\s+(?:exponential\s+)?(?:delay|back-?off)\b",
        r"\bshould\s+back\s+off\b",
        r"\bhammer(?:s|ed|ing)?\b",
    ),
    # something meant for one use that keeps working after it: "the reset link keeps
    # working", "the token can be used again", "is not cleared"
    "reusable": (
        r"\bkeeps?\s+working\b",
        r"\b(?:can|could|may)\s+be\s+(?:re-?used|used\s+again|replayed)\b",
        r"\b(?:is|are)\s+(?:not|never)\s+(?:cleared|invalidated|revoked|consumed)\b",
    ),
    # a deadline stored and never checked: "expiry is never enforced", "tokens live forever".
    # Not the one-use kind above: a link used once and kept is another fault than a link old
    # and still taken
    "expiry unchecked": (
        r"\b(?:expiry|expiration|deadline|ttl|lifetime)\b[^.;:]{0,30}\bnever\s+"
        r"(?:enforced|checked|read)\b",
        r"\bnever\s+expires?\b",
        r"\b(?:live|lives|valid)\s+forever\b",
    ),
    # an answer that tells outsiders which accounts exist: "lets anyone check which emails
    # have accounts", "leaks which users exist", "user enumeration"
    "enumeration": (
        r"\b(?:user|account|email|username)\s+enumeration\b",
        r"\bwhich\s+(?:e-?mail|user|account|address|username)(?:\s+address)?e?s?\s+"
        r"(?:have\s+(?:an\s+)?accounts?|exists?|are\s+registered|is\s+registered)\b",
        r"\bwhether\s+(?:an?\s+)?(?:e-?mail|user|account|address|username)\s+"
        r"(?:has\s+an\s+account|exists|is\s+registered)\b",
    ),
    # a grant wider than the job: "`s3:*` on every resource", "wildcarded action", "least
    # privilege please"
    "broad grant": (
        r"\bleast[- ]privilege\b",
        r"\bwildcard(?:ed)?\s+(?:actions?|permissions?|resources?|grants?|scopes?|principals?)\b",
        r"\b(?:on|to|over)\s+(?:every|all|any)\s+(?:resources?|buckets?|tables?|repositor(?:y|ies)"
        r"|projects?|accounts?)\b",
        r"\bdo\s+anything\s+(?:to|with|on)\s+(?:any|every|all)\b",
        r"\bover(?:ly)?[- ]?(?:broad|permissive)\b",
    ),
    # a statement that reads the whole table while it holds its lock: "requires a table scan",
    # "scans the whole table"
    "table scan": (
        r"\b(?:full\s+)?table\s+scans?\b",
        r"\bscans?\s+the\s+(?:whole|entire|full)\s+table\b",
    ),
    "missing index": (
        # "`owner_id` has no index", "Foreign key column without a supporting index", "the
        # lookup column is not indexed": every lookup or cascade by it scans the table
        r"\b(?:has|have|with)\s+no\s+(?:\w+\s+)?index\b",
        r"\bwithout\s+(?:an?\s+|any\s+)?(?:\w+\s+)?index\b",
        r"\b(?:missing|lacks?\s+an?)\s+(?:\w+\s+)?index\b",
        r"\bunindexed\b",
        r"\bnot\s+indexed\b",
    ),
}

# How the merge reasons say the kinds this module adds
_SAID: dict[str, str] = {
    "one served": "work meant for each of many done for one",
    "missing index": "a looked-up column with no index",
    "no backoff": "a failure retried at once, over and over",
    "reusable": "something meant for one use that keeps working",
    "expiry unchecked": "a deadline stored and never checked",
    "enumeration": "an answer telling which accounts exist",
    "broad grant": "a grant wider than the job",
    "table scan": "a whole table read under its lock",
    "table rewrite": "every row written again under the table's lock",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    # shared state and the callers that reach it at once, a deadline stored in one file and
    # never read in another, a blocking call and the server whose loop it stalls, a schema
    # change and the runbook that promises it is instant
    across=frozenset({"race", "expiry unchecked", "blocking call", "table rewrite"}),
)
