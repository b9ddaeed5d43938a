"""A later round's changes to the retro of its report (`retro`), made once the round knows what
earlier rounds reported (`rounds.apply`).

A finding only this seat raised that an earlier round had already reported (the round's
matching, `rounds.matching`) is no unique insight: `with_earlier_rounds` names it apart,
`S1 (sub); re-raised from round 1: I1 (shout)`, as a confirmation. A seat that failed in the
round, whose earlier findings are carried under its name, says so (`with_carried`). A finding
the round leaves out (declined), or one an earlier lead judged false, is no finding this seat
missed (`without_left_out`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping, Sequence

from deepreview.consolidate.retro import FOUND_BY_OTHERS, KEPT_PART, only_found
from deepreview.consolidate.retro_lists import finding_labels, listed
from deepreview.findings.ids import expand_id_range, id_runs
from deepreview.findings.report_retro import RERAISED
from deepreview.model import Finding
from deepreview.retromodel import SeatRetro


def with_earlier_rounds(
    seat: SeatRetro, findings: Sequence[Finding], earlier: Mapping[str, tuple[int, str]]
) -> SeatRetro:
    """`seat` in a later round: of the findings only it raised, those an earlier round had
    reported (`earlier`: consolidated ID -> (that round, the finding's ID there)) are
    re-raised, a confirmation and no unique insight. `findings`: the report's findings before
    the round changed them (one declined earlier, and left out now, still has its title)."""
    sole = not seat.unique_ids and bool(seat.sole_ids)  # no other review: no unique insight
    ids = seat.sole_ids if sole else seat.unique_ids
    again = [i for i in ids if i in earlier]
    if seat.numbers is None or not again:
        return seat
    new = [i for i in ids if i not in earlier]
    titles = finding_labels(findings)  # as `seat_retro` wrote them

    def label(i: str, then: str = "") -> str:
        inner = "; ".join(filter(None, (titles.get(i, ""), then)))
        return f"{i} ({inner})" if inner else i

    fresh = listed(new, label)
    rounds = sorted({earlier[i][0] for i in again})
    by_round = [f"{r}: " + listed([i for i in again if earlier[i][0] == r], label) for r in rounds]
    # `S1 (sub); re-raised from round 1: I1 (shout)`: the marker is where the parser cuts
    head = seat.cell("Unique insights") if sole else fresh or "0"
    cell = f"{head}; {RERAISED} " + "; from round ".join(by_round)
    cells = tuple((row, cell if row == "Unique insights" else v) for row, v in seat.cells)
    where = f"round {rounds[0]}" if len(rounds) == 1 else "earlier rounds"
    items = listed(again, lambda i: label(i, f"Round {earlier[i][0]} {earlier[i][1]}"))
    one = len(again) == 1
    told = (
        f"{seat.name} alone raised again what {where} reported: {items} — "
        f"{'a confirmation' if one else 'confirmations'}, not counted as "
        f"{'a unique insight' if one else 'unique insights'}."
    )
    before = only_found(seat.name, listed(seat.unique_ids, label))
    if before and before in seat.narrative:  # our own sentence: said again, truly
        narrative = seat.narrative.replace(before, f"{only_found(seat.name, fresh)} {told}", 1)
    else:  # the lead's own words: the fact is added
        narrative = f"{seat.narrative.rstrip()}\n\n{told}".lstrip()
    return dataclasses.replace(
        seat,
        narrative=narrative,
        cells=cells,
        numbers=dataclasses.replace(
            seat.numbers, unique_insights=0 if sole else len(new), reraised=len(again)
        ),
        unique_ids=() if sole else tuple(new),
        reraised_ids=tuple(again),
        sole_ids=tuple(new) if sole else (),
    )


def with_carried(seat: SeatRetro, ids: Sequence[str], previous: int) -> SeatRetro:
    """A seat that failed in a later round, whose findings from round `previous` are carried
    into the report under its name (`ids`): its retro says they are there, and whose they are."""
    if not ids:
        return seat
    tags = (
        "its tag says what became of it" if len(ids) == 1 else "their tags say what became of them"
    )
    told = (
        f"Still open from round {previous} and carried into this report under its name: "
        f"{', '.join(ids)} ({tags})."
    )
    head, sep, rest = seat.narrative.partition("\n\n")
    return dataclasses.replace(seat, narrative=f"{head} {told}{sep}{rest}")


# One item of the sentence as `listed` wrote it: `I2 (Alpha, Gamma)`, or an ID or a range alone.
_ITEM = re.compile(r"([CIS]\d+(?:–[CIS]\d+)?)(?: \(([^()]*)\))?(?:, |$)")


def without_left_out(seat: SeatRetro, gone: Collection[str]) -> SeatRetro:
    """`seat` with the findings `gone` taken from its "Found by others but not by X" sentence:
    those the round left out (declined: its ID names no finding of this report) and those an
    earlier round's lead judged false that a seat raised again — neither is a miss. The sentence
    goes when it named only such findings."""
    if not gone:
        return seat
    head = f"{FOUND_BY_OTHERS} {seat.name}"
    found = re.compile(rf"({re.escape(head)}(?:{re.escape(KEPT_PART)})?:) (.+?)\.(?=\s|$)( ?)")

    def rewrite(m: re.Match[str]) -> str:
        said, items = m.group(1), m.group(2)
        parsed = [(x.group(1), x.group(2)) for x in _ITEM.finditer(items)]
        if not parsed or "".join(x.group(0) for x in _ITEM.finditer(items)) != items:
            return m.group(0)  # not the sentence as `seat_retro` wrote it: left as it is
        named = [(i, who) for i, who in parsed if who is not None and i not in gone]
        bare = [i for run, who in parsed if who is None for i in expand_id_range(run) or [run]]
        rest = [*(f"{i} ({who})" for i, who in named), *id_runs([i for i in bare if i not in gone])]
        return f"{said} {', '.join(rest)}.{m.group(3)}" if rest else ""

    narrative = found.sub(rewrite, seat.narrative)
    if narrative == seat.narrative:
        return seat
    # a paragraph the sentence ended (or was) loses its trailing space (or goes)
    narrative = "\n\n".join(p.rstrip() for p in narrative.split("\n\n") if p.strip())
    return dataclasses.replace(seat, narrative=narrative)
