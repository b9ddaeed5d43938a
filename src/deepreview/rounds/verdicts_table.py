"""The Fix Verdicts section of a round N >= 2's report (`rounds.apply` builds the verdicts)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from deepreview.consolidate.feedback import excerpt
from deepreview.markdown_fence import table_cell
from deepreview.model import Finding, RoundInfo, Section


def verdicts_section(
    info: RoundInfo,
    findings: Sequence[Finding],
    dropped_raisers: Mapping[str, Sequence[str]],
    head_sha: str | None = None,
) -> Section:
    """The round's Fix Verdicts table: each previous finding, what became of it and why (the
    seats' own words), and its ID in this round's report. `dropped_raisers`: prior ID -> the
    seats whose re-raise of it this round's lead dropped."""
    prev = info.previous
    # Who raised a carried finding again: their word counts as much as a verdict line's.
    reviewers = {f.id: f.reviewers for f in findings}
    compared = f"(`{info.previous_review_id}`, `{info.previous_sha[:12]}`)"
    # A review run again with nothing committed between has no changes since to speak of.
    if head_sha and head_sha == info.previous_sha:
        opening = (
            f"Round {info.number} reviewed the same SHA as round {prev} {compared}: nothing "
            "changed since."
        )
    else:
        opening = f"Round {info.number} reviewed the changes since round {prev} {compared}."
    rows = [
        opening,
        "",
        f"| Round {prev} finding | Verdict | Seats | Now |",
        "|---|---|---|---|",
    ]
    for v in info.fix_verdicts:
        word = v.status
        if v.disagreement:
            word += " (seats disagree)"
        # Our reading, then what the seat wrote (quoted, escaped, trimmed): a reader checks
        # the one against the other before trusting a closed or kept-open finding.
        said = [_seat_said(s.seat, s.verdict, s.said, s.evidence) for s in v.seats]
        said += [_seat_said(seat, "unreadable", line, "") for seat, line in v.unreadable]
        judged = {s.seat for s in v.seats}
        raised = dropped_raisers.get(v.prior_id, ()) or reviewers.get(v.carried_as or "", ())
        raisers = [r for r in raised if v.raised_again and r not in judged]
        said += [table_cell(f"{seat}: raised it again") for seat in raisers]
        seats = "; ".join(said)
        where = f" `{v.location}`" if v.location else ""
        rows.append(
            f"| {v.prior_id}. **{table_cell(v.title)}**{where} | {word} | {seats or '—'} "
            f"| {v.carried_as or 'closed'} |"
        )
    if any(v.code_unchanged for v in info.fix_verdicts):
        rows += [
            "",
            f"_Claimed fixed, code unchanged_: a seat called it fixed, but no commit since round "
            f"{prev} touched its files — the code it names is as round {prev} reviewed it, so "
            "the finding stays open.",
        ]
    return Section(title=f"Round {info.number} Fix Verdicts", body="\n".join(rows))


def _seat_said(seat: str, reading: str, words: str, evidence: str) -> str:
    """`Claude: not fixed — “still swaps the operands on line 6”` for one table cell. A
    report stored before the seat's words were kept has only its evidence (Markdown)."""
    head = table_cell(f"{seat}: {reading}")
    if words:
        return f"{head} — “{excerpt(words)}”"
    return f"{head} — {table_cell(evidence)}" if evidence else head
