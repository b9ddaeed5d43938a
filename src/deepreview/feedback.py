"""Unresolved review threads of a pull request and what the seats concluded about each.

Domain values only (frozen dataclasses): `github/threads.py` fetches and validates them, the
run folder keeps them (`threads.json`), `prompts/feedback.py` shows them to the seats as data,
`findings/thread_verdicts.py` reads the seats' answers and `report.unresolved_feedback` carries
the result. Thread bodies and logins are written by PR participants: untrusted text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

ThreadWord = Literal["addressed", "not addressed", "unclear"]
THREAD_WORDS: Final[tuple[str, ...]] = get_args(ThreadWord)
# The section a seat answers in (the prompt asks for it, the parser reads it).
VERDICTS_HEADING: Final = "Unresolved Feedback Verdicts"


@dataclass(frozen=True)
class ThreadComment:
    author: str  # GitHub login ("" for a deleted account)
    body: str  # Markdown, untrusted
    url: str | None = None
    created_at: str = ""


@dataclass(frozen=True)
class ReviewThread:
    """One unresolved review thread, with the reference (`T1`, `T2`, ...) the seats use."""

    ref: str
    path: str | None = None
    line: int | None = None  # on the PR's current diff; None once the thread is outdated
    original_line: int | None = None  # where it was left
    outdated: bool = False
    comments: tuple[ThreadComment, ...] = ()

    @property
    def author(self) -> str:
        return self.comments[0].author if self.comments else ""

    @property
    def url(self) -> str | None:
        return self.comments[0].url if self.comments else None

    @property
    def location(self) -> str:
        """`path:line` (the original line of an outdated thread), `path`, or ""."""
        line = self.line if self.line is not None else self.original_line
        if not self.path:
            return ""
        return f"{self.path}:{line}" if line is not None else self.path


@dataclass(frozen=True)
class FetchedThreads:
    """What a review fetched (or why it did not): stored as the run folder's `threads.json` so
    `resume` and `relead` use the same threads and references."""

    threads: tuple[ReviewThread, ...] = ()
    note: str = ""  # "unresolved threads not fetched: ..." when the fetch failed or was skipped
    schema_version: int = 1


@dataclass(frozen=True)
class SeatThreadVerdict:
    """One seat's word on one thread."""

    seat: str  # reviewer credit ("Claude Opus 4.6")
    verdict: ThreadWord
    evidence: str = ""  # Markdown: file:line and why


@dataclass(frozen=True)
class ThreadVerdict:
    """A thread and what the panel concluded: the least optimistic word any seat gave."""

    thread: ReviewThread
    verdict: ThreadWord | None = None  # None: no seat answered for it
    seats: tuple[SeatThreadVerdict, ...] = ()
    disagreement: bool = False


__all__ = [
    "THREAD_WORDS",
    "VERDICTS_HEADING",
    "FetchedThreads",
    "ReviewThread",
    "SeatThreadVerdict",
    "ThreadComment",
    "ThreadVerdict",
    "ThreadWord",
]
