"""What the retro says about how the tool read a seat's severities, where it had to choose.

A finding the seat gave no severity (no section, tag, label or ID letter) is taken as
important (`AgentReview.unrated`); one whose tag contradicts its section or ID letter
("S1 … (important)" under `### Suggestions`) is taken at its tag (`AgentReview.overruled`).
Either choice changes what the report says (the verdict may name the finding), so the seat's
retro entry says it, one sentence each, naming the finding by the seat's own ID and title as
its review in the appendix has it. So too a finding renumbered because the review gave an
earlier, different finding its ID (`AgentReview.renumbered`): the retro and Reconciliation
call it `Gemini I3`, an ID its review never wrote; and a review written twice, whose earlier
draft was not read (`AgentReview.redrafted`). The parser's other warnings (a finding
without a Fix, a coverage line it could not read) change nothing the report shows and stay
out. Pure.
"""

from __future__ import annotations

from deepreview.consolidate.labels import title_labels
from deepreview.model import AgentReview


def grade_notes(review: AgentReview, name: str) -> list[str]:
    """The retro's sentences on `review`'s unrated and overruled severities and renumbered
    findings (`name`: the seat's display name)."""
    out: list[str] = []
    unrated = [f for f in review.findings if f.id in review.unrated]
    if unrated:
        # its own IDs and titles: the severity shown for them is a default, not its grade
        own = title_labels([f.title for f in unrated])
        n = len(unrated)
        out.append(
            f"{name} gave no severity for {n} finding{'' if n == 1 else 's'} of its own "
            f"({', '.join(f'{name} {f.id} ({t})' for f, t in zip(unrated, own, strict=True))}); "
            "each was taken as important."
        )
    by_id = {f.id: f for f in review.findings}
    overruled = [(by_id[fid], said) for fid, said in review.overruled if fid in by_id]
    titles = title_labels([f.title for f, _ in overruled])
    for (f, said), title in zip(overruled, titles, strict=True):
        grade = f.severity.value
        out.append(
            f"{name} {f.id} ({title}) is tagged {grade} but {said}; taken as {grade}, "
            "as its tag says."
        )
    renumbered = [(was, by_id[now]) for was, now in review.renumbered if now in by_id]
    titles = title_labels([f.title for _, f in renumbered])
    for (was, f), title in zip(renumbered, titles, strict=True):
        out.append(
            f"{name} called two different findings {was}; the later one ({title}) is "
            f"{name} {f.id} here."
        )
    if review.redrafted:
        # the appendix shows both drafts: which one the report's findings come from
        sections = ", ".join(review.redrafted)
        out.append(
            f"{name} wrote its {sections} twice; the later draft was read, and the earlier one "
            "counts for nothing here (both are in its review below)."
        )
    return out
