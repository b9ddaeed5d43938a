"""The job summary: a few lines of Markdown that a review, a seat-only run and a publication
append to `$GITHUB_STEP_SUMMARY` on GitHub Actions, shown on the run's page.

It says what a person looking at the run wants first: the verdict, the counts, where the report
is, whether it was posted (and where, or why not), the gate, the exit code. Findings are not
listed (their text is untrusted, and the report and the PR comment hold them): what text it
does show that is not ours (the verdict's reason, a seat's failure, GitHub's words in an
error) is one line each, neutralised as the PR comment is (`safe`), and the whole is cut to
`MAX_CHARS`, far below GitHub's 1 MiB per step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from deepreview.model import Report
from deepreview.publish.safe import code_span, inline_text
from deepreview.publish.summary import counts_text
from deepreview.runmodel import REASON_MAX_CHARS, SeatRun

if TYPE_CHECKING:
    from deepreview.publish.publisher import PublishResult

MAX_CHARS: Final = 4_000
_MAX_LINE: Final = REASON_MAX_CHARS  # one untrusted line (an error, a seat's reason)
_LINK: Final = re.compile(r"https://[^\s()<>\[\]`]+")


@dataclass(frozen=True)
class Posting:
    """What became of `--post`: one of `result`, `skipped` (why nothing was sent) or `error`
    (why it failed, exit 5)."""

    result: PublishResult | None = None
    skipped: str | None = None
    error: str | None = None
    error_code: int = 5  # the exit code of `error` (130: interrupted while posting)


@dataclass(frozen=True)
class ReviewFacts:
    review_id: str
    status: str  # complete | interrupted
    report: Report | None
    paths: Mapping[str, str]  # format -> stored file
    seats: Sequence[SeatRun]
    exit_code: int
    posting: Posting | None = None  # None: --post was not given
    fail_on: str = "never"
    gate_failed: bool | None = None  # None: the gate was not reached (posting failed)


def _line(text: str) -> str:
    flat = " ".join(text.split())
    return inline_text(flat if len(flat) <= _MAX_LINE else flat[: _MAX_LINE - 1] + "…")


def _fit(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text + "\n"
    return text[: MAX_CHARS - 40].rsplit("\n", 1)[0] + "\n\n_(cut: see the stored report)_\n"


def posted_line(result: PublishResult) -> str:
    """Where the summary went (and the inline comments), or why nothing was sent."""
    if result.skipped is not None:
        return f"Not posted: {_line(result.skipped.removeprefix('not posted: '))}"
    where = f"{result.repo}#{result.pr_number}"
    if result.summary is None:
        return f"Not posted on {where}"
    verb = "would be" if result.dry_run else ""
    line = f"Posted: summary comment {verb + ' ' if verb else ''}{result.summary} on {where}"
    url = result.summary_url or ""
    if _LINK.fullmatch(url):
        line += f" ([comment]({url}))"
    inline = (len(result.inline_posted), len(result.inline_already), len(result.unanchored))
    if any(inline):
        line += (
            f"; inline comments: {inline[0]} posted, {inline[1]} already there, "
            f"{inline[2]} not on the diff"
        )
    return line


def _posting_line(facts: ReviewFacts, report: Report) -> str | None:
    p = facts.posting
    if p is None:
        if report.header.pr_number is None:
            return None  # a branch or range review: nothing to post it on
        return (
            "Not posted by this command "
            f"({code_span(f'deep-review publish {facts.review_id}')} posts it)"
        )
    if p.error is not None:
        return f"Posting failed (exit {p.error_code}): {_line(p.error)}"
    if p.skipped is not None:
        return f"Not posted: {_line(p.skipped.removeprefix('not posted: '))}"
    return posted_line(p.result) if p.result is not None else None


def review_summary(facts: ReviewFacts) -> str:
    """The job summary of a review (`review`, `finish`, `resume`, `relead`)."""
    report = facts.report
    rid = code_span(facts.review_id)
    if report is None or facts.status != "complete":
        resume = code_span(f"deep-review resume {facts.review_id}")
        return _fit(
            f"### Deep Review: {_line(facts.status)}\n\nReview {rid} stopped before its "
            f"report; {resume} finishes it. Exit code: {facts.exit_code}."
        )
    h = report.header
    parts = [f"### Deep Review: {_line(h.verdict.label)}"]
    if h.verdict.reason:
        parts.append(_line(h.verdict.reason))
    facts_line = [counts_text(report)]
    if h.pr_number is not None:
        pr = f"{h.repo or ''}#{h.pr_number}"
        facts_line.append(f"PR {code_span(pr)}")
    if h.review_sha:
        facts_line.append(f"reviewed {code_span(h.review_sha[:12])}")
    facts_line.append(f"review {rid}")
    parts.append(" · ".join(facts_line))
    items = []
    if facts.seats:
        items.append(
            "Seats: "
            + ", ".join(
                f"{_line(r.seat)} {_line(r.outcome_text) if r.status != 'ok' else 'ok'}"
                for r in facts.seats
            )
        )
    shown = [p for fmt, p in facts.paths.items() if fmt in ("html", "md", "sarif")]
    if shown:
        items.append("Report: " + ", ".join(code_span(p) for p in shown))
    posting = _posting_line(facts, report)
    if posting is not None:
        items.append(posting)
    if facts.fail_on != "never" and facts.gate_failed is not None:
        gate = "failed (exit 4)" if facts.gate_failed else "passed"
        items.append(f"Gate {code_span(f'--fail-on {facts.fail_on}')}: {gate}")
    items.append(f"Exit code: {facts.exit_code}")
    parts.append("\n".join(f"- {item}" for item in items))
    return _fit("\n\n".join(parts))


def seat_summary(seat: SeatRun, out_dir: str, exit_code: int) -> str:
    """The job summary of `review --seat-only`: the seat, its outcome, where its result is."""
    outcome = "ok" if seat.status == "ok" else _line(seat.outcome_text)
    finish = code_span("deep-review finish --from DIR...")
    return _fit(
        f"### Deep Review seat {_line(seat.seat)}: {outcome}\n\n"
        f"Seat result in {code_span(out_dir)}, for {finish}. Exit code: {exit_code}."
    )


def publish_summary(review_id: str, result: PublishResult | None, error: str | None) -> str:
    """The job summary of `publish` (the Action's post step): what it did, or why it failed."""
    what = (
        posted_line(result)
        if result is not None
        else f"Posting failed (exit 5): {_line(error or '')}"
    )
    return _fit(f"### Deep Review: publishing review {code_span(review_id)}\n\n{what}")


__all__ = [
    "MAX_CHARS",
    "Posting",
    "ReviewFacts",
    "posted_line",
    "publish_summary",
    "review_summary",
    "seat_summary",
]
