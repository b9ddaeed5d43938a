"""Failure phrases from merge cases 31-35 (development cases from round mg72c on;
benchmarks/README.md, "Development cases 31-35"): a failure told by its steps or by its
consequence, in words the vocabulary did not hold. Each is a general programming concept in
the words any reviewer uses for it, not the words of one case:

- a check-then-act race told by its two steps rather than by the word "race": a second caller
  "passes the check before the first registers itself", the insert "happens after a yield
  point", "between the check and the insert", "time of check to time of use";
- work meant for each of many done for one only: "only the first subscriber is notified",
  "the fan-out reaches one recipient", "every other listener is skipped". It is what a key too
  coarse does (every item after the first is taken for a duplicate), and it contradicts the
  race above at the same lines: one says too few deliveries, the other too many;
- a column looked up (or checked by a cascade) with no index: "`owner_id` has no index",
  "foreign key column without a supporting index".

Kept apart from `failure_terms` (cases 26-30) and `failure_words` (46-50) so that each stays
one reading; `claims` adds these to its vocabulary.
"""

from __future__ import annotations

# who or what a piece of work goes to: "subscriber", "recipient", "listener", "handler", ...
_TARGET = r"(?:subscriber|recipient|listener|handler|consumer|client|user|webhook|worker|item)s?"

# kind -> phrases (case-insensitive regex alternatives), added to `claims._KINDS`
STEP_PHRASES: dict[str, tuple[str, ...]] = {
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

# How the merge reasons say a new kind
STEP_SAID: dict[str, str] = {
    "one served": "work meant for each of many done for one",
    "missing index": "a looked-up column with no index",
}
