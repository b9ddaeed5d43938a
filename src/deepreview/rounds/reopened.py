"""Declines the previous round weighed and still showed an open finding for: its code changed
and a seat raised it (`(declined, code changed)`), or it was raised within a finding still
open. That finding is an open finding of the previous round like any other: this round carries
it and reads the seats' verdicts on it (they were asked about it), rather than putting it back
among the declined ones because nobody raised it a second time."""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.model import Report
from deepreview.store.declines import Decline


def kept_open(previous: Report, declines: Sequence[Decline]) -> list[Decline]:
    """The `declines` whose finding `previous` (the previous round's report) kept open."""
    info = previous.round_info
    if info is None:
        return []
    open_again = {(e.prior_id, e.declined_round) for e in info.declined if e.reopened or e.within}
    return [d for d in declines if (d.finding_id, d.round) in open_again]
