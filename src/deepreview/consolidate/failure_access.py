"""More words for an action anyone may take (the kind "missing auth" of `security_failures`):
what a reviewer writes when the route or the function is open rather than when a check is
missing. "`DELETE /notes/{id}` is reachable without a token", "the endpoint is public", "any
account can confiscate withdrawals through the fee". One general failure of access control, in
any web framework or contract: the other seats name the missing check ("Unauthenticated
deletion of notes", "anyone can change the fee"), and nothing said the two tell one failure.

From merge cases 66 and 75 (development cases from rounds mg74 and mg75 on;
benchmarks/README.md, "Held-out cases 76-80").
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# what proves who is asking
_CREDENTIAL = (
    r"(?:an?\s+|any\s+)?(?:tokens?|login|logging\s+in|credentials?|authentication|auth"
    r"|sessions?|api[\s_-]?keys?|signing\s+in|being\s+signed\s+in)"
)

_PHRASES: dict[str, tuple[str, ...]] = {
    "missing auth": (
        # "reachable without a token", "callable without authentication"
        rf"\b(?:reachable|callable|accessible|usable|invocable)\s+(?:by\s+anyone\s+)?without\s+"
        rf"{_CREDENTIAL}\b",
        # "the endpoint is public", "route is publicly reachable"
        r"\b(?:endpoints?|routes?|apis?)\s+(?:is|are)\s+(?:left\s+)?public(?:ly\s+(?:reachable"
        r"|accessible|callable))?\b",
        # someone taking what is not theirs, in the verbs of money and settings
        r"\bany(?:one|body|\s+(?:other\s+)?(?:users?|accounts?|callers?|addresses?))\s+"
        r"(?:can|may|could)\s+(?:set|confiscate|steal|drain|take|seize|redirect|withdraw"
        r"|transfer|mint|pause)\b",
    ),
}

TABLE = PhraseTable(_PHRASES, {})
