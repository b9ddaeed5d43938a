"""What consolidation starts from: one `SeatReview` per seat, in the order the seats ran."""

from __future__ import annotations

from dataclasses import dataclass

from deepreview.agents.registry import BUILTINS, display_name, get_agent
from deepreview.model import AgentReview, Reviewer
from deepreview.runfiles import seat_from_review_stem
from deepreview.runmodel import SeatRun
from deepreview.untrusted_text import clean_strings, clean_text


@dataclass(frozen=True)
class SeatReview:
    reviewer: Reviewer
    review: AgentReview | None  # None when the seat failed
    run: SeatRun | None = None
    # False for analyzers (the static seat): a model seat's explanation and fix read better than
    # an analyzer's generic message, so a merged finding prefers the model seat's text.
    model_backed: bool = True
    # A failed seat's text that is no review (a command seat's output, a file given to offline
    # `consolidate`): shown in the appendix as its output, marked failed, so what it said is not
    # lost (`build.failed_output_entry`, whichever way the report is made). Its pass: the
    # entry's heading.
    output: str = ""
    output_pass: int = 1
    # The texts of the seat's later passes (`--passes`), in order: each was asked for the fix
    # and thread verdicts again, and its word counts as a later line of the seat's own.
    later_texts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A seat's text enters the report here, whichever way it was read (parsed Markdown,
        # structured JSON, the static seat, `finish --from`, offline `consolidate`): its NULs
        # and terminal escapes go now, so that no renderer has to know about them.
        if self.review is not None:
            object.__setattr__(self, "review", clean_strings(self.review))
        if self.output:
            object.__setattr__(self, "output", clean_text(self.output))
        if self.later_texts:
            object.__setattr__(self, "later_texts", tuple(map(clean_text, self.later_texts)))

    @property
    def said(self) -> str:
        """Everything the seat wrote, pass 1's review first: where its verdicts on earlier
        findings and PR threads are read ("" when it failed)."""
        if self.review is None:
            return ""
        return "\n\n".join((self.review.raw, *self.later_texts))

    @property
    def seat(self) -> str:
        return self.reviewer.seat

    @property
    def failed(self) -> bool:
        return self.review is None

    @property
    def failure(self) -> str:
        """Why the seat has no review: the run's reason, else its status, else a plain fact."""
        run = self.run
        if run is not None and run.reason:
            return run.reason
        if run is not None and run.status not in ("ok", "failed"):
            return {"timeout": "timed out", "interrupted": "interrupted", "skipped": "skipped"}.get(
                run.status, run.status
            )
        return "no review was produced"


def is_model_backed(seat: str) -> bool:
    """Whether a seat's review is a model's reading of the change.

    Built-in analyzers (static) are not; `command` seats run an unknown program and are taken
    as reviewers, like any plugin.
    """
    return seat not in BUILTINS or seat == "command" or get_agent(seat).model_backed


def seat_from_filename(stem: str) -> tuple[str, int]:
    """`review-claude-pass-1` → ("claude", 1); any other stem is the seat name, pass 1."""
    return seat_from_review_stem(stem)


__all__ = ["SeatReview", "display_name", "seat_from_filename"]
