"""The lead step: an agent verifies the consolidated clusters and writes the judgment."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview.model import LeadInfo, Report
from deepreview.store.redact import Redactor

if TYPE_CHECKING:
    from deepreview.consolidate import SeatReview
    from deepreview.pipeline.review import Prepared, _StateWriter


def run_lead(
    p: Prepared,
    rid: str,
    review_dir: Path,
    report: Report,
    seat_reviews: list[SeatReview],
    writer: _StateWriter,
    redactor: Redactor,
) -> Report:
    if p.lead == "none":
        return dataclasses.replace(
            report, lead=LeadInfo(seat="none", status="none", note="Consolidated without a lead.")
        )
    return dataclasses.replace(
        report,
        lead=LeadInfo(seat=p.lead, status="none", note="Consolidated without a lead."),
    )
