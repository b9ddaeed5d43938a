"""A seat's sections that no section of the report merges (`AgentReview.other_sections`).

Open questions for the author (`## Open Questions`, `## Questions for the Author`) are what a
maintainer acts on next to the findings: they become the report's `Open Questions` section, each
seat's credited (`[Claude]`), in the seats' order. Any other section with text is named in the
run notes as kept in the appendix only, so that nothing a seat wrote leaves the report's body
unsaid. Not named: the sections other steps read (a round's Fix Verdicts, the PR threads'
verdicts, a verdict), and headings with no text under them. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.sections import credited
from deepreview.model import Section

QUESTIONS_TITLE: Final = "Open Questions"
_QUESTIONS = re.compile(r"\bquestions?\b", re.IGNORECASE)
# read by other steps (`rounds.verdicts`, `findings.thread_verdicts`), or the review's own title
_READ_ELSEWHERE = re.compile(r"verdict|unresolved feedback|^untitled$", re.IGNORECASE)


def open_questions(seat_reviews: Sequence[SeatReview]) -> tuple[Section, ...]:
    """The report's Open Questions section from the seats' question sections, or ()."""
    parts = [
        credited(sec.body.strip(), (sr.reviewer.credit,))
        for sr in seat_reviews
        if sr.review is not None
        for sec in sr.review.other_sections
        if _QUESTIONS.search(sec.title) and sec.body.strip()
    ]
    return (Section(QUESTIONS_TITLE, "\n\n".join(parts)),) if parts else ()


def appendix_only_notes(seat_reviews: Sequence[SeatReview]) -> tuple[str, ...]:
    """A run note for each seat's section with text that the report's body does not carry."""
    return tuple(
        f"{sr.reviewer.name}'s “{sec.title}” section is in the appendix only: the report has no "
        "section for it."
        for sr in seat_reviews
        if sr.review is not None
        for sec in sr.review.other_sections
        if sec.body.strip()
        and not _QUESTIONS.search(sec.title)
        and not _READ_ELSEWHERE.search(sec.title)
    )
