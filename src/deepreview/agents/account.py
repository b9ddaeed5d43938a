"""Whether a seat failed because its CLI's account was refused: a rejected key or login
(authentication), a used-up plan or credit (quota), or too many requests (rate limit).

Such a failure is not the seat's own: every run of that CLI with the same credentials fails
the same way for a while, the lead's included (`pipeline.lead_gate`). Read from the seat's
reason (`SeatRun.reason`), the one line that quotes what the CLI said: the adapters' own words
("authentication failed (HTTP 401): …", Gemini's exit 41), the CLIs' ("Invalid API key · Please
run /login", Codex's "unexpected status 401 Unauthorized", "exceeded retry limit, last status:
429 Too Many Requests", "You've hit your usage limit", Claude Code's "5-hour limit reached"),
the API's ("rate_limit_error", "insufficient_quota", "RESOURCE_EXHAUSTED", "UNAUTHENTICATED"),
and the last error of a seat that timed out while retrying ("last error: HTTP 429 rate
limited, 9 retries").

Not `findings.no_review`'s words: those judge a seat's review text, where "rate limit" may be
the topic of a finding; a failure reason is an error already, so the bare words say enough.
"""

from __future__ import annotations

import re
from typing import Final, Literal

AccountFailure = Literal["authentication", "quota", "rate limit"]

# An HTTP status as the CLIs and our adapters quote it: "(HTTP 401)", "status: 429",
# `"code": 401`, "API Error: 429", "last status: 429 Too Many Requests", "401 Unauthorized".
_STATUS_BEFORE: Final = r"\b(?:HTTP|status|code|error)[\s:=(\"']*"

_AUTHENTICATION: Final = re.compile(
    r"\bauthentication[\s_]+(?:failed|error)|\bunauthenticated\b|\bunauthori[sz]ed\b"
    r"|\b(?:invalid|incorrect|expired|revoked)[\s_-]+(?:x-)?api[\s_-]*key|\bapi[\s_-]*key\s+"
    r"(?:not\s+valid|is\s+invalid|expired)|\bnot\s+logged\s+in\b|\bplease\s+run\s+/login\b"
    r"|\b(?:oauth\s+)?token\s+(?:has\s+)?(?:expired|been\s+revoked)|\blog\s*in\s+again\b"
    rf"|{_STATUS_BEFORE}40[13]\b|\b40[13]\s+(?:unauthorized|forbidden)\b",
    re.IGNORECASE,
)
_QUOTA: Final = re.compile(
    r"\b(?:insufficient[\s_]+)?quota\b|\bcredit\s+balance\b|\bbilling\b"
    r"|\b(?:usage|session|5-hour|five-hour|weekly|daily|monthly|spending)\s+limit\b"
    r"|\bhit\s+your\s+limit\b|\bout\s+of\s+credits\b",
    re.IGNORECASE,
)
_RATE_LIMIT: Final = re.compile(
    r"\brate[\s_-]*limit|\btoo\s+many\s+requests\b|\bresource[\s_]+exhausted\b"
    rf"|{_STATUS_BEFORE}429\b",
    re.IGNORECASE,
)
# In this order: "429 … exceeded your current quota" (OpenAI's insufficient_quota) is a quota
# that no wait fixes, and a 401 quoted with a retry count is still a rejected key.
_KINDS: Final[tuple[tuple[AccountFailure, re.Pattern[str]], ...]] = (
    ("authentication", _AUTHENTICATION),
    ("quota", _QUOTA),
    ("rate limit", _RATE_LIMIT),
)


def account_failure(reason: str | None) -> AccountFailure | None:
    """What of the CLI's account a failed seat's `reason` says was refused, or None when it
    says nothing of the kind (a crash, a timeout with no error, a review we could not read)."""
    text = reason or ""
    return next((kind for kind, words in _KINDS if words.search(text)), None)


__all__ = ["AccountFailure", "account_failure"]
