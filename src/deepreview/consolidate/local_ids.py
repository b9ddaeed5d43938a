"""A seat's own finding IDs in its prose, renamed to what the reader is shown.

A seat numbers its findings itself: Claude's "a test would have caught I1" means Claude's I1,
which the report may call C1 while its own I1 is another finding. So before the seats' design
observations and assessments are merged, each seat's mention of one of its own finding IDs is
renamed: to the report's ID (`report_names`), or to the cluster ID the lead is told to use
(`cluster_names`); and so in the title, body and fix a consolidated finding shows, by the seat
each came from (`findings_renamed`). Only that seat's own IDs, and only in prose: an `I1` in a
code span or block, one the seat has no finding for (another review's numbering), or one that
names its round ("I2 of round 1", `names_round`), stays as written.
Nor is a token renamed where it reads as a name rather than a reference: a seat whose S3 is a
finding may also write "uploads to S3" or "the Amazon S3 bucket" (`is_name`).
The seat's review in the appendix stays word for word. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import Consolidation
from deepreview.consolidate.inputs import SeatReview
from deepreview.markdown_fence import outside_code
from deepreview.model import AgentReview, Assessment, Finding

# (seat, its own finding ID) -> the name to show, or None to leave it as written
Namer = Callable[[str, str], str | None]

# An ID standing alone: not part of a word, a path, a member key (`claude:I1`) or `I1.2`.
_ID = re.compile(r"(?<![\w#/.:-])([A-Z]+\d+)(?!\w|\.\d)")

# Where an ID is surely a finding reference: in a list or range of the seat's IDs ("I1, I2 and
# S3", "I1–I2"; checked apart), opening a parenthesis, line, table cell or clause ("(S3",
# "- S3", "| S3", "— S3"), in bold ("**S3**"), after a word that announces one ("see S3",
# "finding S3"), or before ":" / "above" / "below".
_REF_BEFORE = re.compile(
    r"(?:^|[(\[|—–]|\*\*|__|^\s*(?:[-*+]|\d+[.)])|\b(?:see|cf\.|per|findings?|issues?|suggestions?))\s*$",
    re.IGNORECASE,
)
_REF_AFTER = re.compile(r"^(?::|\s+(?:above|below)\b)", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"([A-Z]+\d+)\s*(?:,|/|&|–|-|,?\s+(?:and|or))\s*$")
_LIST_AFTER = re.compile(r"^\s*(?:,|/|&|–|-|,?\s+(?:and|or)\b)\s*([A-Z]+\d+)")
# Where a token reads as a name: after an article or a preposition of place ("to S3", "the S3
# bucket") or after a capitalised word inside a sentence ("Amazon S3"). Anywhere else in running
# prose ("a test would have caught I1") it stays a reference, as seats mostly write them.
_NAME_BEFORE = re.compile(r"\b(?:a|an|the|to|from|into|onto|via)\s+$", re.IGNORECASE)
_CAPITALISED_BEFORE = re.compile(r"[\w,;]\s+[A-Z][a-z]+\s+$")


# Where an ID names its round ("round 1's I2", "Round 1 I2", "I2 of round 1", "I2 from the
# previous round"): another review's numbering, never the seat's own finding of that ID.
_ROUND = r"(?:round\s+\d+|(?:the\s+)?(?:previous|prior|last|earlier|first)\s+round)"
_ROUND_BEFORE = re.compile(rf"\b{_ROUND}(?:'s)?\s+$", re.IGNORECASE)
_ROUND_AFTER = re.compile(rf"^\s+(?:of|from|in)\s+(?:the\s+)?{_ROUND}", re.IGNORECASE)


def names_round(prose: str, m: re.Match[str]) -> bool:
    """Whether the ID at `m` says which round's it is ("round 1's I2", "I2 of round 1")."""
    before = prose[max(0, m.start() - 30) : m.start()]
    return bool(_ROUND_BEFORE.search(before) or _ROUND_AFTER.match(prose[m.end() :]))


def is_name(prose: str, m: re.Match[str], own: set[str]) -> bool:
    """Whether the ID at `m` reads as a name ("uploads to S3") rather than a finding reference
    ("see S3", "I1 and S3", "would have caught S3")."""
    line_start = prose.rfind("\n", 0, m.start()) + 1
    before, after = prose[line_start : m.start()], prose[m.end() :]
    listed = _LIST_BEFORE.search(before) or _LIST_AFTER.match(after)
    if (listed and listed.group(1) in own) or _REF_BEFORE.search(before) or _REF_AFTER.match(after):
        return False
    return bool(_NAME_BEFORE.search(before) or _CAPITALISED_BEFORE.search(before))


def report_names(seat_reviews: Sequence[SeatReview], result: Consolidation) -> Namer:
    """A seat's finding as the report names it: the ID of the finding it is part of, or the
    seat's label (`Claude I1`) when the lead dropped it."""
    names = {sr.seat: sr.reviewer.name for sr in seat_reviews}
    final = {(m.seat, m.finding.id): o.finding_id for o in result.origins for m in o.members}
    own = {(sr.seat, f.id): f for sr in seat_reviews if sr.review for f in sr.review.findings}

    def name(seat: str, fid: str) -> str | None:
        if (seat, fid) in final:
            return final[seat, fid]
        if (seat, fid) in own:  # dropped: the seat's own label, never a bare ID of the report
            return f"{names.get(seat, seat)} {fid}"
        return None

    return name


def cluster_names(clusters: Sequence[Cluster]) -> Namer:
    """A seat's finding as the lead prompt names it: its cluster's ID (`K3`)."""
    ids = {(m.seat, m.finding.id): c.id for c in clusters for m in c.members}
    return lambda seat, fid: ids.get((seat, fid))


def renamed(seat_reviews: Sequence[SeatReview], name: Namer) -> tuple[SeatReview, ...]:
    """The seat reviews with their own finding IDs in their design observations, assessments
    and limitations renamed by `name`."""
    return tuple(
        sr if sr.review is None else replace(sr, review=_renamed(sr.seat, sr.review, name))
        for sr in seat_reviews
    )


def findings_renamed(
    seat_reviews: Sequence[SeatReview], result: Consolidation, name: Namer
) -> Consolidation:
    """`result` with the seats' own finding IDs in its findings' titles, bodies and fixes
    renamed by `name`: each text as the seat it came from numbered its findings
    (`Origin.title_seat`, `body_seat`, `fix_seat`); a lead's title or added finding stays."""
    own = {sr.seat: {f.id for f in sr.review.findings} for sr in seat_reviews if sr.review}
    origins = {o.finding_id: o for o in result.origins}

    def text(seat: str | None, t: str) -> str:
        return _rename(seat, own.get(seat, set()), name)(t) if seat is not None else t

    def one(f: Finding) -> Finding:
        o = origins.get(f.id)
        if o is None:
            return f
        return replace(
            f,
            title=text(o.title_seat, f.title),
            body=text(o.body_seat, f.body),
            fix=text(o.fix_seat, f.fix),
        )

    return result._replace(findings=tuple(one(f) for f in result.findings))


def _rename(seat: str, own: set[str], name: Namer) -> Callable[[str], str]:
    """What `seat`'s prose reads with its own finding IDs renamed by `name`, outside code."""

    def one(prose: str, m: re.Match[str]) -> str:
        fid = m.group(1)
        if fid not in own or is_name(prose, m, own) or names_round(prose, m):
            return fid
        return name(seat, fid) or fid

    return lambda t: outside_code(t, lambda prose: _ID.sub(lambda m: one(prose, m), prose))


def _renamed(seat: str, review: AgentReview, name: Namer) -> AgentReview:
    own = {f.id for f in review.findings}
    if not own:
        return review
    return notes_rewritten(review, _rename(seat, own, name))


def notes_rewritten(review: AgentReview, text: Callable[[str], str]) -> AgentReview:
    """`review` with `text` applied to the prose around its findings: design observations,
    assessments (intro and items), limitations and its other sections (its open questions
    become the report's; the verdict sections other steps read are read from its raw text)."""

    def assessment(a: Assessment) -> Assessment:
        return replace(a, intro=text(a.intro), items=tuple(text(i) for i in a.items))

    return replace(
        review,
        design_observations=tuple(
            replace(o, text=text(o.text)) for o in review.design_observations
        ),
        testing=assessment(review.testing),
        documentation=assessment(review.documentation),
        limitations=text(review.limitations),
        other_sections=tuple(replace(x, body=text(x.body)) for x in review.other_sections),
    )


ID_TOKEN = _ID  # for `prior_refs`, which renames another round's IDs the same way

__all__ = [
    "ID_TOKEN",
    "Namer",
    "cluster_names",
    "findings_renamed",
    "is_name",
    "names_round",
    "notes_rewritten",
    "renamed",
    "report_names",
]
