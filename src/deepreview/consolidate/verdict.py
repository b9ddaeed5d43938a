"""The verdict follows from the consolidated findings alone.

any critical → Rework; any important → Merge with fixes; otherwise Merge as-is; no seat produced
a review → Failed. The reason names the findings that drive it (`I1–I4 need attention`).

`qualify` then keeps it from reading as plain approval when it is not one: when no model read
the change (only analyzers such as the static seat produced a review) "Merge as-is" becomes
"No model review" (what a lead added said as the lead's, not the static checks'; their
"found nothing", "found only S1 (optional)" or "analyzed 2 of 3 changed files" says how many
changed files they could not read), when some
seats failed the reason says how many (`2 of 3 seats failed`), and
when a seat wrote findings we could not read (and none we could, or text naming a place with
a line beside those we could) the reason says so: its
silence is not "no issues". Unless a lead read that text, "Merge as-is" then becomes
"Unverified" (and `--fail-on` does not pass it). A seat whose review stopped before it was done
(`findings/unfinished.py`) but left something to keep (findings, severity sections saying
"None", a verdict) is said the same way ("Alpha's review is cut off"): what it did not get to
write no one can read, so without a lead its silence on the rest is no approval either. A
seat stopped by its timeout (or failing otherwise: its answer cut by the output limit) after
writing findings makes a "Merge as-is" "Unverified", lead or not; for the static seat the
reason says its checks did not finish.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from deepreview.consolidate.inputs import is_model_backed
from deepreview.consolidate.shortfalls import SeatOutcomes
from deepreview.model import Finding, Report, Severity, Verdict


def id_range(findings: Sequence[Finding]) -> str:
    """`I1`, `I1–I4`; IDs that are not one run are listed (`I1, I3`)."""
    ids = [f.id for f in findings]
    if len(ids) <= 1:
        return "".join(ids)
    letter = ids[0][:1]
    nums = [int(i[1:]) for i in ids if i[:1] == letter and i[1:].isdigit()]
    if len(nums) == len(ids) and nums == list(range(nums[0], nums[0] + len(nums))):
        return f"{ids[0]}–{ids[-1]}"
    return ", ".join(ids)


def _need(ids: str, singular: str, plural: str, n: int) -> str:
    return f"{ids} {singular if n == 1 else plural}"


def decide(findings: Sequence[Finding], *, all_seats_failed: bool = False) -> Verdict:
    if all_seats_failed:
        return Verdict("Failed", "no seat produced a review")
    crit = [f for f in findings if f.severity == Severity.CRITICAL]
    imp = [f for f in findings if f.severity == Severity.IMPORTANT]
    sug = [f for f in findings if f.severity == Severity.SUGGESTION]
    if crit:
        reason = _need(id_range(crit), "blocks merging", "block merging", len(crit))
        if imp:
            reason += "; " + _need(id_range(imp), "needs attention", "need attention", len(imp))
        return Verdict("Rework", reason)
    if imp:
        return Verdict(
            "Merge with fixes", _need(id_range(imp), "needs attention", "need attention", len(imp))
        )
    if sug:
        return Verdict("Merge as-is", f"no critical or important issues; {id_range(sug)} optional")
    return Verdict("Merge as-is", "no issues found")


NO_MODEL_REVIEW = "No model review"
# "Merge as-is" while a seat's findings text could not be read and no lead read it for us.
UNVERIFIED = "Unverified"
UNREAD_CLAUSE = "findings could not be read (see the appendix)"
CUT_OFF_CLAUSE = "cut off"
# Every model seat failed and only the static checks reviewed (the verdict's label stands).
STATIC_ONLY_CLAUSE = "no model reviewed this change (static checks only)"
STATIC_AND_LEAD_CLAUSE = "no model seat reviewed this change (static checks and the lead only)"
TIMED_OUT_CLAUSE = "timed out after writing findings that were not judged"
# A model seat that failed otherwise with findings in its kept text (cut by the output limit).
FAILED_FINDINGS_CLAUSE = "failed after writing findings that were not judged"
# The same of an analyzer (the static seat): each finding it wrote is sound as far as it goes,
# but its checks did not finish, and what it found so far is not in the findings either.
CHECKS_TIMED_OUT_CLAUSE = "before {its} checks finished, {its} findings so far not judged"
# The same when what it found so far was read: its findings are the report's, its checks unfinished.
CHECKS_STOPPED_CLAUSE = "before {its} checks finished, with {its} findings so far in this report"


def _seats(n: int) -> str:
    return "seat" if n == 1 else "seats"


def _then(reason: str, clause: str) -> str:
    """`reason; clause`: the lead writes sentences (`I1 first.`), whose full stop goes."""
    head = reason.rstrip()
    if head.endswith(".") and not head.endswith(".."):
        head = head[:-1]
    return f"{head}; {clause}"


def _found_nothing(analysed: tuple[int, int] | None) -> str:
    """What static checks that found nothing read: "found nothing" of a change whose only file
    is an image, a symlink or a deletion would read as "checked and clean"."""
    read, listed = analysed if analysed is not None else (0, 0)
    if read == listed:
        return "static checks found nothing"
    skipped = f"({listed - read} not analyzed)"
    if read == 0:
        return f"static checks analyzed none of the changed files {skipped}"
    return f"static checks found nothing in {read} of {listed} changed files {skipped}"


def _reach(analysed: tuple[int, int] | None) -> str:
    """`2 of 3 changed files (1 not analyzed)` when the static checks left some changed files
    unread, else "": what they found in the others is no word on the files they could not read."""
    read, listed = analysed if analysed is not None else (0, 0)
    if read == listed:
        return ""
    return f"{read} of {listed} changed files ({listed - read} not analyzed)"


def _found_only(found: Sequence[Finding], reach: str) -> str:
    said = f"static checks found only {id_range(found)} (optional)"
    return f"{said} in {reach}" if reach else said


def qualify(
    verdict: Verdict,
    findings: Sequence[Finding],
    outcomes: SeatOutcomes,
    *,
    lead_read: bool = False,
    carried: Sequence[Finding] = (),
    carried_from: int = 0,
) -> Verdict:
    """The verdict as it may be shown, given who actually reviewed (`outcomes`; see the module
    doc). `lead_read`: a lead judged the review, the unread seats' text included. `carried`: the
    findings still open from round `carried_from` that no seat of this review raised (a
    static-only round must not credit a model's finding to the static checks: its reason says
    which are carried, whether it approves or not)."""
    if verdict.label == "Failed":
        return verdict
    label, reason = verdict.label, verdict.reason
    if not outcomes.model_reviewed:
        label, reason = _static_only(label, reason, findings, outcomes, carried, carried_from)
    label, reason = _unread_seats(label, reason, outcomes, lead_read)
    label, reason = _unfinished_seats(label, reason, outcomes)
    return Verdict(label, reason)


def _static_only(
    label: str,
    reason: str,
    findings: Sequence[Finding],
    outcomes: SeatOutcomes,
    carried: Sequence[Finding],
    carried_from: int,
) -> tuple[str, str]:
    """The verdict of a review no model seat made: what the static checks found, what a lead
    added, what is still open from an earlier round."""
    # what a lead added is its own, not the static checks' (a lead verifies them too)
    earlier = {f.id for f in carried}
    added = [
        f
        for f in findings
        if f.verification == "added-by-lead" and not f.sources and f.id not in earlier
    ]
    since = f"round {carried_from}" if carried_from else "an earlier round"
    if label == "Merge as-is":
        return NO_MODEL_REVIEW, _static_approval(findings, outcomes, earlier, added, since)
    # The reason names the findings that drive it; those a model raised in an earlier
    # round are not what this round's static checks found.
    kept = {f.id for f in carried}
    driving = [f for f in findings if f.id in kept and f.severity != Severity.SUGGESTION]
    if driving:
        reason = _then(
            reason,
            f"{id_range(driving)} still open from {since}, not found by this round's static checks",
        )
    by_lead = [f for f in added if f.severity != Severity.SUGGESTION]
    if by_lead:
        reason = _then(reason, f"{id_range(by_lead)} added by the lead")
    reach = _reach(outcomes.analysed)
    if reach:
        reason = _then(reason, f"static checks analyzed {reach}")
    # a lead read the change when it added findings: no model *seat* did
    return label, _then(reason, STATIC_AND_LEAD_CLAUSE if added else STATIC_ONLY_CLAUSE)


def _static_approval(
    findings: Sequence[Finding],
    outcomes: SeatOutcomes,
    earlier: set[str],
    added: Sequence[Finding],
    since: str,
) -> str:
    """The reason of a static-only approval: the optional findings, by who raised them."""
    kept = earlier | {f.id for f in added}
    optional = [f for f in findings if f.severity == Severity.SUGGESTION]
    found = [f for f in optional if f.id not in kept]
    reason = (
        _found_only(found, _reach(outcomes.analysed))
        if found
        else _found_nothing(outcomes.analysed)
    )
    if added:
        reason = _then(reason, f"the lead added {id_range(added)} (optional)")
    still = [f for f in optional if f.id in earlier]
    if still:
        reason = _then(reason, f"{id_range(still)} still open from {since} (optional)")
    return reason


def _unread_seats(
    label: str, reason: str, outcomes: SeatOutcomes, lead_read: bool
) -> tuple[str, str]:
    """Seats that failed, or whose findings text could not be read whole (unread, cut off):
    no approval on text nobody read, unless a lead read it."""
    seats, failed = outcomes.seats, outcomes.failed
    unread, cut_off = outcomes.named("unread"), outcomes.named("cut_off")
    if reason == "no issues found" and (
        (unread and not lead_read)
        or outcomes.named("timed_out")
        or outcomes.named("failed_findings")
        or outcomes.named("checks_timed_out")
    ):
        reason = "no issues found in the findings that could be read"
    if failed:
        reason = _then(reason, f"{failed} of {seats} {_seats(seats)} failed")
    if unread:
        if label == "Merge as-is" and not lead_read:
            # Nobody read what that seat found: approving on it would be approving unread text.
            label = UNVERIFIED
        names = " and ".join(f"{n}'s" for n in unread)
        if lead_read:
            reason = _then(reason, f"the lead read {names} findings text, which the tool could not")
        else:
            reason = _then(reason, f"{names} {UNREAD_CLAUSE}")
    if cut_off:
        if label == "Merge as-is" and not lead_read:
            label = UNVERIFIED
        names = " and ".join(f"{n}'s" for n in cut_off)
        its = "review is" if len(cut_off) == 1 else "reviews are"
        reason = _then(reason, f"{names} {its} {CUT_OFF_CLAUSE}")
    return label, reason


def _unfinished_seats(label: str, reason: str, outcomes: SeatOutcomes) -> tuple[str, str]:
    """Seats or checks that did not finish (timed out, stopped, findings failed): incomplete
    whoever read the rest, so never approved."""
    timed_out = outcomes.named("timed_out")
    failed_findings = outcomes.named("failed_findings")
    checks_timed_out = outcomes.named("checks_timed_out")
    checks_stopped = outcomes.named("checks_stopped")
    if timed_out:
        if label == "Merge as-is":
            label = UNVERIFIED
        reason = _then(reason, f"{' and '.join(timed_out)} {TIMED_OUT_CLAUSE}")
    if failed_findings:
        if label == "Merge as-is":
            label = UNVERIFIED  # (no lead reads a failed seat's text)
        reason = _then(reason, f"{' and '.join(failed_findings)} {FAILED_FINDINGS_CLAUSE}")
    if checks_timed_out:
        # Incomplete as a model seat's timeout is (README, Exit codes): no lead runs the checks
        # that did not finish.
        if label == "Merge as-is":
            label = UNVERIFIED
        its = "its" if len(checks_timed_out) == 1 else "their"
        said = CHECKS_TIMED_OUT_CLAUSE.format(its=its)
        names = " and ".join(checks_timed_out)
        reason = _then(reason, f"{names} timed out {said} (see the appendix)")
    if checks_stopped:
        if label == "Merge as-is":
            label = UNVERIFIED
        its = "its" if len(checks_stopped) == 1 else "their"
        said = CHECKS_STOPPED_CLAUSE.format(its=its)
        reason = _then(reason, f"{' and '.join(checks_stopped)} timed out {said}")
    return label, reason


def unread_clause(reason: str) -> str | None:
    """The clause of a verdict reason naming the seats whose findings could not be read."""
    return next((c for c in reason.split("; ") if c.endswith(UNREAD_CLAUSE)), None)


def timed_out_clause(reason: str) -> str | None:
    """The clause of a verdict reason naming the seats that timed out (models' or analyzers')
    or failed after writing findings."""
    checks = tuple(
        f" timed out {CHECKS_TIMED_OUT_CLAUSE.format(its=its)} (see the appendix)"
        for its in ("its", "their")
    ) + tuple(f" timed out {CHECKS_STOPPED_CLAUSE.format(its=its)}" for its in ("its", "their"))
    ends = (TIMED_OUT_CLAUSE, FAILED_FINDINGS_CLAUSE, *checks)
    return next((c for c in reason.split("; ") if c.endswith(ends)), None)


def listed_verdict(verdict: Verdict) -> str:
    """The verdict as a store listing shows it (`list`, index.html): its label, with what kept a
    seat from being judged whole: "Merge as-is (1 of 2 seats failed)" is no bare approval, and
    "Rework (Zeta's review is cut off)" says what the Rework rests on."""
    reason = verdict.reason
    said = [
        c
        for c in (
            # A gate passes nothing on it: no model judged what the static checks found.
            next((c for c in reason.split("; ") if c in _NO_MODEL_SEAT), None),
            next((c for c in reason.split("; ") if _FAILED_SEATS.fullmatch(c)), None),
            unread_clause(reason),
            cut_off_clause(reason),
            timed_out_clause(reason),
        )
        if c is not None
    ]
    if not said or verdict.label == "Failed":
        return verdict.label
    # (the listing links no appendix)
    return f"{verdict.label} ({'; '.join(said).replace(' (see the appendix)', '')})"


_FAILED_SEATS = re.compile(r"\d+ of \d+ seats? failed")
_NO_MODEL_SEAT = (STATIC_ONLY_CLAUSE, STATIC_AND_LEAD_CLAUSE)


def cut_off_clause(reason: str) -> str | None:
    """The clause of a verdict reason naming the seats whose review is cut off."""
    return next(
        (
            c
            for c in reason.split("; ")
            if re.fullmatch(r".+'s (?:review is|reviews are) cut off", c)
        ),
        None,
    )


def unjudged(report: Report) -> str | None:
    """Why the report's findings are not all there is to judge, or None: a seat's findings
    text no one could read, or every model seat of the run failed so that only analyzers (the
    static seat) reviewed. A gate passes nothing on such a report."""
    unread = unread_clause(report.header.verdict.reason)
    if unread is not None:
        return unread
    timed_out = timed_out_clause(report.header.verdict.reason)
    if timed_out is not None:
        return timed_out  # (no lead reads a failed seat's text)
    cut = cut_off_clause(report.header.verdict.reason)
    if cut is not None and (report.lead is None or report.lead.status != "ok"):
        return cut  # (a lead judged the panel knowing it: its verdict stands, as for unread text)
    models = [r for r in report.runs if is_model_backed(r.seat)]
    if models and not any(r.status == "ok" for r in models):
        names = ", ".join(r.seat for r in models)
        return f"no model seat produced a review ({names} failed; only static checks ran)"
    return None


# How strict each verdict a lead may give is: one stricter than another asks more of the author.
STRICTNESS: Final = {"Merge as-is": 0, "Merge with fixes": 1, "Rework": 2}
# How the Executive Summary opens when the report's verdict is not the one the lead judged.
OVERRIDDEN: Final = "**The lead's verdict was overridden.**"


def overridden_first(summary: str, lead_label: str, verdict: Verdict, why: str) -> str:
    """The lead's summary, led by a paragraph saying its verdict was overridden and why when
    the report's verdict is not the one the lead judged: its words ("All good, ship it") were
    written for that verdict and must not stand unexplained under a stricter one. Only the
    Reconciliation note, far below, said so before."""
    if verdict.label == lead_label or verdict.label not in STRICTNESS:
        return summary  # "Failed": no seat reviewed, there was nothing for a lead to judge
    return (
        f"{OVERRIDDEN} The lead judged *{lead_label}*, which {why}; "
        f"the verdict is **{verdict.label}** ({verdict.reason}). The lead's summary below was "
        f"written for its own verdict.\n\n{summary}"
    )
