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

`account_help` puts what to fix in front of such a reason (the adapters give their CLI's key
variables and login): the CLIs' own words name no variable, or a fix (`/login`) that a headless
run cannot use.

Not `findings.no_review`'s words: those judge a seat's review text, where "rate limit" may be
the topic of a finding; a failure reason is an error already, so the bare words say enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
# The status of a rejected key, as the CLIs quote it ("(HTTP 401)", "status 401 Unauthorized").
_REJECTED: Final = re.compile(
    rf"{_STATUS_BEFORE}(40[13])\b|\b(40[13])\s+(?:unauthorized|forbidden)\b", re.IGNORECASE
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


@dataclass(frozen=True)
class Credentials:
    """What a CLI's account is, in the words of its fix."""

    keys: str  # the variables it reads its key from: "OPENAI_API_KEY / CODEX_API_KEY"
    login: str | None = None  # how else to sign it in: "run `codex login`"; None: keys only


def account_help(reason: str, credentials: Credentials) -> str | None:
    """`reason` (what the CLI said) behind what to fix when it says the key was refused or the
    quota used up; None for anything else (a rate limit passes by waiting: its words do)."""
    kind = account_failure(reason)
    quoted = reason[:200]
    if kind == "authentication":
        where = (
            f"{credentials.keys} or {credentials.login}" if credentials.login else credentials.keys
        )
        status = _REJECTED.search(reason)
        if status is None:
            return f"authentication failed: check {where} ({quoted})"
        code = status.group(1) or status.group(2)
        return (
            f"authentication failed (HTTP {code}): the API rejected the key; check {where} "
            f"({quoted})"
        )
    if kind == "quota":
        login = " or the login" if credentials.login else ""
        return (
            f"quota used up: the account behind {credentials.keys}{login} has no credit or "
            f"usage left; add credit or wait for the limit to reset ({quoted})"
        )
    return None


__all__ = ["AccountFailure", "Credentials", "account_failure", "account_help"]
