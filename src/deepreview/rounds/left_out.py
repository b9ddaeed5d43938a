"""Findings a round leaves out (declined, and not raised again on changed code): the lead wrote
its summary, verdict and decisions before they were left out, naming them by report IDs (`S1
downgraded.`) that the report no longer has. Such an ID is said in words instead, and no
Reconciliation entry links to it.

A seat's own ID (`Alpha I1`) is the seat's, not the report's: it is left as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Final

from deepreview.findings.finding_draft import one_line
from deepreview.model import Finding, Report
from deepreview.retromodel import ReconciliationEntry

_ID: Final = re.compile(r"(?<![\w`#/.-])([CIS]\d+)(?![\w-])")
# `round 1's I1`, `Round 1 I2`: an earlier round's ID, not this report's.
_PRIOR_ROUND: Final = re.compile(r"\bround \d+(?:'s|’s)? $", re.IGNORECASE)


def unname(text: str, gone: Mapping[str, str], seat_names: Sequence[str]) -> str:
    """`text` with each ID of `gone` (ID -> title) said as the declined finding it was."""
    if not gone or not text:
        return text

    def sub(m: re.Match[str]) -> str:
        fid = m.group(1)
        before = text[: m.start()]
        if fid not in gone or any(before.endswith(f"{n} ") for n in seat_names):
            return m.group(0)
        if _PRIOR_ROUND.search(before[-24:]):
            return m.group(0)
        return f"the declined finding “{one_line(gone[fid].replace('`', ''), 48)}”"

    return _ID.sub(sub, text)


def name_left_out(report: Report, left_out: Sequence[Finding]) -> Report:
    """`report` with what it says about `left_out` findings in words, not their IDs."""
    gone = {f.id: f.title for f in left_out if f.id}
    if not gone:
        return report
    seats = sorted(
        {n for s in report.retro.seats for n in (s.name, s.column) if n}
        | {r.credit for r in report.header.reviewers}
        | {r.name for r in report.header.reviewers},
        key=len,
        reverse=True,
    )

    def said(text: str) -> str:
        return unname(text, gone, seats)

    entries = tuple(
        ReconciliationEntry(e.kind, said(e.text), tuple(i for i in e.finding_ids if i not in gone))
        for e in report.retro.reconciliation
    )
    verdict = report.header.verdict
    return dataclasses.replace(
        report,
        executive_summary=said(report.executive_summary),
        header=dataclasses.replace(
            report.header, verdict=dataclasses.replace(verdict, reason=said(verdict.reason))
        ),
        retro=dataclasses.replace(report.retro, reconciliation=entries),
    )


__all__ = ["name_left_out", "unname"]
