"""Problems a review tells in prose that no finding read holds: unread findings text, so a
review that names problems is never taken for one that found nothing (`parse.py`)."""

from __future__ import annotations

from deepreview.findings.blocks import Block
from deepreview.findings.else_fine import placed_items_before_else_fine
from deepreview.findings.finding_draft import one_line
from deepreview.findings.level_fields import level_field_sections
from deepreview.findings.prose_problems import (
    asks_for_changes,
    lone_verdict,
    prose_problems,
    unheld_problems,
)
from deepreview.findings.readable import says_clean, says_nothing_found_outright
from deepreview.findings.review_parts import ReviewParts
from deepreview.findings.section_titles import Kind, is_recap, problem_section
from deepreview.findings.sign_off import approval_tells_a_problem
from deepreview.model import Finding


def unread_without_findings(
    st: ReviewParts, blocks: list[Block], text: str, unquoted: frozenset[str]
) -> list[str]:
    """No finding read (no findings section, or severity sections that all say "None"), but
    sentences that name problems at places (the summary, `## Observations`): findings that
    could not be read, never a review that found nothing. Adds them to `st.unread`; returns
    the warning."""
    st.unread.extend(prose_problems(blocks, st.prefixes, unquoted))
    if not st.unread and not (says_nothing_found_outright(text) or says_clean(text)):
        # `- **심각도:** 높음` under each title, a layout we do not read: a level field is
        # there only because a finding is (`level_fields.py`)
        st.unread.extend(level_field_sections(blocks))
    if not st.unread and not (says_nothing_found_outright(text) or says_clean(text)):
        # items at places, then `Everything else looks fine.`: the other code is fine,
        # not those items (`else_fine.py`)
        st.unread.extend(placed_items_before_else_fine(blocks))
    _verdict_unread(st, blocks)
    if st.unread:
        return [f"problems named in prose but no finding could be read: {one_line(st.unread[0])}"]
    return []


def _verdict_unread(st: ReviewParts, blocks: list[Block]) -> None:
    """A verdict that asks for changes, or names a problem, when nothing else is unread."""
    if not st.unread and not st.verdicts and (alone := lone_verdict(blocks)) is not None:
        # a review that is only `Needs work.`: its verdict, asking for changes it names
        # none of (never a clean review, never a failed seat)
        st.verdicts.append(alone)
    verdict = st.verdicts[-1] if st.verdicts else None
    if not st.unread and asks_for_changes(verdict) and verdict is not None:
        st.unread.append(verdict)  # it asks for changes and names none we could read
    elif not st.unread and verdict is not None and approval_tells_a_problem(verdict, False):
        # `## Verdict` `LGTM once `a.py:3` stops swallowing errors`: the problem it names
        # is findings text we cannot read, not a clean review
        st.unread.append(verdict)


def unread_beside_findings(
    st: ReviewParts, blocks: list[Block], findings: list[Finding], unquoted: frozenset[str]
) -> list[str]:
    """A section named for problems (`## Security`, `## Required changes`) that names one in
    prose, beside findings we read: that problem is findings text too, never a section only
    the appendix shows (not a recap, `## Action items`: it tells them again); and a problem
    told in any other section at a place no finding read holds (a checklist's answer:
    "`a.py:71` … has to be fixed before merging" beside a `Minor:` nit we read). Adds them to
    `st.unread`; returns the warning."""
    told = [
        b
        for b in blocks
        if b.kind is Kind.OTHER and problem_section(b.title) and not is_recap(b.title)
    ]
    more = prose_problems(told, st.prefixes, unquoted) if told else []
    placed = {(loc.path, loc.start) for f in findings for loc in f.locations}
    more += [p for p in unheld_problems(blocks, placed, st.prefixes, unquoted) if p not in more]
    if more:
        st.unread.extend(more)
        return [f"problems named in prose, not as findings: {one_line(more[0])}"]
    return []
