"""An error or a refusal that closes with "no findings": no review that found nothing.

A seat that hit its quota, a rate limit or a missing permission, or that declined the task,
may still end its message with the words a clean review uses: "Error: You exceeded your current
quota. No findings.", "I'm sorry, I can't access the repository, so I found no issues.",
"Review skipped: the change is too large. No issues found." Read by its last words it is a
reviewer that approves the change. `says_it_did_not_review` tells such a text apart: short (an
error message, not a review that mentions one), and saying that the seat failed or did not look
(an error at its start, an HTTP status line such as `401 Unauthorized` or `HTTP 429 Too Many
Requests`, a connection error such as `connect ECONNREFUSED …`, a refused API key, a model
"currently overloaded", a quota or rate limit hit, the repository or diff it could not read, a
review it skipped, files it names and could not open with no word of reading the rest ("I
could not open src/x.py (permission denied), so no issues found."), or in `gave_up`'s words
that it did not do the review: "I was not able to finish the review."). A review that ran
into an error and still looked ("No issues found. I could not run the tests (permission
denied), so I read them.") is none of these: running the tests is not the review.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.gave_up import NOT_ABLE, did_nothing

# An error message is a line or three; a review that only mentions one is longer.
_MAX: Final = 600

# The text opens with an error: `Error: …`, `API Error (429): …`, `Error 401: …`, `[error] …`,
# `fatal: …`, or an HTTP status line (`HTTP 429 Too Many Requests`, `401 Unauthorized`).
_OPENS_WITH_ERROR: Final = re.compile(
    r"^[\W_]*(?:(?:(?:api\s+)?error|fatal|exception|failed|failure)\b\s*(?:\(?\d+\)?\s*)?[:!\-—]"
    # a status line or an error word stands alone: "401 Unauthorized.", "Forbidden:", not the
    # first words of a short clean review ("Forbidden characters are escaped now. LGTM.")
    r"|(?:(?:HTTP(?:/[\d.]+)?\s+)?[45]\d\d\s*:?\s*(?:bad\s+request|unauthori[sz]ed|forbidden|"
    r"not\s+found|payment\s+required|request\s+timeout|too\s+many\s+requests|internal\s+server"
    r"(?:\s+error)?|bad\s+gateway|service\s+unavailable|gateway\s+time-?out|overloaded)"
    r"|unauthori[sz]ed|forbidden|authentication\s+(?:failed|required|error)|invalid\s+api\s+key"
    r"|request\s+failed(?:\s+with\s+status(?:\s+code)?\s+[45]\d\d)?)"
    r"(?=[ \t]*(?:[.:;,!\-—(\n]|$)))",
    re.IGNORECASE,
)
# The service refused the seat: quota, rate limit, credit, a prompt too long.
_SERVICE: Final = re.compile(
    r"\b(?:exceeded\s+(?:your\s+|the\s+)?(?:current\s+|monthly\s+|daily\s+)?(?:quota|rate\s+limit|"
    r"usage\s+limit|token\s+limit|context\s+(?:length|window))"
    r"|(?:quota|rate\s+limit|usage\s+limit|context\s+(?:length|window))\s+(?:was\s+|is\s+|has\s+been\s+)?"
    r"(?:exceeded|reached|exhausted|hit)"
    # ... not the name of what the code handles: "Rate limit exceeded responses are retried"
    r"(?![\s-]+(?:responses?|errors?|handling|handlers?|cases?|messages?|status(?:es)?|paths?|"
    r"branch(?:es)?|codes?|exceptions?|events?|pages?|screens?|banners?)\b)"
    r"|rate[\s-]limited|hit\s+(?:the|a|my)\s+(?:rate|usage)\s+limit"
    r"|credit\s+balance\s+is\s+too\s+low|prompt\s+is\s+too\s+long|overloaded_error"
    # the seat's own run hit an error ("I hit an error", "The tool returned an error: …"), not
    # code the change fixes ("Previously `sub` threw an error on empty input; now …")
    r"|(?:\b(?:I|we|tool|command|API|model|server|request|CLI|service|call|run|git|shell|sandbox)"
    r"\s+(?:\w+\s+)?(?:returned|raised|threw|gave|hit|got|encountered)\s+an?\s+(?:\w+\s+)?error"
    r"|(?:returned|raised|threw|gave|hit|got|encountered)\s+an?\s+(?:\w+\s+)?error\s*:))",
    re.IGNORECASE,
)
# The service or the connection to it failed: an HTTP status the client reports, a connection
# error code, a key it refused, a model too busy to answer. Only as a line's first words: a
# short clean review says the same words about the code ("The client now retries on
# ECONNREFUSED.", "returns 401 for an invalid API key", "the `add` API is overloaded").
_TRANSPORT: Final = re.compile(
    r"^[\W_]*(?:"
    r"(?:\w+\s+){0,2}(?:failed|error)\s+with\s+status(?:\s+code)?\s+[45]\d\d"
    r"|(?:(?:\w*error:?|connect|getaddrinfo|read|write|reason:)\s+){0,2}"
    r"(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)\b"
    r"|(?:error:?\s+)?(?:invalid|missing|expired|revoked)\s+API\s+key"
    r"|(?:(?:your|the)\s+)?API\s+key\s+(?:is\s+)?(?:invalid|missing|expired)"
    r"|(?:the\s+)?(?:model|server|service|API|endpoint)\s+is\s+(?:currently\s+|temporarily\s+)?"
    r"overloaded)"
    # node's fetch: "FetchError: request to https://… failed, reason: connect ECONNREFUSED …"
    r"|\bfailed,\s+reason:\s+(?:connect\s+)?(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND)\b",
    re.IGNORECASE | re.MULTILINE,
)
_THE_WORK: Final = (
    r"(?:the\s+|this\s+|your\s+|any\s+)?(?:repository|repo|diff|change|changes|changeset|code|"
    r"codebase|files?|pull\s+request|PR|patch|commits?|worktree|project|branch|task|request|"
    r"review)\b"
)
# The seat declined or could not do the work itself: the repository, the diff, the review.
_REFUSED: Final = re.compile(
    r"\b(?:I['’]?m\s+sorry|I\s+am\s+sorry|I\s+apologi[sz]e|as\s+an\s+(?:AI|language\s+model)"
    r"|I\s+(?:can['’]?t|cannot|can\s+not|am\s+unable\s+to|['’]?m\s+unable\s+to|was\s+unable\s+to|"
    r"could\s+not|couldn['’]?t|was\s+not\s+able\s+to|wasn['’]?t\s+able\s+to|am\s+not\s+able\s+to)"
    r"\s+(?:\w+\s+)?(?:access|read|open|review|view|load|fetch|clone|inspect|analy[sz]e|"
    r"help\s+with|assist\s+with|complete|perform|do)\s+" + _THE_WORK + r")",
    re.IGNORECASE,
)
# It did not review: "Review skipped", "skipping this review", "too large to review".
_SKIPPED: Final = re.compile(
    r"\b(?:review\s+(?:was\s+)?(?:skipped|aborted|not\s+performed|cancell?ed)"
    r"|skipp(?:ed|ing)\s+(?:the\s+|this\s+)?review"
    r"|too\s+(?:large|big|long)\s+(?:for\s+me\s+)?to\s+review)\b",
    re.IGNORECASE,
)

# It could not open the files it names ("I could not open src/x.py (permission denied), so no
# issues found.", "I couldn't read `calc.py` or `util/strings.py`."): in a text this short
# that is all it says about the change. Not when it says it read the rest ("…, but I read the
# rest of the diff").
_FILE_NOT_READ: Final = re.compile(
    rf"\bI\s+{NOT_ABLE}\s+(?:access|read|open|load|fetch)\s+(?:the\s+)?"
    r"(?:(?:changed\s+|modified\s+)?files?\b|`?[\w.-]*[/.][\w./-]*\w`?(?=[\s.,;:!()]|$))",
    re.IGNORECASE,
)
_READ_THE_REST: Final = re.compile(
    r"\b(?:but|however|though|although|otherwise|rest|remaining|other\s+files|everything\s+else)\b",
    re.IGNORECASE,
)


def _files_not_read(body: str) -> bool:
    return _FILE_NOT_READ.search(body) is not None and _READ_THE_REST.search(body) is None


def says_it_did_not_review(text: str) -> bool:
    """`text` (a seat's whole output) is an error message or a refusal, whatever it says about
    findings (see the module doc)."""
    body = text.strip()
    if not body or len(body) > _MAX:
        return False
    return bool(
        _OPENS_WITH_ERROR.match(body)
        or _SERVICE.search(body)
        or _TRANSPORT.search(body)
        or _REFUSED.search(body)
        or _SKIPPED.search(body)
        or did_nothing(body)  # "I was not able to finish the review. No issues found."
        or _files_not_read(body)
    )
