"""Which of a round N >= 2's findings raise an earlier round's finding again: a previous round's
open finding (by title or fingerprint, else worded its own way at its lines: `raised_again`),
one an earlier round closed or its lead dropped (`raises_earlier`, `dropped_raised_alike`), and
which decline each prior finding is (`declines_of_prior`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from deepreview.model import Finding, FixVerdictWord
from deepreview.rounds.alike import alike_pairs
from deepreview.rounds.earlier import EarlierFinding
from deepreview.rounds.matching import declines_of, elsewhere_than, raises, raising
from deepreview.rounds.verdicts import is_open
from deepreview.store.declines import Decline


def declines_of_prior(
    prior: Sequence[Finding],
    declines: Sequence[Decline],
    carried: Mapping[str, Collection[tuple[int, str]]],
) -> dict[str, Decline]:
    """By prior ID, the decline each prior finding is (`declines_of`: by title or
    fingerprint), and for a decline that takes none so, the prior finding that carries the
    (round, ID) it declined: declined by the ID an earlier report gave it."""
    out = declines_of(prior, declines)
    used = set(out.values())
    for d in declines:
        if d in used:
            continue
        key = (d.round, d.finding_id)
        p = next((p for p in prior if p.id not in out and key in carried.get(p.id, ())), None)
        if p is not None:
            out[p.id] = d
            used.add(d)
    return out


def raised_again(
    prior: Sequence[Finding],
    findings: Sequence[Finding],
    judged: dict[str, tuple[FixVerdictWord | None, bool]],
    all_prior: Sequence[Finding],
    exact: set[str],
) -> dict[str, str]:
    """Prior ID -> the ID of this round's finding that raises it again: by title or
    fingerprint (`raising`), else worded its own way at its lines, the one finding the
    consolidation would make of the two (`alike_pairs`, best pairs first: the finding
    most like each prior, not the first that links). Not in other words for a finding the
    seats called closed: a new problem there is new. Nor with a finding of `exact` (IDs):
    one that is by its title an earlier round's closed or dropped finding, or a declined
    one — what it names outright outweighs a likeness (two problems of one line look alike:
    a reintroduced bug was taken as the open finding beside it, whose title then vanished)."""
    out: dict[str, str] = {}
    for p in prior:
        if (match := raising(p, findings, set(out.values()))) is not None:
            out[p.id] = match.id
    unmatched = [
        p for p in prior if p.id not in out and ((v := judged[p.id][0]) is None or is_open(v))
    ]
    alike = alike_pairs(unmatched, findings, set(out.values()) | exact, all_prior)
    out.update((unmatched[i].id, f.id) for i, f in alike.items())
    return out


def raises_earlier(f: Finding, e: EarlierFinding) -> bool:
    """This round's `f` raises again what an earlier round closed or its lead dropped: by title
    or fingerprint (`raises`), unless at other code of its file (`elsewhere_than`, its lines
    where they are now): `ratio`'s zero divisor far below `div`'s fixed one is new (tr65)."""
    return raises(f, e.finding) and not elsewhere_than(f, e.finding, e.said)


def dropped_raised_alike(
    findings: Sequence[Finding],
    carried_ids: set[str],
    earlier_found: Sequence[EarlierFinding],
    prior: Sequence[Finding],
) -> dict[str, EarlierFinding]:
    """This round's findings (by ID) that raise again, worded their own way, a claim an earlier
    round's lead dropped: the one finding the consolidation would make of the two (as for a
    previous round's open finding, `alike_raising`). The lead's judgment of the claim stands
    whatever title the seat gives it now; a "new" Critical would bring back a false positive.
    Closed findings are not matched so: a new problem at a fixed line is new."""
    fresh = [
        f
        for f in findings
        if f.id not in carried_ids
        and f.carry_forward is None
        and not any(raises_earlier(f, e) for e in earlier_found)
    ]
    everything = (*prior, *(e.finding for e in earlier_found))
    dropped = [e for e in earlier_found if e.reported is None and e.seat]  # the seat's whole text
    pairs = alike_pairs([e.finding for e in dropped], fresh, set(), everything)
    return {f.id: dropped[i] for i, f in pairs.items()}
