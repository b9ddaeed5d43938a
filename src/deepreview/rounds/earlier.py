"""Findings earlier rounds knew but did not leave open: those a round closed (found fixed, no
longer applying, or closed without a verdict) and those its lead dropped; and those a decline
kept out whose decline was removed since (`undeclined_findings`). A seat raising one
again this round raises no new finding, however many rounds back it was closed or dropped: its
tag says what became of it before.

Read from each earlier round's report alone (its Fix Verdicts, its Reconciliation's drops and
its appendix, the seats' own reviews): pure functions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from deepreview.findings.parse import parse_review
from deepreview.model import SEVERITIES, Finding, Location, Report, Severity
from deepreview.rounds.line_map import Hunk, follow_lines
from deepreview.rounds.renames import follow_finding

# One earlier round: its number, its report, the files renamed since its SHA (old path -> new)
# and their line hunks since it, None when that SHA is gone (`previous.earlier_rounds`).
EarlierRound = tuple[int, Report, Mapping[str, str], Mapping[str, Sequence[Hunk]] | None]


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
    # What it said when it was reported (a closed one's stub has no body): the code it names
    # tells a re-raise far from its lines from another problem under its title
    # (`matching.elsewhere_than`).
    said: str = ""


def earlier_findings(
    report: Report, number: int, reported: Mapping[tuple[int, str], Finding] | None = None
) -> tuple[EarlierFinding, ...]:
    """What round `number` (whose report is `report`) closed or dropped. `reported`: the
    findings of the rounds before it, by (round, ID), when their reports were read."""
    return (*_closed(report, number, reported or {}), *lead_dropped(report, number))


def series_earlier_findings(rounds: Sequence[EarlierRound]) -> tuple[EarlierFinding, ...]:
    """What the `rounds`, newest first, closed or dropped, newest first, each at its file's
    path and its lines now (`rounds.renames`, `rounds.line_map`, as the previous round's open
    findings; no lines when its round's SHA is gone: they could be any code now): a finding
    closed in round 2, raised again in round 3 and fixed in round 4 was last fixed in round 4,
    and the first match says so."""
    reported = {(number, f.id): f for number, report, _, _ in rounds for f in report.findings}
    return tuple(
        dataclasses.replace(e, finding=_placed(follow_finding(e.finding, moves), hunks))
        for number, report, moves, hunks in rounds
        for e in earlier_findings(report, number, reported)
    )


def _placed(f: Finding, hunks: Mapping[str, Sequence[Hunk]] | None) -> Finding:
    if hunks is not None:
        return follow_lines(f, hunks)
    return dataclasses.replace(f, locations=tuple(Location(loc.path) for loc in f.locations))


def undeclined_findings(
    rounds: Sequence[EarlierRound],
    declined_now: Collection[tuple[int, str]],
) -> tuple[EarlierFinding, ...]:
    """The findings the rounds (as `series_earlier_findings` takes them) kept out as declined
    whose decline is gone now (`undecline`; `declined_now`: each decline still in force, as
    (its round, its finding's ID there)). Raised again, such a finding is the round's that
    reported it, no new one: `Round 1 I1, declined then undeclined, raised again`."""
    out: dict[tuple[int, str], EarlierFinding] = {}
    for _number, report, moves, _hunks in rounds:
        info = report.round_info
        for d in info.declined if info is not None else ():
            key = (d.declined_round, d.prior_id)
            if key in declined_now or key in out:
                continue
            path = _path_of(d.location)
            stub = Finding(
                id=d.prior_id,
                severity=_severity_of(d.prior_id),
                title=d.title,
                locations=(Location(path),) if path else (),
            )
            label = f"Round {d.declined_round} {d.prior_id}"
            what = "declined then undeclined"
            out[key] = EarlierFinding(
                follow_finding(stub, moves),
                what,
                f"{label}, {what}, raised again",
                key,
                label=label,
            )
    return tuple(out.values())


def _path_of(location: str) -> str:
    return location.rsplit(":", 1)[0] if re.search(r":\d", location) else location


_LINES = re.compile(r"^(?P<path>.+):(?P<start>\d+)(?:-(?P<end>\d+))?$")


def _location(location: str) -> tuple[Location, ...]:
    """`calc.py:3-5` (a Fix Verdicts row's place) as a location; none for no place."""
    if m := _LINES.match(location):
        end = int(m.group("end")) if m.group("end") else None
        return (Location(m.group("path"), int(m.group("start")), end),)
    return (Location(location),) if location else ()


def _severity_of(finding_id: str) -> Severity:
    """A report ID's severity (`I3`: important): the class a raised-again finding is matched in."""
    letter = finding_id[:1].upper()
    return next((s for s in SEVERITIES if s.letter == letter), Severity.IMPORTANT)


def _closed(
    report: Report, number: int, reported: Mapping[tuple[int, str], Finding]
) -> Iterator[EarlierFinding]:
    info = report.round_info
    if info is None:
        return
    for fv in info.fix_verdicts:
        if fv.carried_as:
            continue
        # With the seats' own findings merged into it, as the round that reported it has them:
        # a seat raising it again under the title it gave it then raises it (`matching.raises`),
        # though the report titled it by another seat's words.
        before = reported.get((info.previous, fv.prior_id))
        same = before is not None and before.title == fv.title
        stub = Finding(
            id=fv.prior_id,
            severity=fv.severity,
            title=fv.title,
            # its lines in this round's commit, as its verdict named them
            locations=_location(fv.location),
            sources=before.sources if before is not None and same else (),
        )
        if fv.dropped_by_lead:
            what = f"dropped by the lead in round {number}"
        else:
            what = f"{'fixed' if fv.verdict == 'fixed' else 'closed'} in round {number}"
        label = f"Round {info.previous} {fv.prior_id}"
        yield EarlierFinding(
            stub,
            what,
            f"{label}, {what}, raised again",
            (info.previous, fv.prior_id),
            label=label,
            said=before.body if before is not None and same else "",
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


def carried_from(
    rounds: Sequence[EarlierRound],
) -> dict[str, frozenset[tuple[int, str]]]:
    """For each finding of the newest of `rounds` (as `series_earlier_findings` takes them),
    the (round, ID) it had in each earlier round it was carried from, along the Fix Verdicts
    (`prior_id` -> `carried_as`): round 2 carrying round 1's I3 as its I2 under a seat's new
    title is still round 1's I3, whatever title it has now (a decline of `I3` names it)."""
    older: dict[str, frozenset[tuple[int, str]]] = {}
    for _number, report, _moves, _hunks in reversed(rounds):
        info = report.round_info
        carried: dict[str, set[tuple[int, str]]] = {}
        for fv in info.fix_verdicts if info is not None else ():
            if info is not None and fv.carried_as:
                was = carried.setdefault(fv.carried_as, set())
                was.add((info.previous, fv.prior_id))
                was.update(older.get(fv.prior_id, ()))
        older = {f.id: frozenset(carried.get(f.id, ())) for f in report.findings}
    return older


__all__ = [
    "EarlierFinding",
    "carried_from",
    "earlier_findings",
    "lead_dropped",
    "series_earlier_findings",
    "undeclined_findings",
]
