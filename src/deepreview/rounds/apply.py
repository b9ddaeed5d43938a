"""Fold a round N >= 2's knowledge into its report: fix verdicts, carry-forward tags, new
findings, and declined findings.

The previous round's findings that are still open come back in this round's report (with their
carry-forward tag) even when no seat re-raised them, so the verdict weighs them like new ones.
A finding a seat alone raised again (matched to a previous round's finding or to a declined
one) is, in the retro, that round's confirmation rather than the seat's unique insight.

Which of this round's findings raise an earlier one again is `raised_again`; which seats raised
a carried finding, by name, is `raisers`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence

from deepreview.consolidate import SeatReview
from deepreview.consolidate.build import verdict_sentence
from deepreview.consolidate.retro_rounds import (
    with_carried,
    with_earlier_rounds,
    without_left_out,
)
from deepreview.consolidate.shortfalls import SeatOutcomes, seat_outcomes
from deepreview.markdown_fence import table_cell
from deepreview.model import (
    SEVERITIES,
    DeclinedFinding,
    Finding,
    FixVerdict,
    Report,
    RoundInfo,
    Section,
)
from deepreview.rounds.alike import declined_alike
from deepreview.rounds.earlier import EarlierFinding, lead_dropped
from deepreview.rounds.left_out import name_left_out
from deepreview.rounds.matching import (
    declined_matches,
    elsewhere_than,
    matches_decline,
    raises,
    raising,
    same_finding,
)
from deepreview.rounds.prior_refs import followed
from deepreview.rounds.raised_again import (
    declines_of_prior,
    dropped_raised_alike,
    raised_again,
    raises_earlier,
)
from deepreview.rounds.raisers import carried_for, raisers_reviewed
from deepreview.rounds.summary import (
    REOPENED,
    overruled_note,
    round_summary,
    round_verdict,
    with_declined,
)
from deepreview.rounds.verdicts import collect, consolidate, is_open, read_fix_verdicts
from deepreview.rounds.verdicts_table import verdicts_section
from deepreview.store.declines import Decline


def _next_id(findings: Sequence[Finding], letter: str) -> str:
    nums = [int(f.id[1:]) for f in findings if f.id[:1] == letter and f.id[1:].isdigit()]
    return f"{letter}{max(nums, default=0) + 1}"


def _ordered(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(f for s in SEVERITIES for f in findings if f.severity == s)


def apply_round(
    report: Report,
    *,
    info: RoundInfo,
    prior: Sequence[Finding],
    seat_reviews: Sequence[SeatReview],
    declines: Sequence[Decline] = (),
    code_changed: Callable[[Decline], bool | None] = lambda d: False,
    touched: Callable[[Finding], bool] = lambda f: True,
    untouched: Callable[[Finding], bool] = lambda f: False,
    earlier_found: Sequence[EarlierFinding] = (),
    kept_open: Sequence[Decline] = (),
    chains: Mapping[str, Collection[tuple[int, str]]] | None = None,
    outcomes: SeatOutcomes | None = None,
) -> Report:
    """`report` with the round's knowledge folded in. `code_changed` says whether the code at a
    decline's location changed since it was declined (None: it cannot be told, the decline
    stands); `touched` whether the changes since the
    previous round touched a prior finding's files (anything at all, for a finding without a
    location); `untouched` whether they are known and left its files as they were (a `fixed`
    then names no fix anyone made). `earlier_found`: what the previous round closed or its
    lead dropped (`rounds.earlier`). `kept_open`: declines whose finding the previous round
    showed open all the same (`rounds.reopened`): a prior finding like any other. `chains`:
    by prior ID, the (round, ID) each prior finding had in the rounds it was carried from
    (`rounds.earlier.carried_from`): a decline of such an ID is that finding's. `outcomes`:
    what the seats came to, as the report's verdict was qualified by (computed from
    `seat_reviews` when not given).

    A declined finding is no open finding: it is open again only when a seat raises it this
    round and its code changed since the decline (the author's reason may no longer hold).
    Nobody raising it is no reason to bring it back, whatever changed."""
    prev = info.previous
    was = chains or {}
    if report.header.verdict.label == "Failed":
        taken = declines_of_prior(prior, [d for d in declines if d not in kept_open], was)
        undeclined = [p for p in prior if p.id not in taken]
        return _reviewed_nothing(report, info, undeclined)
    titles = {p.id: p.title for p in prior}
    read = [
        (sr.reviewer.credit, *read_fix_verdicts(sr.said, titles))
        for sr in seat_reviews
        if sr.review is not None
    ]
    per_seat = [(credit, parsed) for credit, parsed, _ in read]
    findings = list(report.findings)
    declined: list[DeclinedFinding] = []
    verdicts: list[FixVerdict] = []
    carried_ids: set[str] = set()
    unraised: set[str] = set()  # carried findings no seat of this round raised
    # This round's findings that an earlier round reported: ID -> (that round, its ID there).
    earlier: dict[str, tuple[int, str]] = {}
    # What this round's lead dropped, and prior ID -> the seats whose re-raise of it it dropped.
    dropped_now = tuple(lead_dropped(report, info.number))
    dropped_raisers: dict[str, tuple[str, ...]] = {}

    prior_declines = declines_of_prior(prior, declines, was)
    # A decline that is a prior finding only by its carry chain (round 2 carried it under a seat's
    # new title): that finding's re-raise by its own title is the declined finding's.
    chained = {
        d: p
        for p in prior
        if (d := prior_declines.get(p.id)) is not None and not declined_matches(d, prior)
    }
    judged = {p.id: consolidate(collect(per_seat, p.id)) for p in prior}
    undeclined = [p for p in prior if (d := prior_declines.get(p.id)) is None or d in kept_open]
    # This round's findings that are, by title or fingerprint, a finding an earlier round closed
    # or its lead dropped, or a declined one: no open finding takes them as merely like it.
    exact = {
        f.id
        for f in findings
        if any(raises_earlier(f, e) for e in earlier_found)
        or any(f in declined_matches(d, findings) for d in declines)
    }
    raised = raised_again(undeclined, findings, judged, prior, exact)

    for p in prior:
        seats = collect(per_seat, p.id)
        verdict, disagree = judged[p.id]
        unreadable = tuple((credit, unread[p.id]) for credit, _, unread in read if p.id in unread)
        if (d := prior_declines.get(p.id)) is not None and d not in kept_open:
            continue  # handled with this round's findings below
        # Either verdict below (its re-raise dropped by the lead, or what the seats concluded)
        # starts from what `p` was.
        about_p = FixVerdict(
            prior_id=p.id,
            title=p.title,
            severity=p.severity,
            location=str(p.locations[0]) if p.locations else "",
            seats=seats,
        )
        match = next((f for f in findings if f.id == raised.get(p.id)), None)
        # a dropped claim at other code of `p`'s file is about that code, not `p` (tr65)
        dropped_by = [
            e.seat
            for e in dropped_now
            if (raises(e.finding, p) or raises(p, e.finding)) and not elsewhere_than(e.finding, p)
        ]
        if match is None and dropped_by:
            # Raised again, and this round's lead dropped that: the lead's judgment of the claim
            # closes it; carried, it would be an open finding nobody stands behind.
            dropped_raisers[p.id] = tuple(dict.fromkeys(dropped_by))
            verdicts.append(dataclasses.replace(about_p, raised_again=True, dropped_by_lead=True))
            continue
        carried_as = None
        # Open when a seat judged it (partially) not fixed or raised it again; when a seat's
        # verdict line for it could not be read (never closed on a guess); when a seat called
        # it fixed but no commit since the previous round touched its files (a fix nobody
        # made); and when no seat judged it and either a seat that raised it did not review
        # this round (it failed) or the changes since the previous round did not touch its
        # files: nobody showed it fixed. Its seats reviewing changed files again without
        # raising it is their word.
        unread_open = bool(unreadable) and (verdict is None or not is_open(verdict))
        unchanged = verdict == "fixed" and match is None and not unread_open and untouched(p)
        unjudged_open = verdict is None and (
            not raisers_reviewed(p, seat_reviews) or not touched(p)
        )
        if match is not None and verdict is not None and not is_open(verdict):
            # A seat raising it again says it is not fixed, the least optimistic word: a
            # carried finding never reads (or is published as) fixed.
            verdict, disagree = "not fixed", True
        elif unread_open or unchanged:
            # A line nobody can read, or a fix claimed on code nobody changed, outweighs
            # "fixed": no verdict stands. An unreadable line is no word against the others,
            # so the seats that could be read disagree only among themselves.
            verdict = None
        fv = dataclasses.replace(
            about_p,
            verdict=verdict,
            disagreement=disagree,
            unreadable=unreadable,
            raised_again=match is not None,
            code_unchanged=unchanged,
        )
        if (
            match is not None
            or (verdict is not None and is_open(verdict))
            or unread_open
            or unchanged
            or unjudged_open
        ):
            # The tag says what the Fix Verdicts table and the PR summary say (`status`).
            tag = f"Round {prev} {p.id}, {fv.status}"
            if match is not None:
                i = findings.index(match)
                findings[i] = dataclasses.replace(match, carry_forward=tag)
                carried_as = match.id
                earlier[match.id] = (prev, p.id)
            else:
                new_id = _next_id(findings, p.severity.letter)
                findings.append(dataclasses.replace(p, id=new_id, carry_forward=tag))
                carried_as = new_id
                unraised.add(new_id)
            carried_ids.add(carried_as)
        verdicts.append(dataclasses.replace(fv, carried_as=carried_as))

    still_open = set(carried_ids)  # this round's findings that carry a previous one
    alike = declined_alike(declines, findings, prior)
    for n, d in enumerate(declines):
        matches = declined_matches(d, findings)
        if not matches and d in chained:
            found = raising(chained[d], findings, set())
            matches = [found] if found is not None else []
        # Raised again inside a finding still open from the previous round (the seats' two
        # findings merged into one): that finding stays as it is, shown once with its status;
        # the decline names it.
        within = next((f.id for f in matches if f.id in still_open), "")
        matches = [f for f in matches if f.id not in still_open]
        changed = code_changed(d)
        # A finding that is the declined one only through another seat's finding merged into
        # it says something else itself (its title and text are another problem): the decline
        # takes at most what it declined, so that finding stays, the decline raised within it.
        merged = [
            f
            for f in matches
            if not matches_decline(f, d, members=False)
            and not (d in chained and same_finding(f, chained[d]))
        ]
        if merged and not changed:
            within = within or merged[0].id
            matches = [f for f in matches if f not in merged]
        # A decline the previous round kept open is one of its open findings, carried by the
        # seats' verdict on it: raised again only when a seat raised it (not merely judged it).
        carrying = next((v for v in verdicts if within and v.carried_as == within), None)
        raised_within = bool(within) and (carrying is None or carrying.raised_again)
        entry = DeclinedFinding(
            prior_id=d.finding_id,
            title=d.title,
            location=d.location,
            reason=d.reason,
            declined_round=d.round,
            code_changed=bool(changed),
            uncompared=changed is None,
            raised_again=bool(matches) or raised_within,
            within=within,
            alike=alike[n].id if n in alike and not matches and not within else "",
        )
        earlier.update((f.id, (d.round, d.finding_id)) for f in matches)
        if entry.reopened:
            for f in matches:
                i = findings.index(f)
                findings[i] = dataclasses.replace(f, carry_forward=REOPENED)
                carried_ids.add(f.id)
        else:
            findings = [f for f in findings if f not in matches]
            entry = dataclasses.replace(entry, left_out_as=", ".join(f.id for f in matches))
        declined.append(entry)
    kept = list(findings)
    new_ids = []
    again: dict[str, str] = {}  # ID -> what became of it before ("fixed in round 2")
    judged_false: set[str] = set()
    reworded = dropped_raised_alike(kept, carried_ids, earlier_found, prior)
    for i, f in enumerate(kept):
        if f.id not in carried_ids and f.carry_forward is None:
            # Closed or dropped by the previous round and raised again: no new finding.
            before = next((e for e in earlier_found if raises_earlier(f, e)), None)
            before = before or reworded.get(f.id)
            if before is not None:
                kept[i] = dataclasses.replace(f, carry_forward=before.tag)
                again[f.id] = before.what
                if before.reported is not None:
                    earlier[f.id] = before.reported
                elif before.seat:  # a claim an earlier lead judged false: nobody's miss
                    judged_false.add(f.id)
                continue
            kept[i] = dataclasses.replace(f, carry_forward="new")
            new_ids.append(f.id)
    findings_t = _ordered(kept)
    info = dataclasses.replace(
        info, fix_verdicts=tuple(verdicts), declined=tuple(declined), new_findings=tuple(new_ids)
    )
    carried = [f for f in findings_t if f.id in unraised]
    kept_ids = {f.id for f in findings_t}
    left_out = [f for f in report.findings if f.id not in kept_ids]
    if outcomes is None:
        outcomes = seat_outcomes(seat_reviews)
    overall = round_verdict(report, findings_t, outcomes, carried, prev)
    round_report = dataclasses.replace(
        report,
        findings=findings_t,
        round_info=info,
        header=dataclasses.replace(report.header, verdict=overall),
        executive_summary=round_summary(report, findings_t, overall, info, again),
        limitations=with_declined(report.limitations, declined, info.previous, verdicts),
        extra_sections=(
            *report.extra_sections,
            verdicts_section(info, findings_t, dropped_raisers, report.header.review_sha),
        )
        if verdicts
        else report.extra_sections,
        notes=(*report.notes, info.interdiff_note) if info.interdiff_note else report.notes,
        retro=dataclasses.replace(
            report.retro,
            reconciliation=(
                *report.retro.reconciliation,
                *filter(None, (overruled_note(report, overall, prev),)),
            ),
            seats=tuple(
                with_carried(
                    without_left_out(
                        with_earlier_rounds(s, report.findings, earlier),
                        {f.id for f in left_out} | judged_false,
                    ),
                    carried_for(s.seat, seat_reviews, findings_t, carried_ids),
                    prev,
                )
                for s in report.retro.seats
            ),
        ),
    )
    return name_left_out(followed(round_report, info), left_out)


def _reviewed_nothing(report: Report, info: RoundInfo, prior: Sequence[Finding]) -> Report:
    """A round in which every seat failed reviewed nothing: it judges no prior finding and
    holds none (its SARIF has no results, the index counts none). What round N-1 left open is
    named as round N-1's, still open, in a section of its own; the next round compares with
    round N-1 (`rounds.previous.find_previous` passes over a failed round)."""
    if not prior:
        return dataclasses.replace(report, round_info=info)
    prev = info.previous
    lines = [
        f"Every seat failed, so this review judged none of round {prev}'s findings and reports "
        f"none of its own. Still open from round {prev} (`{info.previous_review_id}`), as it "
        "reported them:",
        "",
        *(
            f"- {f.id}. **{table_cell(f.title)}**"
            + (f" — `{f.locations[0]}`" if f.locations else "")
            + f" ({f.severity.value})"
            for f in _ordered(prior)
        ),
    ]
    n = len(prior)
    said = (
        f"This review reviewed nothing: {n} finding{'s' if n > 1 else ''} of round {prev} "
        f"{'stay' if n > 1 else 'stays'} open (listed under Still open from round {prev}), "
        "not counted as this review's."
    )
    verdict = verdict_sentence(report.header.verdict)
    text = report.executive_summary.replace(verdict, "").rstrip()
    return dataclasses.replace(
        report,
        round_info=info,
        executive_summary=f"{text} {said} {verdict}".strip(),
        extra_sections=(
            *report.extra_sections,
            Section(title=f"Still open from round {prev}", body="\n".join(lines)),
        ),
        notes=(*report.notes, info.interdiff_note) if info.interdiff_note else report.notes,
    )
