"""Every fingerprint a finding has had: a finding carried from round to round keeps its inline
comment, though its fingerprint (file, title, quoted code) changed on the way — its file was
renamed, or the line it quotes was edited. The carry chain is each round's fix verdicts
(`FixVerdict.prior_id` -> `carried_as`), followed back through the stored rounds.

Pure: `publisher` reads the rounds' reports from the store and passes them here.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.consolidate.fingerprint import known_fingerprints
from deepreview.model import Report

Fingerprints = dict[str, frozenset[str]]  # finding ID -> its fingerprints, this round's first


def lineage(rounds: Sequence[Report]) -> list[Fingerprints]:
    """For each of `rounds` (newest first, each the round the one before it compared with),
    each finding's fingerprints: its own, and those of the findings it carries from the rounds
    after it in `rounds`."""
    out: list[Fingerprints] = []
    older: Fingerprints = {}
    for report in reversed(rounds):
        carried: dict[str, set[str]] = {}
        info = report.round_info
        for fv in info.fix_verdicts if info is not None else ():
            if fv.carried_as:
                carried.setdefault(fv.carried_as, set()).update(older.get(fv.prior_id, ()))
        own = known_fingerprints(report.findings)
        older = {f.id: own[f.id] | carried.get(f.id, set()) for f in report.findings}
        out.append(older)
    out.reverse()
    return out


__all__ = ["Fingerprints", "lineage"]
