"""Failure kinds, and phrases for kinds the vocabulary has, that join one problem two seats
tell in synonyms, where the rest of the vocabulary names nothing in common. Each is a general
programming concept, in the words any reviewer uses for it, not the words of one case:

- a failure nobody tries again ("not retried", "never requeues", "no retry path", "the failed
  state is terminal", "nothing will ever try again");
- a state left set when the work that should clear it fails ("leaves the button disabled
  forever", "stuck at `loading=true`", "the spinner is never reset");
- a view that keeps showing old data after its input changed ("never reloads when `id`
  changes", "still displays the first user", "the dependency list is empty");
- a client's own claim about itself believed ("trusts every peer's forwarded header", "accepts
  forged client IPs", "spoofed");
- users handed a pre-release ("tells everyone to install the beta", "keeps pulling rc builds");
- and more words for an ignored error (an exit status nobody checks: "the tests ignore the exit
  status", "a non-zero exit goes unnoticed"; "upload failures are swallowed"), and for an
  effect applied twice (a retried non-idempotent request, "duplicate side effects", "sent
  again"), and for steps in the wrong order (a release before the work it must follow: "removed
  before the object is deleted", "has already been taken off").

A swallowed error and the failure nobody retries are two sides of one problem: a work queue,
a scheduler or a controller retries only what is reported to it as failed (its `sides`).
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# what a program keeps showing or holding: a screen, a flag, a control
_SHOWN = r"(?:displays?|shows?|renders?|displaying|showing|rendering)"

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
    "no retry": (
        # "Transient errors are not retried", "a failed upload is never requeued"
        r"\b(?:not|never)\s+(?:be\s+|get\s+|gets\s+)?(?:retried|re-?tried|requeued|re-?queued"
        r"|tried\s+again|attempted\s+again)\b",
        r"\bnever\s+(?:retries|requeues|re-?queues|tries\s+again)\b",
        # "There is no retry path", "returns nil with no requeue"
        r"\bno\s+(?:retry|requeue|re-?queue)\b",
        r"\b(?:nothing|no\s+one|nobody)\s+(?:will\s+)?(?:ever\s+)?tr(?:y|ies)\s+(?:it\s+)?again\b",
        # "Failed backups are terminal"
        r"\b(?:is|are|becomes?|stays?)\s+terminal\b",
    ),
    "stuck state": (
        # "A rejected save leaves the button disabled forever"
        r"\b(?:disabled|locked|greyed\s+out|spinning|spins|busy|loading)\s+forever\b",
        r"\b(?:leaves?|left)\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+)?(?:disabled|locked|spinning)\b",
        # "the spinner state is stuck at saving=true"
        r"\bstuck\s+(?:at|on)\b",
        r"\b(?:is|are)\s+never\s+(?:reset|re-?enabled|set\s+back)\b",
    ),
    "stale view": (
        # "The panel never reloads when `userId` changes"
        r"\bnever\s+(?:re-?loads|re-?fetches|re-?runs|re-?renders|updates|refreshes)\s+"
        r"(?:\w+\s+)?(?:when|after|on)\b",
        # "switching to user B still displays A", "keeps showing the first user's data"
        rf"\bstill\s+{_SHOWN}\b",
        r"\bkeeps?\s+(?:showing|displaying|rendering)\s+(?:the\s+)?(?:old|previous|first|stale)\b",
        r"\b(?:keeps?|kept)\s+the\s+(?:old|previous|first)\s+\w+'s\s+data\b",
        r"\b(?:empty|missing)\s+(?:dependency|dependencies|deps)\b",
        r"\bdependency\s+(?:list|array)\s+is\s+empty\b",
    ),
    # an exit status nobody looks at is an error taken for success
    "ignored error": (
        r"\b(?:ignor(?:es|ed|ing|e)|never\s+(?:checks?|looks?\s+at|asserts?)|(?:does|do)\s+not"
        r"\s+(?:check|assert)|(?:doesn't|don't)\s+(?:check|assert))\s+(?:the\s+|its\s+|their\s+)?"
        r"(?:exit\s+(?:status|code)|return\s+(?:code|status))\b",
        r"\b(?:exit\s+(?:status|code)|return\s+code)\s+(?:is\s+|are\s+)?(?:never|not)\s+"
        r"(?:checked|looked\s+at|asserted|tested)\b",
        # "Upload failures are swallowed"
        r"\bfailures?\s+(?:is\s+|are\s+)?(?:silently\s+)?(?:swallowed|ignored|suppressed|discarded)\b",
        # "Every Get error is treated as not found": a failure taken for an ordinary answer
        r"\berrors?\b[^.;:]{0,20}\b(?:is|are)\s+(?:treated|taken|read|handled)\s+as\s+(?:an?\s+)?"
        r"(?:not[- ]found|missing|absent|empty|no\s+\w+)\b",
        r"\bnon-?zero\s+exit\b[^.;:]{0,30}\b(?:goes\s+unnoticed|is\s+ignored|still\s+pass\w*)",
    ),
    # a retried request that must run once: "Retrying non-idempotent requests", "POST retries
    # can duplicate side effects", "the reminder is sent again"
    "twice": (
        r"\bnon-?idempotent\b",
        r"\bduplicat\w*\s+(?:the\s+)?(?:side[- ]effects?|charges?|payments?|orders?|e-?mails?"
        r"|messages?|notifications?|writes?)\b",
        r"\b(?:re-?sen[dt]s?|sent|charged|billed|goes\s+out)\s+again\b",
    ),
    # a release done before the work it must follow: "The finalizer is removed before the stored
    # object is deleted" / "the lock has already been released when the write fails"
    "wrong order": (
        r"\b(?:removed|released|deleted|dropped|closed|freed|cleared|acknowledged|acked|committed)"
        r"\s+before\s+(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:is|are|has\s+been|have\s+been)\s+"
        r"(?:\w+ed|done|written|sent|made)\b",
        r"\b(?:has|have)\s+already\s+been\s+(?:removed|released|taken\s+off|dropped|deleted|freed"
        r"|acknowledged|acked|committed)\b",
    ),
    # a client's own claim about itself believed: "trusts every peer's X-Forwarded-For",
    # "accepts forged client IPs", "the role header can be spoofed"
    "spoofing": (
        r"\bforged\b",
        r"\bspoof\w*",
        r"\btrusts?\s+(?:every|any|all)\s+(?:\w+\s+)?(?:peers?|clients?|proxies|proxy|hosts?|senders?"
        r"|callers?)\b",
    ),
    # users handed a pre-release: "Everyone is told to install the beta", "keeps pulling
    # alpha/rc builds"
    "pre-release": (
        r"\b(?:install|pull|get|download|ship|pin)\w*\s+(?:the\s+|a\s+)?(?:latest\s+)?(?:beta|alpha"
        r"|pre-?release|release\s+candidate)s?\b",
        r"\b(?:beta|alpha|pre-?release|rc)\s+builds?\b",
    ),
}

# How the merge reasons say the kinds this module adds: "both name a failure nobody retries"
_SAID: dict[str, str] = {
    "no retry": "a failure nobody tries again",
    "stuck state": "a state left set after a failure",
    "stale view": "a view showing old data after its input changed",
    "spoofing": "a claim anyone can forge believed",
    "pre-release": "users handed a pre-release",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    # "Upload failures are swallowed" (the reconciler returns success) / "a failed upload is
    # never requeued"
    sides=(frozenset({"ignored error", "no retry"}),),
)
