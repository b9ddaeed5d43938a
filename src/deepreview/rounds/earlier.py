"""Findings earlier rounds knew but did not leave open: those a round closed (found fixed, no
longer applying, or closed without a verdict) and those its lead dropped. A seat raising one
again this round raises no new finding, however many rounds back it was closed or dropped: its
tag says what became of it before.

Read from each earlier round's report alone (its Fix Verdicts, its Reconciliation's drops and
its appendix, the seats' own reviews): pure functions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from deepreview.findings.parse import parse_review
from deepreview.model import Finding, Location, Report
from deepreview.rounds.renames import follow_finding


@dataclass(frozen=True)
class EarlierFinding:
    finding: Finding  # enough of it to match: its file and title (a closed one has no body)
    what: str  # "fixed in round 2", "dropped by the lead in round 1": the summary's words
    tag: str  # "Round 1 I1, fixed in round 2, raised again"
    # (round, its ID there) when that round's report listed it: raising it again confirms that
    # round, no unique insight. None for one its lead dropped: no round reported it (`stats`).
    reported: tuple[int, str] | None = None
    seat: str = ""  # for one its lead dropped: the seat that raised it ("Charlie")
    label: str = ""  # the ID it had where it was raised: "Round 1 I3", "Round 1 Charlie C1"


def earlier_findings(report: Report, number: int) -> tuple[EarlierFinding, ...]:
    """What round `number` (whose report is `report`) closed or dropped."""
    return (*_closed(report, number), *lead_dropped(report, number))


def series_earlier_findings(
    rounds: Sequence[tuple[int, Report, Mapping[str, str]]],
) -> tuple[EarlierFinding, ...]:
    """What the rounds (number, report, the files renamed since it), newest first, closed or
    dropped, newest first, each at its file's path now (`rounds.renames`, as the previous
    round's open findings): a finding closed in round 2, raised again in round 3 and fixed in
    round 4 was last fixed in round 4, and the first match says so."""
    return tuple(
        dataclasses.replace(e, finding=follow_finding(e.finding, moves))
        for number, report, moves in rounds
        for e in earlier_findings(report, number)
    )


def _closed(report: Report, number: int) -> Iterator[EarlierFinding]:
    info = report.round_info
    if info is None:
        return
    for fv in info.fix_verdicts:
        if fv.carried_as:
            continue
        path = fv.location.rsplit(":", 1)[0] if re.search(r":\d", fv.location) else fv.location
        stub = Finding(
            id=fv.prior_id,
            severity=fv.severity,
            title=fv.title,
            locations=(Location(path),) if path else (),
        )
        if fv.dropped_by_lead:
            what = f"dropped by the lead in round {number}"
        else:
            what = f"{'fixed' if fv.verdict == 'fixed' else 'closed'} in round {number}"
        label = f"Round {info.previous} {fv.prior_id}"
        yield EarlierFinding(
            stub, what, f"{label}, {what}, raised again", (info.previous, fv.prior_id), label=label
        )


# `Dropped Charlie C1, Bravo I2 (title) as a false positive: reason` (consolidate.decisions)
_DROP = re.compile(r"^Dropped (?P<who>.+?) \(")


def lead_dropped(report: Report, number: int) -> Iterator[EarlierFinding]:
    """The seats' findings that the lead of round `number` dropped (`report` is its report):
    `rounds.apply` reads this round's own, to close a previous finding a seat raised again."""
    labels = {
        label.strip()
        for e in report.retro.reconciliation
        if e.kind == "drop" and (m := _DROP.match(e.text))
        for label in m.group("who").split(",")
    }
    if not labels:
        return
    for entry in report.appendix:
        for f in parse_review(entry.text, seat=entry.name.lower()).findings:
            label = f"{entry.name} {f.id}"
            if label in labels:
                yield EarlierFinding(
                    f,
                    f"dropped by the lead in round {number}",
                    f"Round {number} {label}, dropped by the lead, raised again",
                    seat=entry.name,
                    label=f"Round {number} {label}",
                )


__all__ = ["EarlierFinding", "earlier_findings", "lead_dropped", "series_earlier_findings"]
