"""The PR's unresolved threads across the panel: each seat's word per thread, one verdict per
thread, and the report's `## Unresolved Feedback` section.

Thread text and logins come from the PR: the section shows a short one-line excerpt with every
Markdown character escaped and mentions (`@user`, `#123`) broken, so the report neither renders
the author's Markdown nor pings anyone when it is posted to GitHub.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from deepreview.consolidate.inputs import SeatReview
from deepreview.feedback import ReviewThread, SeatThreadVerdict, ThreadVerdict
from deepreview.findings.thread_verdicts import PESSIMISM, parse_thread_verdicts
from deepreview.model import Section

SECTION_TITLE: Final = "Unresolved Feedback"
EXCERPT_CHARS: Final = 160
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>()#+!|~])")
_MENTION = re.compile(r"([@#])(?=[\w-])")
_ZWSP: Final = "\u200b"


def thread_verdicts(
    threads: Sequence[ReviewThread], seat_reviews: Sequence[SeatReview]
) -> tuple[ThreadVerdict, ...]:
    """One `ThreadVerdict` per thread, from every seat that produced a review."""
    answers = [
        (sr.reviewer.credit, parse_thread_verdicts(sr.said))
        for sr in seat_reviews
        if sr.review is not None
    ]
    out = []
    for t in threads:
        seats = tuple(
            SeatThreadVerdict(seat=credit, verdict=got[t.ref][0], evidence=got[t.ref][1])
            for credit, got in answers
            if t.ref in got
        )
        words = {s.verdict for s in seats}
        # The least optimistic word: a thread only counts as addressed when no seat still
        # sees it open.
        chosen = min(words, key=PESSIMISM.index) if words else None
        out.append(ThreadVerdict(t, chosen, seats, disagreement=len(words) > 1))
    return tuple(out)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """One line of untrusted text, safe inline in Markdown: clipped, escaped, no pings."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return no_pings(_MD_SPECIAL.sub(r"\\\1", flat))


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _thread_cell(t: ReviewThread) -> str:
    ref = f"[{t.ref}]({t.url})" if t.url and t.url.startswith("https://") else t.ref
    where = f" {_code(t.location)}" if t.location else " (whole PR)"
    return ref + where + (" (outdated)" if t.outdated else "")


def _code(text: str) -> str:
    """A path as a code span; a backtick in a file name cannot end it early."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def no_pings(text: str) -> str:
    """Agent text as it is, with `@user` / `#123` broken so that posting it pings nobody."""
    return _MENTION.sub(lambda m: m.group(1) + _ZWSP, text)


def _author(login: str) -> str:
    # A login is [A-Za-z0-9-]; anything else is escaped like the excerpt.
    return excerpt(login, 40) if login else "ghost"


def feedback_section(verdicts: Sequence[ThreadVerdict]) -> Section:
    """The report's `## Unresolved Feedback` section (Markdown)."""
    n = len(verdicts)
    rows = [
        f"The PR had {n} unresolved review thread{'s' if n != 1 else ''} when this review "
        "started; each seat was asked whether the change addresses them.",
        "",
        "| Thread | Raised by | Excerpt | Concluded | Seats |",
        "|---|---|---|---|---|",
    ]
    for v in verdicts:
        t = v.thread
        word: str = v.verdict or "no answer"
        if v.disagreement:
            word += " (seats disagree)"
        seats = "; ".join(
            _cell(f"{s.seat}: {s.verdict}" + (f" — {no_pings(s.evidence)}" if s.evidence else ""))
            for s in v.seats
        )
        body = t.comments[0].body if t.comments else ""
        more = len(t.comments) - 1
        replies = f" (+{more} repl{'ies' if more != 1 else 'y'})" if more > 0 else ""
        rows.append(
            f"| {_thread_cell(t)} | {_author(t.author)} | {excerpt(body)}{replies} "
            f"| **{word}** | {seats or '—'} |"
        )
    return Section(title=SECTION_TITLE, body="\n".join(rows))


__all__ = ["SECTION_TITLE", "excerpt", "feedback_section", "no_pings", "thread_verdicts"]
