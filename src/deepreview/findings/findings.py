"""Findings sections: split into findings (each drafted by `finding_draft.py`).

The text before the first finding is read for "None." and its kin (`leading_text.py`); `---`
separators are layout, not content, and are dropped from both ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deepreview.findings.closed_items import status_closes
from deepreview.findings.closing_words import closing_words
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.design_tone import praises
from deepreview.findings.finding_draft import (
    Draft,
    draft_of,
    make_draft,
    one_line,
    strip_rules,
)
from deepreview.findings.finding_starts import Starts, finding_starts
from deepreview.findings.follow_on import follow_on_places
from deepreview.findings.head import FindingHead
from deepreview.findings.heading_places import later_severity, record_says_fine
from deepreview.findings.item_lists import closing_remark
from deepreview.findings.later_tables import later_tables
from deepreview.findings.leading_text import read_leading
from deepreview.findings.lesser_items import (
    minor_items,
    serious_item,
)
from deepreview.findings.no_action import needs_no_change
from deepreview.findings.placed_lists import in_a_list_of_places
from deepreview.findings.quoted_text import held_lines
from deepreview.findings.rated_siblings import beside_a_rated_item
from deepreview.findings.table_findings import table_findings
from deepreview.model import Severity

SECTION_SEVERITY = {
    "critical": Severity.CRITICAL,
    "important": Severity.IMPORTANT,
    "suggestions": Severity.SUGGESTION,
}


# the warning for a place-led item among rated findings that says no change is needed, or
# praises the code (`rated_siblings`)
NOT_READ_REMARK = "list item not read as a finding (a remark, not a problem): "


@dataclass
class FindingsResult:
    drafts: list[Draft] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # text before the first finding (not None)
    first: int = 0  # index of the first finding's line (the length when there is none)
    closing: int = 0  # where the text after the findings list begins (`closing_remark`)
    closed: int = 0  # items read and set aside as done (`closed_items`): items all the same


def parse_findings_block(
    lines: list[str],
    fenced: list[bool],
    section: Severity | None,
    prefixes: tuple[str, ...] = (),
    *,
    section_high: bool = False,
    sentences: bool = False,
    held: list[bool] | None = None,
    nits: bool = True,
    placed_headings: bool = False,
) -> FindingsResult:
    """Findings in one Critical/Important/Suggestions (or plain Findings) section;
    `section_high`: the section's title calls that level `High`; `sentences`: its heading is a
    real heading (not a `Label:` line), so a section that is only a list of plain sentences
    lists one finding per item; `held` lines (quoted inside a finding, `quoted_text`; found
    here when not given) are its text and open nothing; `nits`: items after "No blocking issues."
    that the text calls minor are Suggestions (`lesser_items`; not in a review with no findings
    section, whose place-led problems `placed_items` reads); `placed_headings`: the lines are a
    findings section's, so a sub-heading with its place only in its text may open a finding
    (`heading_places`; a review's own title above its prose never does)."""
    out = FindingsResult()
    # (a section read on its own, as `loose` reads an ordinary one, finds its quotes itself)
    quoted = held if held is not None else held_lines(lines, fenced)
    found = finding_starts(
        lines,
        fenced,
        quoted,
        section,
        prefixes,
        sentences=sentences,
        placed_headings=placed_headings,
    )
    starts = found.starts
    first = out.first = starts[0][0] if starts else len(lines)
    _read_before_first(out, lines, fenced, first, found, section, prefixes, section_high, nits)
    later = later_tables(lines, fenced, quoted, first, section, prefixes)
    found.groups |= later.used  # (a table after a finding is no part of its text)
    closing = _closing(out, lines, fenced, starts, later.used)
    made: list[tuple[int, FindingHead, Draft]] = []
    for n, (i, head) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else closing
        draft = _draft_or_set_aside(
            out,
            lines,
            fenced,
            i,
            end,
            head,
            found,
            section,
            prefixes,
            section_high,
            placed_headings,
        )
        if draft is not None:
            made.append((i, head, draft))
            out.drafts.append(draft)
    follow_on_places(made, lines)  # `- non-blocking: the regex …` under a placed item
    for head, text, fix in later.rows:
        out.drafts.append(
            make_draft(
                head, section, body=text, fix=fix, section_high=section_high, prefixes=prefixes
            )
        )
    out.unread.extend(later.unread)
    out.warnings.extend(later.warnings)
    return out


def _read_before_first(
    out: FindingsResult,
    lines: list[str],
    fenced: list[bool],
    first: int,
    found: Starts,
    section: Severity | None,
    prefixes: tuple[str, ...],
    section_high: bool,
    nits: bool,
) -> None:
    """The findings of a table, and the leading text's, before the first finding."""
    rows, used = table_findings(lines[:first], fenced[:first], section, prefixes)
    for head, text, fix in rows:
        out.drafts.append(
            make_draft(
                head, section, body=text, fix=fix, section_high=section_high, prefixes=prefixes
            )
        )
    taken = set(used) | found.groups
    leading = read_leading(
        [ln for k, ln in enumerate(lines[:first]) if k not in taken],
        bool(found.starts),
        prefixes if nits else None,
        _minor_findings,
    )
    out.drafts.extend(leading.drafts)
    out.unparsed.extend(leading.unparsed)
    out.unread.extend(leading.unread)
    out.warnings.extend(leading.warnings)


def _closing(
    out: FindingsResult,
    lines: list[str],
    fenced: list[bool],
    starts: list[tuple[int, FindingHead]],
    tables: set[int],
) -> int:
    """Where the text after the findings list begins (kept as unparsed text, less the
    `tables` read after the first finding)."""
    closing = closing_remark(lines, fenced, [i for i, _ in starts])
    if starts:  # `Overall, the change needs work …` after the last finding: no part of it
        closing = closing_words(lines, fenced, starts[-1][0], closing)
    out.closing = closing
    if closing < len(lines):
        rest = [ln for k, ln in enumerate(lines) if k >= closing and k not in tables]
        if "".join(rest).strip():
            out.unparsed.append("\n".join(strip_rules(rest)))
    return closing


def _draft_or_set_aside(
    out: FindingsResult,
    lines: list[str],
    fenced: list[bool],
    i: int,
    end: int,
    head: FindingHead,
    found: Starts,
    section: Severity | None,
    prefixes: tuple[str, ...],
    section_high: bool,
    placed_headings: bool,
) -> Draft | None:
    """The draft of the finding in lines `i`..`end`, or None for a closed item or a spot
    checked and found fine (its text kept as unparsed)."""
    if i in found.closed or status_closes(lines[i + 1 : end]):
        out.unparsed.append("\n".join(strip_rules(lines[i:end])))  # kept, no finding
        out.closed += 1
        return None
    body = [k for k in range(i + 1, end) if k not in found.groups]
    text = "\n".join([lines[i]] + [lines[k] for k in body])
    beside = beside_a_rated_item(lines, fenced, i, head, prefixes)
    beside = beside or (
        placed_headings
        and section is None
        and in_a_list_of_places(lines, fenced, i, head, prefixes)
    )
    if (
        needs_no_change(text)
        or (beside and praises("\n".join([head.title] + [lines[k] for k in body])))
        or (
            placed_headings
            and head.style == "heading"
            and record_says_fine(lines, fenced, i, prefixes)
        )
    ):
        out.unparsed.append("\n".join(lines[i:end]).strip())  # a spot checked: no finding
        if beside:
            # among rated findings, a place-led remark that is none is told, never gone in silence
            out.warnings.append(f"{NOT_READ_REMARK}{one_line(lines[i], 120)}")
        return None
    own, mask = [lines[k] for k in body], [fenced[k] for k in body]
    if head.style == "heading" and section is None:
        own, mask = later_severity(head, own, mask)  # `**Severity:** High` after the text
    return draft_of(head, own, mask, section, prefixes, section_high=section_high)


def _minor_findings(paras: list[str], listed: list[str], prefixes: tuple[str, ...]) -> list[Draft]:
    """The items after "No blocking issues.", read as a Suggestions section when the text
    calls them minor and every line of them is read (else none: they stay unread text)."""
    items = minor_items(paras, listed)
    if not items:
        return []
    res = parse_findings_block(
        items, fence_mask(items), Severity.SUGGESTION, prefixes, sentences=True
    )
    if res.unread or res.unparsed:
        return []
    for d in res.drafts:
        if (own := serious_item(d.head.title, d.body)) is not None:
            d.severity = d.head.severity = own[0]  # `[Important] the writer drops …`
            d.head.title = own[1]
    return res.drafts
