"""The sticky summary comment: one per PR, found again by its first line (`SUMMARY_MARKER`)
and edited in place on later rounds.

It shows the verdict, the round, the counts, every Critical and Important finding with its
location, on a later round what became of the previous round's findings and the seats' word on
the PR's unresolved threads (`followup`), a link to the HTML report when one is configured, and
a collapsed section with the rest (the suggestions, and the full text of findings that are not
inline comments). It stays under
GitHub's 65,536-character limit: whole entries are dropped from the end, with a note.

Anyone can start a comment with the marker, so a marked comment is only ours to edit when the
token wrote it (`adopted`, by `authorship`'s rule): editing someone else's would put our verdict
in their name, or theirs in ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from deepreview.markdown_neutral import is_own_round
from deepreview.model import Finding, Report, Severity
from deepreview.publish.authorship import written_by
from deepreview.publish.credit import found_by, lead_name
from deepreview.publish.declined import declined_lines
from deepreview.publish.followup import round_lines
from deepreview.publish.safe import (
    SUMMARY_MARKER,
    block_text,
    code_span,
    inline_text,
    is_summary,
)

GITHUB_LIMIT: Final = 65_536
# Room kept for the closing lines and the truncation note, whatever the entries were.
_RESERVE: Final = 1_000
MAX_DETAIL: Final = 6_000  # one finding's text in the collapsed section


MAX_REFUSAL: Final = 300  # GitHub's words on a refused inline review, as the summary quotes them


@dataclass(frozen=True)
class InlineMissing:
    """The inline comments asked for are not on the PR: the summary says why, and its Details
    hold the findings in full instead."""

    words: str  # why: GitHub's own words (untrusted), or its HTTP status
    retry: bool  # publishing again may post them (a failure, not a refusal of the payload)


@dataclass(frozen=True)
class SummaryInput:
    report: Report
    inline_ids: frozenset[str] = frozenset()  # findings that are (or were) inline comments
    moved: Mapping[str, str] = field(default_factory=dict)  # ID -> `path:line` re-anchored to
    unanchored_ids: frozenset[str] = frozenset()  # asked for inline, no diff line fits
    report_url: str | None = None
    review_id: str = ""
    inline_missing: InlineMissing | None = None


def _missing_line(missing: InlineMissing, review_id: str) -> str:
    flat = " ".join(missing.words.split())
    words = inline_text(flat if len(flat) <= MAX_REFUSAL else flat[: MAX_REFUSAL - 1] + "…")
    if missing.retry:
        return (
            f"The inline comments are not posted ({words}): the findings are in full below "
            f"until {code_span(f'deep-review publish {review_id} --inline')} posts them."
        )
    return f"GitHub refused the inline comments: {words}. The findings are in full below."


def _where(f: Finding) -> str:
    return ", ".join(code_span(str(loc)) for loc in f.locations) or "no location"


def _entry(f: Finding, s: SummaryInput) -> str:
    note = ""
    if f.id in s.moved:
        note = f" · inline comment at {code_span(s.moved[f.id])}"
    elif f.id in s.inline_ids:
        note = " · inline comment"
    elif f.id in s.unanchored_ids:
        note = " · not on the diff, details below"
    by = found_by(f.reviewers, lead_name(s.report))
    return f"- **{f.id}** {inline_text(f.title)} — {_where(f)}{note}{f' · {by}' if by else ''}"


def _detail(f: Finding, s: SummaryInput) -> str:
    parts = [f"#### {f.id}: {inline_text(f.title)}", f"{_where(f)}"]
    body, fix = f.body.strip(), f.fix.strip()
    if body:
        parts.append(block_text(body[:MAX_DETAIL]))
    if fix:
        parts.append("**Fix:**\n\n" + block_text(fix[:MAX_DETAIL]))
    if len(body) > MAX_DETAIL or len(fix) > MAX_DETAIL:
        # Never a silent cut: the reader would take the first part for the whole finding.
        parts.append(f"_(cut to fit the summary: the whole finding is in {_full_report(s)})_")
    return "\n\n".join(parts)


def _full_report(s: SummaryInput) -> str:
    """Where the whole report is: the configured report page, else the command that shows it."""
    if s.report_url:
        return f"the [full report]({s.report_url})"
    return f"`deep-review show {s.review_id or s.report.header.review_id}`"


def counts_text(report: Report) -> str:
    """`**0 Critical · 2 Important · 1 Suggestion**`."""
    c, i, s = (len(report.by_severity(sev)) for sev in Severity)
    return f"**{c} Critical · {i} Important · {s} Suggestion{'s' if s != 1 else ''}**"


def summary_body(s: SummaryInput, *, limit: int = GITHUB_LIMIT) -> str:
    """The whole comment, first line the marker, at most `limit` characters."""
    report = s.report
    h = report.header
    head = [SUMMARY_MARKER, f"## Deep Review: {inline_text(h.verdict.label)}"]
    if h.verdict.reason:
        head.append(inline_text(h.verdict.reason))
    facts = [counts_text(report)]
    if h.round:
        # Our own `2 (of PR #7)` links the PR itself; any other label is neutralised.
        facts.insert(0, f"Round {h.round if is_own_round(h.round) else inline_text(h.round)}")
    if h.review_sha:
        facts.append(f"reviewed {code_span(h.review_sha[:12])}")
    if h.reviewers:
        facts.append("by " + ", ".join(inline_text(r.credit) for r in h.reviewers))
    if lead := lead_name(report):
        facts.append(f"led by {inline_text(lead)}")
    head.append(" · ".join(facts))
    if s.report_url:
        head.append(f"[Full report]({s.report_url})")
    if s.inline_missing is not None:
        head.append(_missing_line(s.inline_missing, s.review_id or h.review_id))

    # Entries in order of importance; each is kept whole or dropped with everything after it.
    blocking = [f for f in report.findings if f.severity != Severity.SUGGESTION]
    rest = [f for f in report.findings if f.severity == Severity.SUGGESTION]
    details = [f for f in report.findings if f.id not in s.inline_ids]
    main: list[str] = []
    if blocking:
        main.append("### Critical and Important")
        main += [_entry(f, s) for f in blocking]
    else:
        main.append("No Critical or Important findings.")
    main += round_lines(report)
    main += declined_lines(report)
    folded: list[str] = []
    if rest:
        folded.append("### Suggestions")
        folded += [_entry(f, s) for f in rest]
    if details:
        folded.append("### Details")
        folded += [_detail(f, s) for f in details]

    tail = f"<sub>Deep Review · review {code_span(s.review_id or h.review_id)}</sub>"
    return _fit(head, main, folded, tail, limit, s)


def _fit(
    head: Sequence[str],
    main: Sequence[str],
    folded: Sequence[str],
    tail: str,
    limit: int,
    s: SummaryInput,
) -> str:
    budget = limit - _RESERVE - len(tail)
    out = "\n\n".join(head)
    dropped = 0
    for i, part in enumerate(main):
        sep = "\n\n" if i == 0 else "\n"
        if len(out) + len(sep) + len(part) > budget:
            dropped = len(main) - i
            break
        out += sep + part
    if folded and not dropped:
        out += "\n\n<details><summary>Suggestions and details</summary>"
        closing = "\n\n</details>"
        for i, part in enumerate(folded):
            if len(out) + 2 + len(part) + len(closing) > budget:
                dropped = len(folded) - i
                break
            out += "\n\n" + part
        out += closing
    elif folded:
        dropped += len(folded)
    if dropped:
        out += (
            f"\n\n_Cut to fit GitHub's comment limit: {dropped} more entries are in "
            f"{_full_report(s)}._"
        )
    out += "\n\n" + tail
    return out[:limit]


_HEAD: Final = f"{SUMMARY_MARKER}\n\n## Deep Review: "
# The facts line may open with the round (`Round 2 (of PR #7) · **0 Critical · …`).
_COUNTS: Final = re.compile(
    r"^(?:Round [^\n]*? · )?\*\*\d+ Critical · \d+ Important · \d+ Suggestions?\*\*", re.M
)
_TAIL: Final = re.compile(r"\n\n<sub>Deep Review · review `([^`\n]+)`</sub>\Z")
# The counts line and the commit it names (`… · reviewed `48e764080d3f``): read only in the
# comment's head, above the findings, whose untrusted text could hold such a line too.
_FACTS: Final = re.compile(
    r"(?:Round [^\n]*? · )?\*\*\d+ Critical · \d+ Important · \d+ Suggestions?\*\*"
    r"(?: · reviewed `([0-9a-f]{7,40})`)?(?: · [^\n]*)?"
)
_HEAD_PARAGRAPHS: Final = 4  # marker, heading, the verdict's reason, the counts line


def has_summary_layout(body: str) -> bool:
    """Whether `body` is laid out as `summary_body` writes it: marker, heading, counts, tail."""
    return body.startswith(_HEAD) and bool(_COUNTS.search(body)) and bool(_TAIL.search(body))


def reviewed_in(body: str) -> tuple[str | None, str | None]:
    """(the reviewed commit's short SHA, the review ID) a summary we wrote names, each None
    when it does not say."""
    rid = _TAIL.search(body)
    for paragraph in body.split("\n\n")[:_HEAD_PARAGRAPHS]:
        facts = _FACTS.fullmatch(paragraph)
        if facts is not None:
            return facts.group(1), rid.group(1) if rid else None
    return None, rid.group(1) if rid else None


def adopted(
    comments: Sequence[Any], viewer: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(ours, others) among the comments that start with the summary marker.

    Ours are the ones `viewer` (the token's login) wrote. When the login is unknown, a Bot's
    comment laid out as our summary is taken for ours, never a person's (`authorship`)."""
    ours: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for c in comments:
        if not isinstance(c, dict) or not is_summary(str(c.get("body") or "")):
            continue
        (ours if written_by(c, viewer, layout=has_summary_layout) else others).append(c)
    return ours, others


__all__ = [
    "GITHUB_LIMIT",
    "InlineMissing",
    "SummaryInput",
    "adopted",
    "counts_text",
    "has_summary_layout",
    "reviewed_in",
    "summary_body",
]
