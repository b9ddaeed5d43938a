"""What a seat's printed text becomes before it is stored: at most what a report keeps
(`cap_review`), checked to be a review at all (`checked_status`), and its run's measures.

The review parser and the JSON writer are imported late, in the seat's own thread once its
agent is done, under `LATE_IMPORTS` (late_imports.py): the first seat does not wait for them,
and their imports cannot meet the main thread's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, TypeAlias

from deepreview.agents.base import SeatOutcome
from deepreview.late_imports import LATE_IMPORTS
from deepreview.runmodel import REVIEW_CUT_REASON

if TYPE_CHECKING:
    from deepreview.model import AgentReview

# A review is tens of KB. A seat that prints more (a command seat whose stdout is its review can
# print anything) keeps its raw output in the transcript, but only this much reaches the parser
# and the report: otherwise the report carries the junk three times over (md, json, html).
MAX_REVIEW_BYTES: Final = 1 << 20
# Room for the note that marks the cut.
_NOTE_ROOM: Final = 512

Status: TypeAlias = Literal["ok", "failed", "timeout", "interrupted"]  # as `SeatOutcome`'s


def cap_review(text: str, limit: int = MAX_REVIEW_BYTES) -> tuple[str, bool]:
    """At most `limit` bytes of `text`: its beginning and its end, cut at line ends, with a
    note where the middle was; (text, was it cut?).

    The end is kept because a review ends with its findings and Coverage Summary: a seat that
    wrote a huge summary first (trial 35: 2.3 MB) must not lose its Critical finding to the
    cut. Cutting at a line end also keeps a secret from being split into a fragment that
    redaction no longer recognises.
    """
    data = text.encode("utf-8", errors="surrogateescape")
    if len(data) <= limit:
        return text, False
    budget = max(0, limit - _NOTE_ROOM)
    head = data[: budget // 2]
    nl = head.rfind(b"\n")
    head = head[: nl + 1] if nl >= len(head) // 2 else head
    tail = data[len(data) - (budget - budget // 2) :]
    nl = tail.find(b"\n")
    tail = tail[nl + 1 :] if 0 <= nl < len(tail) // 2 else tail
    note = (
        f"\n\n[... review truncated by Deep Review: the seat printed {len(data):,} bytes; "
        f"the first {len(head):,} and the last {len(tail):,} are kept here, the raw output is "
        "in its transcript ...]\n\n"
    )
    return (
        head.decode("utf-8", errors="ignore") + note + tail.decode("utf-8", errors="ignore"),
        True,
    )


def checked_status(
    outcome: SeatOutcome,
    stored: str,
    cut: bool,
    *,
    reason: str | None,
    seat: str,
    writes_review: bool,
) -> tuple[Status, str | None]:
    """The seat's (status, reason) once its stored text (`stored`: capped, redacted; `cut`:
    whether the cap cut it) is looked at: a seat that says "ok" but left no review failed."""
    status = outcome.status
    if status == "failed" and outcome.output_decides and writes_review and stored.strip():
        # it exited non-zero (a linter's "problems found"), but what it printed is a review:
        # used, the exit kept as the seat's note (without the stderr line the failure quoted)
        if outcome.review is not None or unreadable(stored, seat) is None:
            return "ok", (reason or "").split(": ", 1)[0] or None
        return status, _quoting(reason, stored)
    if status != "ok":
        return status, reason
    if not stored.strip():
        return "failed", "empty review"
    if outcome.review is None and writes_review:
        # Text that is no review at all ("Error: rate limit exceeded.") must not count as a
        # seat that found nothing.
        failure = unreadable(stored, seat)
        if failure is not None and cut and unreadable(outcome.review_text, seat) is None:
            failure = REVIEW_CUT_REASON  # the whole text had findings: the cut lost them
        if failure is not None:
            return "failed", failure
    return status, reason


_QUOTE_MAX = 300


def _quoting(reason: str | None, stored: str) -> str | None:
    """`exited with code 1` of a seat that printed no review and nothing on stderr: with the
    last line it printed (`Error: 429 Too Many Requests`), as a stderr line is quoted; a
    reason that quotes one already is kept."""
    if not reason or ": " in reason:
        return reason
    said = next((ln.strip() for ln in reversed(stored.splitlines()) if ln.strip()), "")
    if len(said) > _QUOTE_MAX:
        said = said[: _QUOTE_MAX - 1].rstrip() + "…"
    return f"{reason}: {said}" if said else reason


def unreadable(review_text: str, seat: str) -> str | None:
    """Why a seat's text is no review at all (`findings.parse.unreadable_reason`), or None. The
    parser is imported here, in the seat's thread once its agent is done: the first seat does
    not wait for it."""
    # (the parser may import on first use too: pydantic for a JSON review)
    with LATE_IMPORTS:
        from deepreview.findings.parse import unreadable_reason

        return unreadable_reason(review_text, seat=seat)


def review_json(review: AgentReview) -> str:
    """A seat's parsed review as JSON (imported as late as `unreadable`)."""
    with LATE_IMPORTS:
        from deepreview.serialize import to_json

        return to_json(review)


def stats_fields(outcome: SeatOutcome) -> dict[str, object]:
    """The measures of a seat's run (`SeatRun`'s fields) its agent reported."""
    stats = outcome.stats
    if stats is None:
        return {
            "model": outcome.model,
            "tool_calls": sum(n for _, n in outcome.tool_counts),
            "tool_counts": outcome.tool_counts,
        }
    return {
        "model": outcome.model or stats.model,
        "cli_duration_ms": stats.cli_duration_ms,
        "tokens_in": stats.tokens_in,
        "tokens_out": stats.tokens_out,
        "cost_usd": stats.cost_usd,
        "tool_calls": len(stats.tool_calls),
        "tool_counts": stats.tool_counts,
        "shell_breakdown": stats.shell_breakdown,
        "permission_denials": len(stats.permission_denials),
        "denied_commands": stats.denied_commands,
        "errors": len(stats.errors),
        "tool_errors": stats.tool_errors,
        "api_retries": stats.retries,
        "api_retry_causes": stats.retry_causes,
        "malformed_lines": stats.malformed_lines,
    }
