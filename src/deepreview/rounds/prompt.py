"""What a round N >= 2 adds to every seat's prompt: the interdiff, the previous round's open
findings with the fix-verdict instruction (a finding still open from any earlier round is one
of them: each round carries it forward), what earlier rounds closed or their leads dropped (one
short line each, so a seat does not raise it again as new), and the declined findings with
their reasons.

Prior findings and decline reasons are text from earlier agents and users, the interdiff is the
author's, and the previous review's ID and the note on the interdiff name the author's branch and
files: all of it is fenced as data like the rest of the prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deepreview.model import Finding  # types only: not loaded before the first seat


@dataclass(frozen=True)
class DeclineNote:
    finding_id: str  # the ID it had when declined
    title: str
    location: str
    reason: str


@dataclass(frozen=True)
class ClosedNote:
    """A finding an earlier round closed, or its lead dropped (`rounds.earlier`)."""

    label: str  # "Round 1 I3", "Round 1 Charlie C1"
    title: str
    location: str  # "calc.py", "calc.py:3"; "" when it named none
    what: str  # "fixed in round 2", "closed in round 2", "dropped by the lead in round 1"


# More than this many closed findings are counted, not listed: the prompt is for the change.
CLOSED_LISTED = 30


def _finding_line(f: Finding) -> str:
    where = ", ".join(str(loc) for loc in f.locations) or "(no location)"
    who = f" [{', '.join(f.reviewers)}]" if f.reviewers else ""
    return f"- {f.id}. {f.title} — `{where}` ({f.severity.value}){who}"


def round_prompt(
    *,
    previous_no: int,
    previous_id: str,
    previous_sha: str,
    interdiff: str,
    interdiff_note: str,
    open_findings: Sequence[Finding],
    declines: Sequence[DeclineNote],
    fence_open: Callable[[str], str],
    fence_close: Callable[[str], str],
    closed: Sequence[ClosedNote] = (),
) -> str:
    # This round's own number is handed out when it is stored (`Store.round_for`: reviews of a
    # series that finish in between, or a round in which every seat failed, move it), so the
    # prompt names only the round it compares with.
    prev = previous_no

    def data(label: str, text: str) -> str:
        # A review ID spells its branch, and the note names renamed files and other reviews
        return f"{fence_open(label)}{text}{fence_close(label)}"

    note = data("round-note", interdiff_note) if interdiff_note else ""
    out = [
        "",
        f"## A later round: what changed since round {prev}",
        "",
        f"Round {prev} (review {data('review-id', previous_id)}) reviewed `{previous_sha}`.",
    ]
    if interdiff:
        # The note says what the interdiff is when that needs saying (the base moved: only the
        # branch's own changes; a file renamed: its findings follow it).
        out += [note] if note else []
        out += [
            "The interdiff below is everything that changed since then; review it closely, and "
            "still review the whole change above.",
            "",
            fence_open("interdiff"),
            interdiff.rstrip("\n"),
            fence_close("interdiff"),
        ]
    elif note:
        out += [note]
    if open_findings:
        out += [
            "",
            f"### Round {prev}'s open findings",
            "",
            "Give a **fix verdict** for each one — exactly one of `fixed`, `partially fixed`, "
            "`not fixed`, `no longer applies` — with evidence (`file:line` and what you saw). "
            "Do not report a finding you judge `not fixed` or `partially fixed` again under "
            "Findings; its verdict carries it forward.",
            "",
            fence_open("prior-findings"),
            *(_finding_line(f) for f in open_findings),
            fence_close("prior-findings"),
        ]
    if closed:
        listed, more = closed[:CLOSED_LISTED], len(closed) - CLOSED_LISTED
        out += [
            "",
            "### Closed in earlier rounds",
            "",
            "Earlier rounds closed these (found fixed or no longer applying) or their lead "
            "dropped them. They are not open: give them no fix verdict, and do not raise one "
            "again unless the code it names changed so that the problem is back; if you do, say "
            "what changed.",
            "",
            fence_open("closed-findings"),
            *(
                f"- {c.label}. {c.title} — `{c.location or '(no location)'}` — {c.what}"
                for c in listed
            ),
            fence_close("closed-findings"),
        ]
        if more > 0:
            out += [f"({more} more closed in earlier rounds are not listed: the newest are.)"]
    if declines:
        out += [
            "",
            "### Declined findings",
            "",
            "The author declined these on purpose. Do not raise them again unless the lines they "
            "name changed since; if you do, say what changed.",
            "",
            fence_open("declined-findings"),
            *(
                f"- {d.finding_id}. {d.title} — `{d.location}` — declined: {d.reason}"
                for d in declines
            ),
            fence_close("declined-findings"),
        ]
    if open_findings:
        out += [
            "",
            "Add this section to your review, after Coverage Summary:",
            "",
            "```",
            f"## Fix Verdicts (round {prev} findings)",
            "",
            "- <prior ID>: <fixed|partially fixed|not fixed|no longer applies>"
            " — <file:line> <evidence>",
            "```",
        ]
    return "\n".join(out) + "\n"
