"""What a seat's printed text becomes before it is stored: at most what a report keeps
(`cap_review`), checked to be a review at all (`checked_status`), and its run's measures.

The review parser and the JSON writer are imported late, in the seat's own thread once its
agent is done, under `LATE_IMPORTS` (late_imports.py): the first seat does not wait for them,
and their imports cannot meet the main thread's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from deepreview.agents.base import SeatOutcome
from deepreview.late_imports import LATE_IMPORTS
from deepreview.proc import ProcResult
from deepreview.runmodel import (
    REASON_MAX_CHARS,
    REVIEW_CUT_REASON,
    format_duration,
    outcome_phrase,
    run_notes,
    with_notes,
)
from deepreview.untrusted_text import clean_strings, clean_text

if TYPE_CHECKING:
    from deepreview.model import AgentReview

# What a run that ended with no final text failed as (the agents say "empty review (…)" too).
EMPTY_REVIEW: Final = "empty review"
# A review is tens of KB. A seat that prints more (a command seat whose stdout is its review can
# print anything) keeps its raw output in the transcript, but only this much reaches the parser
# and the report: otherwise the report carries the junk three times over (md, json, html).
MAX_REVIEW_BYTES: Final = 1 << 20
# Room for the note that marks the cut, and how it begins and ends (`_review_in_the_cut`).
_NOTE_ROOM: Final = 512
_NOTE_START: Final = "\n\n[... review truncated by Deep Review"
_NOTE_END: Final = " ...]\n\n"

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
        f"{_NOTE_START}: the seat printed {len(data):,} bytes; "
        f"the first {len(head):,} and the last {len(tail):,} are kept here, the raw output is "
        f"in its transcript{_NOTE_END}"
    )
    return (
        head.decode("utf-8", errors="ignore") + note + tail.decode("utf-8", errors="ignore"),
        True,
    )


def seat_reason(reason: str | None, redact: Callable[[str], str]) -> str | None:
    """Why a seat failed, as its run records it: the reason quotes what the seat said (its last
    stderr line, its CLI's error result, its stdout), which is text from outside like its
    review. Cleaned as its review is (`clean_text`: no escape sequence, bell or NUL, bidi
    controls shown), redacted (`redact`: it may echo a secret), put on one line, then cut to
    `REASON_MAX_CHARS` (after redacting: a cut never leaves part of a secret unmasked). Made
    here, where the seat's run gets it, so the terminal, run.json and every report show the
    same short, clean line; the whole stderr stays in the seat's stderr log."""
    if not reason:
        return reason
    line = " ".join(redact(clean_text(reason)).split())
    if len(line) <= REASON_MAX_CHARS:
        return line
    return line[: REASON_MAX_CHARS - 1].rstrip() + "…"


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
    whether the cap cut it) is looked at: a seat that says "ok" but left no review failed; one
    whose review is cut off, or whose findings text could not be read, stays ok with a reason
    that says so (`consolidate.shortfalls.review_notes`: its live line, run.json)."""
    status = outcome.status
    if status == "failed" and outcome.output_decides and not writes_review and stored.strip():
        # the lead: its complete answer is read (and judged by its own parser), the exit noted
        return "ok", (reason or "").split(": ", 1)[0] or None
    if status == "failed" and outcome.output_decides and writes_review and stored.strip():
        # it exited non-zero (a linter's "problems found"), but what it printed is a review:
        # used, the exit kept as the seat's note (without the stderr line the failure quoted)
        review = outcome.review or _parsed(stored, seat)
        if outcome.review is not None or _unparseable(review) is None:
            return "ok", _noted((reason or "").split(": ", 1)[0] or None, review)
        return status, reason
    if status != "ok":
        return status, reason
    if not stored.strip():
        return "failed", EMPTY_REVIEW
    if not writes_review:
        return status, reason
    if outcome.review is not None:
        return status, _noted(reason, outcome.review)
    # Text that is no review at all ("Error: rate limit exceeded.") must not count as a seat
    # that found nothing.
    review = _parsed(stored, seat)
    failure = _unparseable(review)
    if failure is not None and cut and _review_in_the_cut(outcome.review_text, seat):
        failure = REVIEW_CUT_REASON  # the text had findings: the cut lost them
    if failure is not None:
        return "failed", failure
    return status, _noted(reason, review)


# A line a review's findings can start at (a heading, a bold title, an id like `C1.` or `[I2]`),
# found by a linear scan of what the cap cut out. Each begins at a newline, so the scan skips
# 50 MB of noise on one line at once.
_REVIEW_LINE: Final = re.compile(
    r"\n[ \t]{0,3}(?:#{1,6}[ \t]|(?:[-*+][ \t]+)?\*\*|\[?[A-Z]{1,2}\d{1,3}[\].:)])"
)


def _review_in_the_cut(text: str, seat: str) -> bool:
    """Whether the middle that `cap_review` cut out of `text` held a review: read from the first
    line there that can start one, at most `MAX_REVIEW_BYTES` bytes of it. Never the
    whole text: parsing a 50 MB noisy seat's output took over a minute of CPU the user waited
    for, to choose between two wordings of the same failure."""
    kept, _ = cap_review(text)
    head, _, rest = kept.partition(_NOTE_START)
    tail = rest.partition(_NOTE_END)[2]
    start = _REVIEW_LINE.search(text, len(head), max(len(head), len(text) - len(tail)))
    if start is None:
        return False
    window = text[start.start() + 1 : start.start() + 1 + MAX_REVIEW_BYTES]
    window = window.encode(errors="surrogateescape")[:MAX_REVIEW_BYTES].decode(errors="ignore")
    return unreadable(window, seat) is None


def _parsed(review_text: str, seat: str) -> AgentReview:
    with LATE_IMPORTS:
        from deepreview.findings.parse import parse_review

        return parse_review(review_text, seat=seat)


def _unparseable(review: AgentReview) -> str | None:
    with LATE_IMPORTS:
        from deepreview.findings.readable import unparseable_reason

        return unparseable_reason(review)


def _noted(reason: str | None, review: AgentReview) -> str | None:
    with LATE_IMPORTS:
        from deepreview.consolidate.shortfalls import review_notes

        return with_notes(reason, review_notes(review))


def unreadable(review_text: str, seat: str) -> str | None:
    """Why a seat's text is no review at all (`findings.parse.unreadable_reason`), or None. The
    parser is imported here, in the seat's thread once its agent is done: the first seat does
    not wait for them."""
    # (the parser may import on first use too: pydantic for a JSON review)
    return _unparseable(_parsed(review_text, seat))


def review_json(review: AgentReview) -> str:
    """A seat's parsed review as JSON (imported as late as `unreadable`)."""
    with LATE_IMPORTS:
        from deepreview.serialize import to_json

        return to_json(review)


def output_facts(result: ProcResult | None) -> dict[str, Any]:
    """`SeatRun`'s facts about what happened to the seat's output on its way to the store."""
    if result is None:
        return {}
    cut = result.output_truncated and result.output_cap is not None
    return {
        "transcript_cut_at": result.output_cap if cut else None,
        "strays": result.strays,
        "held_open": result.held_open,
        "stopped_after_result_s": result.stopped_after_done,
    }


def stats_fields(outcome: SeatOutcome) -> dict[str, object]:
    """The measures of a seat's run (`SeatRun`'s fields) its agent reported. Their words (its
    model, tool names, refused commands, the causes of its API retries) are its CLI's text,
    cleaned as its review is (`clean_strings`) before any output shows them."""
    return clean_strings(_stats_fields(outcome))


def _stats_fields(outcome: SeatOutcome) -> dict[str, object]:
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


def later_pass_timeout(outcome: SeatOutcome, limit: float, seat_timeout: float) -> SeatOutcome:
    """A later pass's outcome as the seat's: the pass ran under what was left of the seat's
    timeout (`limit`; its passes share `seat_timeout`), so a pass that timed out says the
    seat's timeout ran out, not "timed out after" the rest it was given. What its agent added
    (`(last error: …)`, `(killed with SIGKILL …)`) is kept."""
    if outcome.status != "timeout":
        return outcome
    said = f"timed out after {format_duration(limit)}"
    reason = outcome.reason or said
    if not reason.startswith(said):
        return outcome  # in its own words: kept as it is
    ran_out = f"timed out: the seat's {format_duration(seat_timeout)} timeout ran out"
    return dataclasses.replace(outcome, reason=ran_out + reason[len(said) :])


def seat_state(status: str, reason: str | None) -> str:
    """The live line's state for a seat's (first) pass: its status, and for a seat that is ok
    but fell short of a whole review, how (`ok: review cut off`), as its summary line says."""
    notes = run_notes(reason) if status == "ok" else []
    return f"{status}: {'; '.join(notes)}" if notes else status


def later_pass_state(status: str, pass_no: int) -> str:
    """The live line's state for a seat's later pass: every earlier pass ended ok (a seat goes
    on only then) and its review stands, so a later pass that timed out or failed leaves the
    seat ok (`ok: pass 2 timed out (pass 1 kept)`), as the seat's summary line says; an
    interrupted one stops the seat (`resume` runs it again)."""
    if pass_no <= 1 or status in ("ok", "interrupted"):
        return status
    kept = "pass 1" if pass_no == 2 else "passes " + ", ".join(map(str, range(1, pass_no)))
    return f"ok: pass {pass_no} {outcome_phrase(status, None)} ({kept} kept)"
