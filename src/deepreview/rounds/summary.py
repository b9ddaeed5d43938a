"""What a round N >= 2's report says in words: its verdict with the carried-forward findings
counted, its executive summary (what it holds: still open, new, reopened, raised again; what it
leaves out), and the declined findings listed under its limitations. `rounds.apply` decides
what the round holds; this module weighs it into a verdict and says it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from deepreview.consolidate.build import findings_clause, findings_count, verdict_sentence
from deepreview.consolidate.shortfalls import SeatOutcomes
from deepreview.consolidate.verdict import (
    OVERRIDDEN,
    STRICTNESS,
    decide,
    overridden_first,
    qualify,
)
from deepreview.model import DeclinedFinding, Finding, FixVerdict, Report, RoundInfo, Verdict
from deepreview.retromodel import ReconciliationEntry

REOPENED = "declined, code changed"  # the tag of a declined finding open again


def round_summary(
    report: Report,
    findings: tuple[Finding, ...],
    verdict: Verdict,
    info: RoundInfo,
    again: Mapping[str, str],
) -> str:
    """The deterministic summary (no lead) said again for the round: the report keeps prior
    findings still open and leaves out declined ones, and its verdict may change with them."""
    text = report.executive_summary
    if report.lead is not None and report.lead.status == "ok":
        # The lead's own words; what no seat said is added. The lead never saw the findings
        # still open from the previous round: a verdict they made stricter says so first.
        if _overruled(report.header.verdict, verdict):
            text = _overruled_first(text, report.header.verdict, verdict, info.previous)
        silent = _closed_silently(info)
        if not silent:
            return text
        return f"{text.rstrip()} Round {info.number}: {_silent_clause(silent, info.previous)}."
    text = text.replace(verdict_sentence(report.header.verdict), "").rstrip()
    # What the report holds, each finding counted once by its tag, then what it leaves out.
    tags = [f.carry_forward or "" for f in findings if f.id not in again]
    carried = sum(1 for t in tags if t.startswith("Round "))
    reopened = tags.count(REOPENED)
    new = len(tags) - carried - reopened
    quiet = sum(1 for d in info.declined if not d.reopened and not d.within)
    silent = _closed_silently(info)
    closed = _closed_clauses(info)
    if carried or quiet or silent or reopened or again or closed:
        text = text.replace(findings_clause(report.findings), "") if report.findings else text
        held = [
            f"{carried} still open from round {info.previous}{_unread_clause(tags, info)}"
            if carried
            else "",
            f"{new} new" if new else "",
            f"{reopened} declined in an earlier round, raised again on code changed since"
            if reopened
            else "",
            *(
                f"{n} {what}, raised again"
                for what in dict.fromkeys(again.values())
                for n in (sum(1 for w in again.values() if w == what),)
            ),
        ]
        left = [
            *closed,
            f"{quiet} declined in an earlier round left out" if quiet else "",
            _silent_clause(silent, info.previous) if silent else "",
        ]
        holds = f"{findings_count(findings)}" if findings else "no findings"
        why = "; ".join(filter(None, (_listed(held), _listed(left))))
        text += f" This round's report holds {holds}: {why}."
    return f"{text} {verdict_sentence(verdict)}".strip()


_JUDGED = re.compile(r"The lead judged \*(?P<label>[^*]+)\*")


def _overruled(old: Verdict, verdict: Verdict) -> bool:
    """Whether the round's verdict is stricter than the report's own (a lead's)."""
    return (
        old.label in STRICTNESS
        and verdict.label in STRICTNESS
        and STRICTNESS[verdict.label] > STRICTNESS[old.label]
    )


def _why(previous: int) -> str:
    return f"is milder than the findings still open from round {previous} allow"


def _overruled_first(summary: str, old: Verdict, verdict: Verdict, previous: int) -> str:
    """The lead's summary led by the paragraph saying its verdict was overridden (as
    `lead.apply` says it when the lead's own findings overrule it). When that paragraph is
    there already, it named a verdict the round has changed: it is said again, with the label
    the lead judged."""
    label = old.label
    if summary.startswith(OVERRIDDEN):
        head, _, rest = summary.partition("\n\n")
        label = m.group("label") if (m := _JUDGED.search(head)) else label
        summary = rest
    return overridden_first(summary, label, verdict, _why(previous))


def overruled_note(report: Report, verdict: Verdict, previous: int) -> ReconciliationEntry | None:
    """Reconciliation's record of a lead's verdict the round made stricter (None otherwise)."""
    old = report.header.verdict
    if report.lead is None or report.lead.status != "ok" or not _overruled(old, verdict):
        return None
    # after `lead.apply` overrode the lead already, the report's verdict is no longer the lead's
    whose = (
        "The verdict" if report.executive_summary.startswith(OVERRIDDEN) else "The lead's verdict"
    )
    return ReconciliationEntry(
        "note",
        f"{whose} ({old.label}: {old.reason}) {_why(previous)}; the verdict is "
        f"{verdict.label} ({verdict.reason}).",
    )


def _unread_clause(tags: Sequence[str], info: RoundInfo) -> str:
    """` (2 of them because ...)` when findings are open only because no seat's verdict on them
    could be read: the reader should look at the seats' words, not take them as judged open."""
    n = sum(1 for t in tags if t.startswith("Round ") and t.endswith(", verdict unreadable"))
    if not n:
        return ""
    carried = sum(1 for t in tags if t.startswith("Round "))
    head = "its verdict could not be read" if carried == 1 else f"{n} of them: no verdict read"
    return f" ({head}: see Round {info.number} Fix Verdicts)"


def _listed(parts: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c` of the parts that are not empty."""
    said = [p for p in parts if p]
    return " and ".join(filter(None, (", ".join(said[:-1]), said[-1]))) if said else ""


def _closed_clauses(info: RoundInfo) -> list[str]:
    """`1 from round 1 fixed and closed (round 1's I1)`: the progress the round is about. The
    IDs are round N-1's (`round 1's I1`), not this report's, which may name other findings."""
    out = []
    for verdict, said in (("fixed", "fixed and closed"), ("no longer applies", "closed as moot")):
        ids = [
            v.prior_id
            for v in info.fix_verdicts
            if v.verdict == verdict and not v.carried_as and not v.dropped_by_lead
        ]
        if ids:
            prev = info.previous
            # Each ID after its round: a bare `S3` would link to this report's S3.
            named = ", ".join(f"round {prev}'s {i}" for i in ids)
            out.append(f"{len(ids)} from round {prev} {said} ({named})")
    return out


def _closed_silently(info: RoundInfo) -> int:
    return sum(
        1
        for v in info.fix_verdicts
        if v.verdict is None and not v.carried_as and not v.unreadable and not v.dropped_by_lead
    )


def _silent_clause(n: int, prev: int) -> str:
    it, its = ("it", "its") if n == 1 else ("them", "their")
    return (
        f"{n} from round {prev} closed without a verdict (the code changed in {its} files and "
        f"the seats that raised {it} reviewed again without raising or judging {it})"
    )


def round_verdict(
    report: Report,
    findings: tuple[Finding, ...],
    outcomes: SeatOutcomes,
    carried: Sequence[Finding],
    previous: int,
) -> Verdict:
    """`outcomes`: the seats' outcomes the report's own verdict was qualified by."""
    old = report.header.verdict
    if old.label == "Failed":
        return old
    # Said the way the round's own verdict was (no model review, failed seats), now counting the
    # carried-forward findings too.
    rule = qualify(
        decide(findings),
        findings,
        outcomes,
        lead_read=report.lead is not None and report.lead.status == "ok",
        carried=carried,
        carried_from=previous,
    )
    lead_ok = report.lead is not None and report.lead.status == "ok"
    if not lead_ok or old.label not in STRICTNESS:
        return rule
    if rule.label not in STRICTNESS:
        return old
    # The lead's judgment stands unless carried-forward findings make the rule stricter.
    if STRICTNESS[rule.label] > STRICTNESS[old.label]:
        return rule
    return old


def _declined_note(d: DeclinedFinding, previous: int, verdicts: Sequence[FixVerdict]) -> str:
    """What became of a declined finding this round: where it was raised (within a finding
    still open, or as an ID left out), or, open since the previous round and raised by nobody,
    what the seats' verdicts on it were; and whether its code was compared."""
    said: list[str] = []
    if d.within and not d.raised_again:
        status = next((v.status for v in verdicts if v.carried_as == d.within), "no verdict")
        said.append(f"(still open from round {previous} as {d.within}; seats: {status})")
    elif d.within and any(v.carried_as == d.within for v in verdicts):
        said.append(f"(raised again within {d.within}, still open from round {previous})")
    elif d.within:
        # merged into a finding of this round that says another problem, which is reported
        said.append(f"(raised again within {d.within}, merged with another reviewer's finding)")
    if d.left_out_as:
        said.append(f"(raised again as {d.left_out_as} of this round, left out as declined)")
    elif d.alike:
        # only like it: reported as found, and never said to be raised by nobody
        changed = "the code there changed since; " if d.code_changed else ""
        said.append(f"({changed}{d.alike} of this round, at its lines, may be it worded otherwise)")
    elif d.code_changed and not d.within:
        said.append("(the code there changed since; no reviewer raised it again)")
    if d.uncompared:
        said.append(
            "(not compared with the code: its review's commit is gone, rewritten by a rebase "
            "or force push, and its lines' text was not kept or its file is not found here)"
        )
    return "".join(f" {n}" for n in said)


def with_declined(
    limitations: str,
    declined: Sequence[DeclinedFinding],
    previous: int,
    verdicts: Sequence[FixVerdict] = (),
) -> str:
    """`limitations` with the Declined in prior rounds list; `verdicts`: this round's Fix
    Verdicts (what the seats said of a decline still open since the previous round)."""
    quiet = [d for d in declined if not d.reopened or d.within]
    if not quiet:
        return limitations
    lines = [
        f"- **{d.title}** — `{d.location}` — declined round {d.declined_round}: {d.reason}"
        + _declined_note(d, previous, verdicts)
        for d in quiet
    ]
    block = "### Declined in prior rounds\n\n" + "\n".join(lines)
    return f"{limitations.rstrip()}\n\n{block}" if limitations.strip() else block
