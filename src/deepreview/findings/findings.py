"""Findings sections: split into findings (each drafted by `finding_draft.py`).

The text before the first finding is read for "None." and its kin (`leading_text.py`); `---`
separators are layout, not content, and are dropped from both ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deepreview.findings.bold_siblings import bold_sibling
from deepreview.findings.closed_items import (
    reopens,
    says_closed,
    status_closes,
    status_heading,
    unstruck,
)
from deepreview.findings.closing_level import level_closes_paragraph
from deepreview.findings.closing_words import closing_words
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.conventional import comment_only
from deepreview.findings.file_groups import (
    BOLD_LEVEL,
    circle_item_head,
    file_heading,
    heading_level,
    levelled_lines_item,
    place_in_file,
)
from deepreview.findings.finding_draft import (
    Draft,
    draft_of,
    make_draft,
    strip_rules,
)
from deepreview.findings.finding_line import may_open_an_item, parse_head
from deepreview.findings.follow_on import follow_on_places
from deepreview.findings.head import FindingHead
from deepreview.findings.heading_places import later_severity, placed_in_text, record_says_fine
from deepreview.findings.item_lists import closing_remark, sentence_head
from deepreview.findings.kind_leads import kind_and_title
from deepreview.findings.labels import (
    fix_of_unread_item,
    labels_of,
    place_label_follows,
    severity_label_follows,
    under_a_field,
)
from deepreview.findings.leading_text import read_leading
from deepreview.findings.lesser_items import (
    minor_items,
    serious_item,
)
from deepreview.findings.levels import CIRCLES, DECORATION
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.no_action import needs_no_change
from deepreview.findings.none_statements import says_none
from deepreview.findings.paragraph_heads import (
    bold_lead_head,
    bold_line_head,
    cool_item_head,
    heading_head,
    leveled_item_head,
    place_paragraph_head,
    severity_heading_head,
)
from deepreview.findings.quoted_text import held_lines
from deepreview.findings.section_lists import (
    labels_follow,
    list_items,
    next_numbered,
    numbered_sentence,
    sentence_list,
    skips_ahead,
)
from deepreview.findings.table_findings import table_findings
from deepreview.findings.zero_counts import is_tally
from deepreview.model import Severity

_BOLD_ITEM = re.compile(rf"^[ \t]{{0,3}}(?:[-*+]|\d{{1,9}}[.)])[ \t]+(?:{DECORATION})?\*\*")
# `**1. Title** (`a.py:2`)`: the number inside the bold, as a numbered list's bold title
# `- `a.py:2` — **Title**: text`: a bold title after the item's place
_PLACE_THEN_BOLD = re.compile(
    rf"^[ \t]{{0,3}}{LIST_MARKER}[ \t]+`[^`\n]+`[ \t]+(?:[—–:-][ \t]+)?\*\*[^*\s]"
)
_BOLD_NUMBER = re.compile(r"^[ \t]{0,3}(?:\*\*|__)\d{1,9}[.)][ \t]+\S")
SECTION_SEVERITY = {
    "critical": Severity.CRITICAL,
    "important": Severity.IMPORTANT,
    "suggestions": Severity.SUGGESTION,
}


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
    starts: list[tuple[int, FindingHead]] = []
    # Numbered (`1. **Title**`), bulleted (`- **Title**`) and sub-heading (`#### Title`)
    # findings only under a severity heading, and only when the section's first finding is one
    # of them: a `1.` or `-` list inside a finding's body is not a finding, and neither is a
    # deeper sub-heading (`##### Fix`) of a sub-heading finding.
    # Under a plain Findings heading the same items are findings only when they carry their own
    # severity (a `[High]` tag, a `**Severity:** High` line below) or are a list item with a
    # bold title and a place (`1. **Title** (`a.py:3`)`, taken as important with a warning).
    mode: str | None = None
    level: int | None = None
    expected = 1
    in_file: tuple[str, int] | None = None  # findings under a `### `src/db.py`` heading
    groups: set[int] = set()
    # Headings of no known section (`### Sonstiges`) between numbered findings, at the level of
    # the one above the first finding: each starts a list of its own, numbered from 1 again,
    # and is no part of the finding above it. (A deeper one, or one with no heading above the
    # first finding, may be the finding's own `#### Steps`: its `1.` list is that text.)
    top: int | None = None
    top_at: list[int] = []  # the line of that heading above the first finding
    between: list[int] = []
    closed: set[int] = set()  # items a later round marks fixed (`closed_items.py`)
    done_level: int | None = None  # under a `### Resolved` sub-heading of that level
    for i, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        if fence or quoted[i] or not line.strip():
            continue
        sub = heading_level(line)
        if (status := status_heading(line)) is not None or (sub and sub <= (done_level or 0)):
            # `### Resolved` / `### Still open`: sorts the items under it, no finding itself
            done_level = sub if status else None
            if status is not None:
                continue
        if starts and comment_only(line):
            # `**question:** …` after `**nitpick:** …`: a comment that is no finding, and no
            # part of the finding above it (kept as text, as a closed item is)
            starts.append((i, starts[-1][1]))
            closed.add(i)
            continue
        # (whether the item is closed is asked of the line as written, once it opens one)
        written, under_done = line, done_level is not None
        line = unstruck(line) or line
        if sub is not None:
            if not starts:
                top, top_at = sub, [i]
            elif top is not None and sub <= top:
                between.append(i)
        # (findings with IDs name their own places: a bold file name in one's body is its text)
        grouping = None
        if mode != "id" and not (starts and labels_of(lines, fenced, starts[-1][0], i)):
            grouping = file_heading(line, prefixes)
        if grouping is not None:
            in_file = grouping
            groups.add(i)
            continue
        if in_file is not None and (heading_level(line) or BOLD_LEVEL + 1) <= in_file[1]:
            in_file = None  # `### Other`: the file's group ends
        if in_file is not None:
            line = levelled_lines_item(line, in_file[0])
        head = (
            circle_item_head(line, in_file[0]) if in_file and mode in (None, "placed") else None
        ) or parse_head(
            line,
            numbered=mode in (None, "numbered"),
            bulleted=mode in (None, "bulleted", "placed", "plain"),
            plain_bullets=mode in (None, "placed", "plain"),
            section_led=section is not None and mode in (None, "placed"),
            prefixes=prefixes,
        )
        if (
            head is None
            and mode == "bulleted"
            and starts
            and bold_sibling(lines[starts[-1][0]], line, numbered_after=True)
        ):
            head = parse_head(line, numbered=True, bulleted=False, prefixes=prefixes)
        if (
            head is None
            and mode in (None, "numbered", "bulleted")
            and sub is None  # (`### 1. Title`: a heading finding, `heading_head`'s)
            and may_open_an_item(line)  # (what a second read can find: the labels come after)
            and severity_label_follows(lines, fenced, i + 1)
            and place_label_follows(lines, fenced, i + 1)
        ):
            # `1. Cache entries are never evicted` + `   - Severity: high` + `   - File: …`: a
            # plain numbered (or bulleted) title is a finding when its own level and place
            # labels follow (a plain step is none, nor a plan's `1. Add a dashboard` +
            # `- Priority: low`)
            head = parse_head(
                line,
                numbered=mode != "bulleted",
                bulleted=mode != "numbered",
                prefixes=prefixes,
                labelled=True,
            )
        if head is None and mode in (None, "heading"):
            found = heading_head(line, prefixes)
            if found is not None and level in (None, found[0]):
                level, head = found
        if head is None and mode is not None:
            above = heading_level(lines[starts[-1][0]]) if starts else None
            labelled = heading_level(line) is not None and severity_label_follows(
                lines, fenced, i + 1
            )
            head = severity_heading_head(line, above, prefixes, labelled=labelled)
        if head is None and mode in (None, "boldline") and (section is not None or placed_headings):
            # (under `## Issues` too: `**1. Title** (`a.py:2`)` + its text, with no level, is
            # a finding as the same list item is; an ordinary section's bold line is no start)
            head = bold_line_head(line, prefixes)
        if (
            head is None
            and mode in (None, "placed")
            and (section is not None or placed_headings)
            and (i == 0 or not lines[i - 1].strip())
        ):
            head = place_paragraph_head(line, section is not None, prefixes)
        if head is None and mode in (None, "lead"):
            head = bold_lead_head(line, prefixes)
        elif head is None and mode in ("bulleted", "numbered") and line.startswith("**"):
            # `**🟢 Suggestion — Title** (`a.py:1`)` at the margin after a list of findings:
            # one more finding (with its level and place), not a paragraph of the last item
            lead = bold_lead_head(line, prefixes) if not lines[i - 1].strip() else None
            head = lead if lead and lead.locations and lead.level_word else None
        if (
            (head is None or head.severity is None)
            and starts
            and starts[-1][1].level_word in CIRCLES
        ):
            head = cool_item_head(line, prefixes) or head  # `- 🟢 Title — `a.py:4`` after `- 🔴 …`
        if head is None and starts:
            head = leveled_item_head(line, lines[starts[-1][0]], prefixes)
        if (
            head is None
            and mode == "numbered"
            and (nxt := next_numbered(lines, starts, i, expected))
        ):
            if nxt == "remark":
                expected += 1  # `2. Nice naming.`: no finding's text; the list goes on at `3.`
                groups.add(i)
                continue
            head = numbered_sentence(line, expected, prefixes)  # `2. The README lacks …`
        if head is None or (
            says_none(head.title)
            and not head.locations
            # (`S3. **—** (suggestion)`: an id and a level of its own make it a finding whose
            # title is a dash, as our own report writes it, not a `—` for "none")
            and not (head.style == "id" and head.level_word)
        ):
            continue  # `- **None** — the change is small.`
        if head.level_word and is_tally(line):
            continue  # `**Critical:** 0 · **Important:** 1`: the seat's tally, read as such
        if head.level_word and (
            under_a_field(lines, i) or fix_of_unread_item(lines, fenced, i, bool(starts))
        ):
            continue  # `* **Suggestion:** …` under `* **Issue:** …`: a field, not a finding
        if (
            section is None
            and head.style in ("numbered", "bulleted", "placed", "plain", "heading")
            and head.severity is None
            and not severity_label_follows(lines, fenced, i + 1)
            and not (
                head.locations
                and (
                    _BOLD_ITEM.match(line)
                    or _BOLD_NUMBER.match(line)
                    or _PLACE_THEN_BOLD.match(line)
                    # `### 1. Title (`a.py:3`)`: a heading, as `### Title (`a.py:3`)` is
                    or head.style == "heading"
                    or sub is not None
                )
            )
            and not (
                placed_headings
                and head.style == "heading"
                and not head.locations
                and placed_in_text(lines, fenced, i, kind_and_title(head), prefixes)
            )
            and not (head.style == "heading" and level_closes_paragraph(lines, fenced, i + 1))
            and not (starts and bold_sibling(lines[starts[-1][0]], line))
            and not (starts and bold_sibling(lines[starts[-1][0]], line, numbered_after=True))
            and (sibling := next_numbered(lines, starts, i, expected)) != "fault"
        ):
            if head.style == "heading" and level is not None and not starts:
                level = None  # the level is locked by the first finding, not by a non-finding
            if sibling == "remark":
                expected += 1
                groups.add(i)
            continue
        if head.style == "numbered":
            # Agents sometimes keep counting across sections (`1.` under Important, `2.`-`5.`
            # under Suggestions), so the section's first numbered finding may start anywhere
            # when it carries a location or tag (or label lines with them right below:
            # `**2. Title**` + `* **File:** `a.py` (Line 4)`); after it the numbers must follow on.
            leads = not any(h.style == "numbered" for _, h in starts)
            anew = bool(between) and head.number == 1 and bool(head.locations)
            if (
                head.number != expected
                and not anew
                and not (leads and (head.locations or head.severity is not None))
                and not (leads and labels_follow(lines, fenced, i + 1))
                and not skips_ahead(head, line, lines[starts[-1][0]] if starts else None, expected)
            ):
                continue
            if anew and head.number != expected:
                groups.update(between + top_at)
            expected = (head.number or expected) + 1
        if mode is None:
            mode = head.style
        if in_file is not None:
            place_in_file(head, in_file[0])
        if says_closed(written) or (under_done and not reopens(written)):
            closed.add(i)
        if mode != "heading":  # `### Correctness` above a list item: its category, no text
            groups.update(k for k in between if k != i)
        starts.append((i, head))
        between = []
    if sentences and section is not None and sentence_list(lines, fenced, starts):
        starts = [(i, sentence_head(lines[i], prefixes)) for i in list_items(lines, fenced)]
        closed = {i for i, _ in starts if says_closed(lines[i])}
    first = out.first = starts[0][0] if starts else len(lines)
    rows, used = table_findings(lines[:first], fenced[:first], section, prefixes)
    for head, text, fix in rows:
        out.drafts.append(
            make_draft(
                head, section, body=text, fix=fix, section_high=section_high, prefixes=prefixes
            )
        )
    taken = set(used) | groups
    leading = read_leading(
        [ln for k, ln in enumerate(lines[:first]) if k not in taken],
        bool(starts),
        prefixes if nits else None,
        _minor_findings,
    )
    out.drafts.extend(leading.drafts)
    out.unparsed.extend(leading.unparsed)
    out.unread.extend(leading.unread)
    out.warnings.extend(leading.warnings)
    closing = closing_remark(lines, fenced, [i for i, _ in starts])
    if starts:  # `Overall, the change needs work …` after the last finding: no part of it
        closing = closing_words(lines, fenced, starts[-1][0], closing)
    out.closing = closing
    if closing < len(lines):
        out.unparsed.append("\n".join(strip_rules(lines[closing:])))
    made: list[tuple[int, FindingHead, Draft]] = []
    for n, (i, head) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else closing
        if i in closed or status_closes(lines[i + 1 : end]):
            out.unparsed.append("\n".join(strip_rules(lines[i:end])))  # kept, no finding
            out.closed += 1
            continue
        body = [k for k in range(i + 1, end) if k not in groups]
        if needs_no_change("\n".join([lines[i]] + [lines[k] for k in body])) or (
            placed_headings
            and head.style == "heading"
            and record_says_fine(lines, fenced, i, prefixes)
        ):
            out.unparsed.append("\n".join(lines[i:end]).strip())  # a spot checked: no finding
            continue
        own, mask = [lines[k] for k in body], [fenced[k] for k in body]
        if head.style == "heading" and section is None:
            own, mask = later_severity(head, own, mask)  # `**Severity:** High` after the text
        made.append(
            (i, head, draft_of(head, own, mask, section, prefixes, section_high=section_high))
        )
        out.drafts.append(made[-1][2])
    follow_on_places(made, lines)  # `- non-blocking: the regex …` under a placed item
    return out


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
