"""Apply a checked lead answer: the decisions go through `apply_decisions`/`build_report`, the
lead's prose fills the judgment parts, and our renderer still writes every byte of Markdown.

The lead names findings by cluster ID (`K3`) or added-finding ID (`L1`, its position in
`added_findings`) because it answers before the findings are numbered. Its prose is rewritten
here to the final IDs: `K3` becomes `I2` (or, for a dropped cluster, the seats' own labels
`Gemini C1`). The other names its prompt gave it are rewritten too: a member key `gemini:C1`
becomes `Gemini C1`, a design observation `D2` its kind and first words. Cluster IDs are the
lead's working names and never reach the report: one that names no cluster of this review
becomes "a finding not in this report" ("Alpha's finding not in this report"). An unknown
`L7`, `D9` or `x:C1` is left as written (`L2 cache` is ordinary prose). Our own notes about
the answer (a rejected decision, a cluster without a decision) name each cluster with its short
title too (`I2 (`parse`)`), since a reader has only the note to tell which finding is meant.

The verdict is the lead's, unless it is milder than the findings allow (a critical finding
kept, yet "Merge as-is"), or its reason names findings and none of them is a cluster of this
review or an added finding (its decisions about them were rejected: "Rework — K1 breaks every
caller" when there is no K1), or it is stricter than the rule's and every finding its reason
names was dropped (by the lead itself): then the rule's verdict stands, a Reconciliation note
says so, and the Executive Summary opens with the override (the lead's summary was written for
its own verdict).

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from deepreview.consolidate.build import build_report
from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import (
    AddedFinding,
    Consolidation,
    Decision,
    apply_decisions,
)
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.labels import member_label, title_labels
from deepreview.consolidate.retro_lists import finding_labels
from deepreview.consolidate.shortfalls import SeatOutcomes
from deepreview.consolidate.verdict import STRICTNESS, decide, overridden_first
from deepreview.lead.check import Checked
from deepreview.lead.check_design import retro_with_dropped_design
from deepreview.lead.check_notes import Ref
from deepreview.lead.prose_ids import ProseIds
from deepreview.lead.seat_ids import SeatIds
from deepreview.markdown_fence import outside_code
from deepreview.model import Assessment, Header, LeadInfo, ProcessNotes, Report, Verdict
from deepreview.retromodel import ReconciliationEntry

_REF = re.compile(r"(?<![\w#/.-])([KL]\d+(?:\.\d+)*)(?![\w])")
# A member key (`gemini:C1`) or design observation (`D2`): rewritten only when it is one of this
# review's (`calc.py:2`, `D2 cache` stay as written).
_NAME = re.compile(r"(?<![\w#/.:-])([A-Za-z][\w-]*:[A-Za-z]+\d+(?!:\w)|D\d+)(?!\w)")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
_LOWER_REF = re.compile(r"(?<![\w#/.-])([kl]\d+(?:\.\d+)*)(?![\w])")
UNKNOWN_FINDING = "a finding not in this report"
_POSSESSIVE = re.compile(r"\w['’]s\s+$")  # `Alpha's ` right before an ID


def id_map(
    clusters: Sequence[Cluster],
    decisions: Sequence[Decision],
    result: Consolidation,
    names: Mapping[str, str],
) -> dict[str, str]:
    """Cluster / added-finding ID → what the report calls it now.

    A cluster merged into another is named by its seats' labels inside the finding that
    absorbed it (`I1's Codex S1 + Gemini S1`): "K3 was folded into K1" must not read "I1 was
    folded into I1"."""
    final = {o.group: o.finding_id for o in result.origins}
    merged = {d.cluster_id: d.merge_into for d in decisions if d.action == "merge" and d.merge_into}
    split_out = {
        d.cluster_id: set(d.split_member_ids or ()) for d in decisions if d.action == "split"
    }
    out: dict[str, str] = {}
    for c in clusters:
        key = c.id
        seen = {key}
        while key not in final and key in merged and merged[key] not in seen:
            key = merged[key]
            seen.add(key)
        labels = [
            member_label(m, dict(names))
            for m in c.members
            if m.key not in split_out.get(c.id, set())
        ]
        if key == c.id and key in final:
            out[c.id] = final[key]
        elif key in final:  # merged into another cluster
            out[c.id] = f"{final[key]}'s {' + '.join(labels)}"
        else:  # dropped: the seats' own labels
            out[c.id] = ", ".join(labels)
    for group, fid in final.items():
        out.setdefault(group, fid)  # K3.2 of a split, L1 of an added finding
    return out


def ref_namer(
    clusters: Sequence[Cluster],
    decisions: Sequence[Decision],
    result: Consolidation,
    names: Mapping[str, str],
    prose: ProseIds | None = None,
) -> Callable[[Ref], str]:
    """How a note names a cluster or member (`check_notes.Ref`), as the report does: `I2 (`parse`
    drops the last row)` for a finding of the report (the retro's label), `I1's Codex S1`
    inside the one that absorbed it, `Gemini C1 (Overflow in `add` for…)` when it was dropped;
    a member by its seat's label (`Gemini C3`)."""
    # a split's part (K3.2) is no cluster of `id_map`'s: named as the lead's prose names it
    prose = prose or ProseIds(clusters, decisions, result, names)
    ids = {**prose.default, **id_map(clusters, decisions, result, names)}
    # the retro's labels (`finding_labels`): one report names a finding one way
    titles = finding_labels(result.findings)
    members = {m.key: m for c in clusters for m in c.members}
    merged = {d.cluster_id for d in decisions if d.action == "merge"}
    # a dropped finding by its first member's title, as Reconciliation's tallies name it
    gone = [c for c in clusters if c.members and c.id not in merged and ids.get(c.id) not in titles]
    first_title = dict(
        zip(
            (c.id for c in gone),
            title_labels([c.members[0].finding.title for c in gone]),
            strict=True,
        )
    )

    def name(ref: Ref) -> str:
        if ref.kind == "member":
            m = members.get(ref.key)
            return member_label(m, dict(names)) if m is not None else repr(ref.key)
        label = ids.get(ref.key)
        if label is None:  # not a cluster of this review (the checks make none such)
            return repr(ref.key)
        if label in titles:
            return f"{label} ({titles[label]})"
        if ref.key in merged or ref.key not in first_title:  # inside the finding that took it
            return label
        return f"{label} ({first_title[ref.key]})"  # dropped: the seats' labels

    return name


def lead_note(checked: Checked, name: Callable[[Ref], str]) -> str:
    """`LeadInfo.note` for an applied answer: how many claims were rejected, and which clusters
    the lead said nothing about."""
    parts = []
    if checked.rejected:
        n = len(checked.rejected)
        parts.append(f"{n} of the lead's claims rejected (see Reconciliation)")
    refused = _refused(checked)
    for which, clusters in (
        ("no", [c for c in checked.undecided if c not in refused]),
        ("no accepted", [c for c in checked.undecided if c in refused]),
    ):
        if clusters:
            kept = ", ".join(name(Ref("cluster", c)) for c in clusters)
            parts.append(f"{which} decision for {kept}, kept as consolidated")
    return "; ".join(parts) + ("." if parts else "")


def _upper_ids(text: str, ids: Collection[str]) -> str:
    """`k1`, `l2` as `K1`, `L2` where they are the lead's IDs: its decisions' `"cluster": "k1"`
    is read whatever the case, so its prose is too (`k9`, naming nothing, stays)."""
    return outside_code(
        text,
        lambda prose: _LOWER_REF.sub(
            lambda m: m[1].upper() if m[1].upper() in ids else m[1], prose
        ),
    )


def _refused(checked: Checked) -> set[str]:
    """The clusters the lead decided about only in decisions that were rejected."""
    return {n.about for n in checked.rejected if n.about is not None}


def substitute(text: str, ids: Mapping[str, str], names: Mapping[str, str] | None = None) -> str:
    """`text` with the lead's IDs (`ids`: `K3`, `L1`) and other names (`names`: member keys
    `gemini:c1`, lower case; design observations `D2`) as the report says them."""

    def one(m: re.Match[str]) -> str:
        ref = m.group(1)
        if ref in ids:
            return _without_named_host(ids[ref], m, ids)
        if not ref.startswith("K"):
            return ref
        # "Alpha's K8" reads "Alpha's finding not in this report", not "Alpha's a finding …"
        owned = _POSSESSIVE.search(m.string[: m.start()]) is not None
        return UNKNOWN_FINDING.removeprefix("a ") if owned else UNKNOWN_FINDING

    def name(m: re.Match[str]) -> str:
        said = (names or {}).get(m.group(1).lower() if ":" in m.group(1) else m.group(1))
        if said is None:
            return m.group(1)
        if ":" not in m.group(1):
            said = f"the {said}"  # the design concern (...)
        if _SENTENCE_START.search(m.string[: m.start()]):
            return said[0].upper() + said[1:]
        return said

    return _NAME.sub(name, _REF.sub(one, text))


_INSIDE = re.compile(r"^([A-Z]+\d+)'s (.+)$")  # `I1's Codex S1`: a cluster merged into I1
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _without_named_host(said: str, m: re.Match[str], ids: Mapping[str, str]) -> str:
    """A merged-away cluster (`I1's Codex S1`) by its seats' labels alone (`Codex S1`) when
    its sentence names the finding that absorbed it: "K4 folds into K2" must not read
    "I1's Codex S1 folds into I1". Elsewhere the place tells the reader where it went."""
    inside = _INSIDE.match(said)
    if inside is None:
        return said
    host, labels = inside.groups()
    text = m.string
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    end = next((e.start() for e in _SENTENCE_END.finditer(text, m.end())), len(text))
    for other in _REF.finditer(text, start, end):
        if other.start() != m.start() and ids.get(other.group(1)) == host:
            return labels
    return said


def prose_names(
    clusters: Sequence[Cluster], names: Mapping[str, str], design: Mapping[str, str]
) -> dict[str, str]:
    """`substitute`'s `names`: member keys (lower case) → `Gemini C1`, `D2` → `design concern
    (Helpers live in…)`."""
    out = {m.key.lower(): member_label(m, dict(names)) for c in clusters for m in c.members}
    out.update(design)
    return out


def rests_on_nothing(reason: str, ids: Mapping[str, str]) -> bool:
    """The reason names findings (`K1`, `L2`) and none of them exists in this review."""
    cited = _REF.findall(reason)
    return bool(cited) and not any(ref in ids for ref in cited)


def choose_verdict(lead: Verdict, rule: Verdict) -> tuple[Verdict, ReconciliationEntry | None]:
    if rule.label not in STRICTNESS:  # Failed: no seat produced a review
        return rule, None
    if STRICTNESS[lead.label] < STRICTNESS[rule.label]:
        note = ReconciliationEntry(
            "note",
            f"The lead's verdict ({lead.label}: {lead.reason}) is milder than the remaining "
            f"findings allow; the verdict is {rule.label} ({rule.reason}).",
        )
        return rule, note
    if STRICTNESS[lead.label] > STRICTNESS[rule.label]:
        note = ReconciliationEntry(
            "note", f"Verdict raised by the lead from {rule.label} to {lead.label}: {lead.reason}"
        )
        return lead, note
    return lead, None


def _assessment(a: Assessment | None, sub: Callable[[str], str]) -> Assessment | None:
    if a is None:
        return None
    return replace(a, intro=sub(a.intro), items=tuple(sub(i) for i in a.items))


MAX_REJECTED_NOTES = 20


def report_from_answer(
    header: Header,
    seat_reviews: Sequence[SeatReview],
    clusters: Sequence[Cluster],
    checked: Checked,
    *,
    lead: LeadInfo,
    changed_files: Sequence[str] = (),
    present_files: Collection[str] | None = None,
    removed_files: Mapping[str, str | None] | None = None,
    notes: Sequence[str] = (),
    unlisted_files: Collection[str] = (),
    lineless_files: Collection[str] = (),
    outcomes: SeatOutcomes | None = None,
) -> Report:
    """The consolidated report with the lead's judgment applied (`lead` with its note set).
    `outcomes`: what the seats came to, as the deterministic report computed it.

    Raises `DecisionError` only if a checked decision still does not apply (a bug in the
    checks); the caller falls back to the deterministic report.
    """
    reviewers = tuple(sr.reviewer for sr in seat_reviews)
    names = {r.seat: r.name for r in reviewers}
    result = _lead_numbers(
        apply_decisions(clusters, checked.decisions, checked.added, reviewers=reviewers),
        checked.added_numbers,
    )
    ids = id_map(clusters, checked.decisions, result, names)
    # the lead's prose: a cluster it split, or dropped one member of, is named by the part
    # the prose is about when that can be told, else by every part (`lead.prose_ids`)
    prose = ProseIds(clusters, checked.decisions, result, names, checked.restated)
    name = ref_namer(clusters, checked.decisions, result, names, prose)

    said = prose_names(clusters, names, checked.design_names)

    # a seat's own finding ID ("alpha's I2"; bare in its retro) by the seat's label, never as
    # the report's finding of that number (`lead.seat_ids`)
    seat_ids = SeatIds(clusters, names)

    def sub(text: str, meant: Mapping[str, str] = prose.default, seat: str | None = None) -> str:
        text = seat_ids.named(_upper_ids(text, prose.default), seat)
        return substitute(text, prose.beside_parts(_REF.findall(text), meant), said)

    def sub_decision(d: Decision) -> Decision:
        meant = prose.for_decision(d)
        title = d.title and outside_code(d.title, lambda x: sub(x, meant))
        return replace(d, reason=sub(d.reason, meant), title=title)

    all_failed = not seat_reviews or all(sr.review is None for sr in seat_reviews)
    rule = decide(result.findings, all_seats_failed=all_failed)
    lead_verdict = Verdict(checked.verdict.label, sub(checked.verdict.reason))
    verdict, verdict_note = choose_verdict(lead_verdict, rule)
    why_overridden = "is milder than the findings kept in this report allow"
    # A stricter verdict must rest on something the report holds: one whose reason names only
    # findings the lead itself dropped ("Rework — K1 crashes" after dropping K1) does not
    kept = {k: v for k, v in prose.default.items() if k in prose.reported}
    stricter = STRICTNESS.get(checked.verdict.label, 0) > STRICTNESS.get(rule.label, 0)
    if rule.label != "Failed" and (
        rests_on_nothing(_upper_ids(checked.verdict.reason, prose.default), prose.default)
        or (stricter and rests_on_nothing(_upper_ids(checked.verdict.reason, prose.default), kept))
    ):
        why_overridden = "rests only on findings that are not in this report"
        # e.g. "Rework — K1 breaks every caller" where no seat raised K1: the lead's decisions
        # about it were rejected, so nothing in the report supports its verdict
        verdict = rule
        # the same label for the report's own reasons: no verdict was overridden, nothing to say
        verdict_note = (
            None
            if checked.verdict.label == rule.label
            else ReconciliationEntry(
                "note",
                f"The lead's verdict ({checked.verdict.label}) rests only on findings that are "
                f"not in this report; the verdict is {rule.label} ({rule.reason}).",
            )
        )
    extra: list[ReconciliationEntry] = [
        ReconciliationEntry("note", sub(text)) for text in checked.design_notes
    ]
    if verdict_note is not None:
        extra.append(verdict_note)
    shown = checked.rejected[:MAX_REJECTED_NOTES]
    final = {f.id for f in result.findings}
    extra.extend(
        ReconciliationEntry(
            "note",
            note.text(name),
            tuple(dict.fromkeys(i for r in note.refs if (i := ids.get(r.key)) in final)),
        )
        for note in shown
    )
    refused = _refused(checked)
    extra.extend(
        ReconciliationEntry(
            "note",
            f"No {'accepted ' if c in refused else ''}lead decision for "
            f"{name(Ref('cluster', c))}: kept as consolidated.",
            tuple(i for i in (ids.get(c),) if i in final),
        )
        for c in checked.undecided
    )
    if len(checked.rejected) > len(shown):
        # thousands of junk decisions must not bury the report (their answer file keeps them)
        more = len(checked.rejected) - len(shown)
        extra.append(
            ReconciliationEntry(
                "note",
                f"{more} more lead decisions were rejected; the lead's answer file in the review "
                "folder holds them all.",
            )
        )
    pn = checked.process_notes
    report = build_report(
        header,
        seat_reviews,
        changed_files=changed_files,
        present_files=present_files,
        removed_files=removed_files,
        unlisted_files=unlisted_files,
        lineless_files=lineless_files,
        decisions=[sub_decision(d) for d in checked.decisions],
        added=[_added(a, sub) for a in checked.added],
        lead=replace(lead, note=lead_note(checked, name)),
        notes=notes,
        executive_summary=overridden_first(
            sub(checked.executive_summary), checked.verdict.label, verdict, why_overridden
        ),
        process_notes=ProcessNotes(
            skill_improvements=tuple(sub(x) for x in pn.skill_improvements),
            repo_context_updates=tuple(sub(x) for x in pn.repo_context_updates),
        ),
        clusters=clusters,
        verdict=verdict,
        retro_narratives={
            seat: sub(text, prose.for_seat(seat), seat) for seat, text in checked.narratives.items()
        },
        design_observations=[replace(o, text=sub(o.text)) for o in checked.design_observations],
        testing=_assessment(checked.testing, sub),
        documentation=_assessment(checked.documentation, sub),
        reconciliation_notes=extra,
        outcomes=outcomes,
    )
    report = replace(report, retro=retro_with_dropped_design(report.retro, checked.design_dropped))
    return with_undecided(report, clusters, checked.undecided)


def with_undecided(report: Report, clusters: Sequence[Cluster], undecided: Sequence[str]) -> Report:
    """`report` with each seat's retro numbers counting its own findings in the clusters the
    lead said nothing about (`RetroNumbers.undecided`): kept as consolidated, not judged."""
    counts: dict[str, int] = {}
    for c in clusters:
        if c.id in undecided:
            for m in c.members:
                counts[m.seat] = counts.get(m.seat, 0) + 1
    if not counts:
        return report
    seats = tuple(
        replace(s, numbers=replace(s.numbers, undecided=counts[s.seat]))
        if s.numbers is not None and counts.get(s.seat)
        else s
        for s in report.retro.seats
    )
    return replace(report, retro=replace(report.retro, seats=seats))


def _lead_numbers(result: Consolidation, numbers: Sequence[int]) -> Consolidation:
    """`result` with each added finding's group named by the lead's own number: the
    consolidation numbers the findings it adds `L1, L2, …`, and without one the lead's answer
    did not add (a restatement) its `L2` would be group `L1` and its prose name another."""
    own = {f"L{n}": f"L{lead}" for n, lead in enumerate(numbers, start=1)}
    if all(k == v for k, v in own.items()):
        return result
    origins = tuple(
        replace(o, group=own[o.group]) if not o.members and o.group in own else o
        for o in result.origins
    )
    return result._replace(origins=origins)


def _added(a: AddedFinding, sub: Callable[[str], str]) -> AddedFinding:
    return replace(
        a,
        title=outside_code(a.title, sub),
        body=outside_code(a.body, sub),
        fix=outside_code(a.fix, sub),
        reason=sub(a.reason),
    )


__all__ = [
    "UNKNOWN_FINDING",
    "choose_verdict",
    "id_map",
    "lead_note",
    "outside_code",
    "prose_names",
    "ref_namer",
    "report_from_answer",
    "rests_on_nothing",
    "substitute",
]
