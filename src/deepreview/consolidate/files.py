"""`deep-review consolidate REVIEW.md...`: consolidate review files offline, without a lead.

The only module of the package that reads files; everything it calls is pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
from deepreview.model import Header, LeadInfo, Report, Reviewer

_REVIEW_ID = re.compile(r"^\d{8}-\d{6}-.+$")


def consolidate_files(
    paths: Sequence[Path],
    *,
    seats: Sequence[str] | None = None,
    changed_files: Sequence[str] | None = None,
) -> Report:
    """Parse each review file as one seat's review and consolidate them deterministically.

    Seat names come from `seats` (one per file, in order) or from the file names
    (`review-claude-pass-1.md` → claude; otherwise the file's stem).
    """
    if not paths:
        raise UsageError("no review files given; pass one or more REVIEW.md files")
    if seats is not None and len(seats) != len(paths):
        raise UsageError(
            f"{len(seats)} --seat names for {len(paths)} review files; give one --seat per file "
            "or none"
        )
    seat_reviews: list[SeatReview] = []
    seen: dict[str, Path] = {}
    for n, path in enumerate(paths):
        stem_seat, pass_no = seat_from_filename(path.stem)
        seat = (seats[n] if seats is not None else stem_seat).strip()
        if not seat:
            raise UsageError(f"empty seat name for {path}; pass a name with --seat")
        if seat in seen:
            raise UsageError(
                f"{seen[seat]} and {path} are both seat {seat!r}; name the seats with --seat"
            )
        seen[seat] = path
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise UsageError(
                f"cannot read review file {path}: {exc.strerror or exc}; check the path"
            ) from exc
        review = parse_review(text, seat=seat, pass_no=pass_no)
        seat_reviews.append(
            SeatReview(
                Reviewer(seat, display_name(seat)), review, None, model_backed=is_model_backed(seat)
            )
        )
    parent = paths[0].resolve().parent.name
    header = Header(review_id=parent if _REVIEW_ID.match(parent) else "consolidated")
    return build_report(
        header,
        seat_reviews,
        changed_files=tuple(changed_files or ()),
        lead=LeadInfo(seat="none", status="none", note="Consolidated without a lead"),
    )
