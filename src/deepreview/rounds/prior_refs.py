"""What became of a prior finding a seat named (`consolidate.prior_refs` wrote its reference
as `round 1's I2`, or the seat did: "I2 of round 1"): `round 1's I2 (now I3)` when this round's
report carries it as I3, else its status (`round 1's I1 (fixed)`, `I2 of round 1 (fixed)`),
so a reader follows the seat's words to the right finding."""

from __future__ import annotations

import dataclasses
import re

from deepreview.model import Assessment, Report, RoundInfo


def followed(report: Report, info: RoundInfo) -> Report:
    fates = {
        v.prior_id: f"now {v.carried_as}" if v.carried_as else v.status for v in info.fix_verdicts
    }
    if not fates:
        return report
    # "round 1's I2", or the seat's own "I2 of round 1" (`consolidate.prior_refs` leaves it)
    ref = re.compile(
        rf"\bround {info.previous}'s ([CIS]\d+)\b(?! \()"
        rf"|(?<![\w#/.:-])([CIS]\d+) (?i:of|from|in) (?i:round) {info.previous}\b(?! \()"
    )

    def text(t: str) -> str:
        def one(m: re.Match[str]) -> str:
            fate = fates.get(m.group(1) or m.group(2))
            return f"{m.group(0)} ({fate})" if fate else m.group(0)

        return ref.sub(one, t)

    def assessment(a: Assessment) -> Assessment:
        return dataclasses.replace(a, intro=text(a.intro), items=tuple(text(i) for i in a.items))

    return dataclasses.replace(
        report,
        findings=tuple(
            dataclasses.replace(f, body=text(f.body), fix=text(f.fix)) for f in report.findings
        ),
        design_observations=tuple(
            dataclasses.replace(o, text=text(o.text)) for o in report.design_observations
        ),
        testing=assessment(report.testing),
        documentation=assessment(report.documentation),
        limitations=text(report.limitations),
    )
