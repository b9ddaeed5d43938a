"""`deep-review consolidate REVIEW.md...`: consolidate review files offline, without a lead.

The only module of the package that reads files; `consolidate_reviews` and everything it
calls is pure (the benchmarks call it on the appendices of real reports).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepreview.consolidate.build import build_report
from deepreview.consolidate.inputs import (
    SeatReview,
    display_name,
    is_model_backed,
    seat_from_filename,
)
from deepreview.errors import UsageError
from deepreview.findings.parse import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.model import Header, LeadInfo, Report, Reviewer
from deepreview.runmodel import SeatRun

_REVIEW_ID = re.compile(r"^\d{8}-\d{6}-.+$")


def consolidate_files(
    paths: Sequence[Path],
    *,
    seats: Sequence[str] | None = None,
    changed_files: Sequence[str] | None = None,
    read: Callable[[Path], str] | None = None,
) -> Report:
    """Parse each review file as one seat's review and consolidate them deterministically.

    Seat names come from `seats` (one per file, in order) or from the file names
    (`review-claude-pass-1.md` → claude; otherwise the file's stem). `read` is how a file
    becomes text (the CLI's: as `parse` reads one); default UTF-8, a bad byte replaced.
    """
    if not paths:
        raise UsageError("no review files given; pass one or more REVIEW.md files")
    if seats is not None and len(seats) != len(paths):
        raise UsageError(
            f"{len(seats)} --seat name{'' if len(seats) == 1 else 's'} for {len(paths)} review "
            f"file{'' if len(paths) == 1 else 's'}; give one --seat per file or none"
        )
    texts: list[ReviewText] = []
    seen: dict[str, Path] = {}
    for n, path in enumerate(paths):
        stem_seat, pass_no = seat_from_filename(path.stem)
        seat = (seats[n] if seats is not None else stem_seat).strip()
        if not seat:
            raise UsageError(f"empty seat name for {path}; pass a name with --seat")
        if seat in seen:
            how = "give each file its own --seat" if seats is not None else "name them with --seat"
            raise UsageError(f"{seen[seat]} and {path} are both seat {seat!r}; {how}")
        seen[seat] = path
        texts.append(ReviewText(seat, (read or _read_utf8)(path), pass_no))
    parent = paths[0].resolve().parent.name
    return consolidate_reviews(
        texts,
        review_id=parent if _REVIEW_ID.match(parent) else "consolidated",
        changed_files=changed_files,
    )


def _read_utf8(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(
            f"cannot read review file {path}: {exc.strerror or exc}; check the path"
        ) from exc


@dataclass(frozen=True)
class ReviewText:
    """One seat's review as text: what `deep-review consolidate` reads from a file."""

    seat: str
    text: str
    pass_no: int = 1
    name: str | None = None  # the heading name; default: the seat's display name


def consolidate_reviews(
    reviews: Sequence[ReviewText],
    *,
    review_id: str = "consolidated",
    changed_files: Sequence[str] | None = None,
) -> Report:
    """Parse each text as one seat's review and consolidate them without a lead (pure).

    A text that is no review (empty, `LGTM`, an error message) is a failed seat, as in
    `deep-review review`: it must not read as a reviewer who found nothing."""
    seat_reviews = []
    for r in reviews:
        parsed = parse_review(
            r.text, seat=r.seat, pass_no=r.pass_no, known_files=changed_files or ()
        )
        failure = unparseable_reason(parsed)
        seat_reviews.append(
            SeatReview(
                Reviewer(r.seat, r.name or display_name(r.seat)),
                None if failure else parsed,
                SeatRun(r.seat, "failed", reason=failure) if failure else None,
                model_backed=is_model_backed(r.seat),
                # what it said is shown in the appendix as a failed seat's output, as in `review`
                output=r.text if failure else "",
                output_pass=r.pass_no,
            )
        )
    return build_report(
        Header(review_id=review_id),
        seat_reviews,
        changed_files=tuple(changed_files or ()),
        lead=LeadInfo(seat="none", status="none", note="Consolidated without a lead"),
    )
