"""Where a findings section's findings start: which lines open a finding, and which lines
around them are layout (file groups, category headings, remarks) or closed items.

`parse_findings_block` (`findings.py`) drafts a finding from each start to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deepreview.findings.bold_siblings import bold_sibling
from deepreview.findings.closed_items import (
    reopens,
    says_closed,
    status_heading,
    unstruck,
)
from deepreview.findings.closing_level import level_closes_paragraph
from deepreview.findings.conventional import comment_only
from deepreview.findings.file_groups import (
    BOLD_LEVEL,
    circle_item_head,
    file_heading,
    heading_level,
    levelled_lines_item,
    place_in_file,
)
from deepreview.findings.finding_line import may_open_an_item, parse_head
from deepreview.findings.head import FindingHead
from deepreview.findings.heading_places import placed_in_text
from deepreview.findings.item_lists import sentence_head
from deepreview.findings.kind_leads import kind_and_title
from deepreview.findings.labels import (
    fix_of_unread_item,
    labels_of,
    place_label_follows,
    severity_label_follows,
    under_a_field,
)
from deepreview.findings.levels import CIRCLES, DECORATION
from deepreview.findings.list_marker import LIST_MARKER
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
from deepreview.findings.placed_lists import in_a_list_of_places
from deepreview.findings.rated_siblings import beside_a_rated_item
from deepreview.findings.section_lists import (
    labels_follow,
    list_items,
    next_numbered,
    numbered_sentence,
    sentence_list,
    skips_ahead,
)
from deepreview.findings.zero_counts import is_tally
from deepreview.model import Severity

_BOLD_ITEM = re.compile(rf"^[ \t]{{0,3}}(?:[-*+]|\d{{1,9}}[.)])[ \t]+(?:{DECORATION})?\*\*")
# `**1. Title** (`a.py:2`)`: the number inside the bold, as a numbered list's bold title
# `- `a.py:2` — **Title**: text`: a bold title after the item's place
_PLACE_THEN_BOLD = re.compile(
    rf"^[ \t]{{0,3}}{LIST_MARKER}[ \t]+`[^`\n]+`[ \t]+(?:[—–:-][ \t]+)?\*\*[^*\s]"
)
_BOLD_NUMBER = re.compile(r"^[ \t]{0,3}(?:\*\*|__)\d{1,9}[.)][ \t]+\S")


@dataclass
class Starts:
    """The lines that open a finding (with their heads), the items set aside as closed, and
    the lines that are no finding's text (file groups, category headings, remarks)."""

    starts: list[tuple[int, FindingHead]] = field(default_factory=list)
    closed: set[int] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)


def finding_starts(
    lines: list[str],
    fenced: list[bool],
    quoted: list[bool],
    section: Severity | None,
    prefixes: tuple[str, ...],
    *,
    sentences: bool,
    placed_headings: bool,
) -> Starts:
    """The findings' starts in a section's lines (the arguments as `parse_findings_block`'s;
    `quoted` lines are a finding's text and open nothing)."""
    scan = _Scan(lines, fenced, section, prefixes, placed_headings)
    for i, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        if fence or quoted[i] or not line.strip():
            continue
        scan.read(i, line)
    found = Starts(scan.starts, scan.closed, scan.groups)
    if sentences and section is not None and sentence_list(lines, fenced, found.starts):
        found.starts = [(i, sentence_head(lines[i], prefixes)) for i in list_items(lines, fenced)]
        found.closed = {i for i, _ in found.starts if says_closed(lines[i])}
    return found


@dataclass
class _Scan:
    """The scan's state, line by line.

    Numbered (`1. **Title**`), bulleted (`- **Title**`) and sub-heading (`#### Title`)
    findings only under a severity heading, and only when the section's first finding is one
    of them: a `1.` or `-` list inside a finding's body is not a finding, and neither is a
    deeper sub-heading (`##### Fix`) of a sub-heading finding.
    Under a plain Findings heading the same items are findings only when they carry their own
    severity (a `[High]` tag, a `**Severity:** High` line below) or are a list item with a
    bold title and a place (`1. **Title** (`a.py:3`)`, taken as important with a warning).
    """

    lines: list[str]
    fenced: list[bool]
    section: Severity | None
    prefixes: tuple[str, ...]
    placed_headings: bool
    starts: list[tuple[int, FindingHead]] = field(default_factory=list)
    mode: str | None = None  # the first finding's style: the rest must share it
    level: int | None = None
    expected: int = 1
    in_file: tuple[str, int] | None = None  # findings under a `### `src/db.py`` heading
    groups: set[int] = field(default_factory=set)
    # Headings of no known section (`### Sonstiges`) between numbered findings, at the level of
    # the one above the first finding: each starts a list of its own, numbered from 1 again,
    # and is no part of the finding above it. (A deeper one, or one with no heading above the
    # first finding, may be the finding's own `#### Steps`: its `1.` list is that text.)
    top: int | None = None
    top_at: list[int] = field(default_factory=list)  # the line of that heading above the first
    between: list[int] = field(default_factory=list)
    closed: set[int] = field(default_factory=set)  # items a later round marks fixed
    done_level: int | None = None  # under a `### Resolved` sub-heading of that level

    def read(self, i: int, line: str) -> None:
        sub = heading_level(line)
        if self._status_sorts(line, sub):
            return
        if self.starts and comment_only(line):
            # `**question:** …` after `**nitpick:** …`: a comment that is no finding, and no
            # part of the finding above it (kept as text, as a closed item is)
            self.starts.append((i, self.starts[-1][1]))
            self.closed.add(i)
            return
        # (whether the item is closed is asked of the line as written, once it opens one)
        written, under_done = line, self.done_level is not None
        line = unstruck(line) or line
        self._note_heading(i, sub)
        if self._groups_by_file(i, line):
            return
        if self.in_file is not None and (heading_level(line) or BOLD_LEVEL + 1) <= self.in_file[1]:
            self.in_file = None  # `### Other`: the file's group ends
        if self.in_file is not None:
            line = levelled_lines_item(line, self.in_file[0])
        head = self._head(i, line, sub)
        if head is None or _not_a_finding(self.lines, self.fenced, i, line, head, self.starts):
            return
        if self._skips_unlevelled(i, line, head, sub):
            return
        if head.style == "numbered" and not self._numbered_in_turn(i, line, head):
            return
        self._take(i, head, written, under_done)

    def _status_sorts(self, line: str, sub: int | None) -> bool:
        """True for `### Resolved` / `### Still open`: it sorts the items under it and is no
        finding itself."""
        if (status := status_heading(line)) is not None or (sub and sub <= (self.done_level or 0)):
            self.done_level = sub if status else None
            if status is not None:
                return True
        return False

    def _note_heading(self, i: int, sub: int | None) -> None:
        if sub is not None:
            if not self.starts:
                self.top, self.top_at = sub, [i]
            elif self.top is not None and sub <= self.top:
                self.between.append(i)

    def _groups_by_file(self, i: int, line: str) -> bool:
        """True for a file's heading (`### `src/db.py``) that groups the findings under it."""
        # (findings with IDs name their own places: a bold file name in one's body is its text)
        grouping = None
        if self.mode != "id" and not (
            self.starts and labels_of(self.lines, self.fenced, self.starts[-1][0], i)
        ):
            grouping = file_heading(line, self.prefixes)
        if grouping is not None:
            self.in_file = grouping
            self.groups.add(i)
            return True
        return False

    def _head(self, i: int, line: str, sub: int | None) -> FindingHead | None:
        """The finding this line opens, by the first reading that fits (None: none)."""
        head = self._item_head(i, line, sub)
        if head is None:
            head = self._section_head(i, line)
        head = self._head_after_an_item(line, head)
        if (
            head is None
            and self.mode == "numbered"
            and (nxt := next_numbered(self.lines, self.starts, i, self.expected))
        ):
            if nxt == "remark":
                self.expected += 1  # `2. Nice naming.`: no finding's text; the list goes on at `3.`
                self.groups.add(i)
                return None
            head = numbered_sentence(line, self.expected, self.prefixes)  # `2. The README lacks …`
        return head

    def _item_head(self, i: int, line: str, sub: int | None) -> FindingHead | None:
        """A list item's (or a file group's circle item's) head."""
        mode, starts, prefixes = self.mode, self.starts, self.prefixes
        head = (
            circle_item_head(line, self.in_file[0])
            if self.in_file and mode in (None, "placed")
            else None
        ) or parse_head(
            line,
            numbered=mode in (None, "numbered"),
            bulleted=mode in (None, "bulleted", "placed", "plain"),
            plain_bullets=mode in (None, "placed", "plain"),
            section_led=self.section is not None and mode in (None, "placed"),
            prefixes=prefixes,
        )
        if (
            head is None
            and mode == "bulleted"
            and starts
            and bold_sibling(self.lines[starts[-1][0]], line, numbered_after=True)
        ):
            head = parse_head(line, numbered=True, bulleted=False, prefixes=prefixes)
        if (
            head is None
            and mode in (None, "numbered", "bulleted")
            and sub is None  # (`### 1. Title`: a heading finding, `heading_head`'s)
            and may_open_an_item(line)  # (what a second read can find: the labels come after)
            and severity_label_follows(self.lines, self.fenced, i + 1)
            and place_label_follows(self.lines, self.fenced, i + 1)
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
        return head

    def _section_head(self, i: int, line: str) -> FindingHead | None:
        """A heading's, a bold line's or a paragraph's head."""
        lines, mode, starts, prefixes = self.lines, self.mode, self.starts, self.prefixes
        head = None
        if mode in (None, "heading"):
            found = heading_head(line, prefixes)
            if found is not None and self.level in (None, found[0]):
                self.level, head = found
        if head is None and mode is not None:
            above = heading_level(lines[starts[-1][0]]) if starts else None
            labelled = heading_level(line) is not None and severity_label_follows(
                lines, self.fenced, i + 1
            )
            head = severity_heading_head(line, above, prefixes, labelled=labelled)
        in_findings = self.section is not None or self.placed_headings
        if head is None and mode in (None, "boldline") and in_findings:
            # (under `## Issues` too: `**1. Title** (`a.py:2`)` + its text, with no level, is
            # a finding as the same list item is; an ordinary section's bold line is no start)
            head = bold_line_head(line, prefixes)
        if (
            head is None
            and mode in (None, "placed")
            and in_findings
            and (i == 0 or not lines[i - 1].strip())
        ):
            head = place_paragraph_head(line, self.section is not None, prefixes)
        if head is None and mode in (None, "lead"):
            head = bold_lead_head(line, prefixes)
        elif head is None and mode in ("bulleted", "numbered") and line.startswith("**"):
            # `**🟢 Suggestion — Title** (`a.py:1`)` at the margin after a list of findings:
            # one more finding (with its level and place), not a paragraph of the last item
            lead = bold_lead_head(line, prefixes) if not lines[i - 1].strip() else None
            head = lead if lead and lead.locations and lead.level_word else None
        return head

    def _head_after_an_item(self, line: str, head: FindingHead | None) -> FindingHead | None:
        """The head read in the light of the finding above (a level it lacks)."""
        starts = self.starts
        if (
            (head is None or head.severity is None)
            and starts
            and starts[-1][1].level_word in CIRCLES
        ):
            head = (
                cool_item_head(line, self.prefixes) or head
            )  # `- 🟢 Title — `a.py:4`` after `- 🔴 …`
        if head is None and starts:
            head = leveled_item_head(line, self.lines[starts[-1][0]], self.prefixes)
        return head

    def _skips_unlevelled(self, i: int, line: str, head: FindingHead, sub: int | None) -> bool:
        """True for an item with no level outside a severity section that is no finding."""
        if (
            _unlevelled(self, i, line, head, sub)
            and (sibling := next_numbered(self.lines, self.starts, i, self.expected)) != "fault"
        ):
            if head.style == "heading" and self.level is not None and not self.starts:
                self.level = None  # the level is locked by the first finding, not by a non-finding
            if sibling == "remark":
                self.expected += 1
                self.groups.add(i)
            return True
        return False

    def _numbered_in_turn(self, i: int, line: str, head: FindingHead) -> bool:
        """Whether a numbered finding's number follows on (False: it is no finding).

        Agents sometimes keep counting across sections (`1.` under Important, `2.`-`5.`
        under Suggestions), so the section's first numbered finding may start anywhere
        when it carries a location or tag (or label lines with them right below:
        `**2. Title**` + `* **File:** `a.py` (Line 4)`); after it the numbers must follow on.
        """
        starts, expected = self.starts, self.expected
        leads = not any(h.style == "numbered" for _, h in starts)
        anew = bool(self.between) and head.number == 1 and bool(head.locations)
        if (
            head.number != expected
            and not anew
            and not (leads and (head.locations or head.severity is not None))
            and not (leads and labels_follow(self.lines, self.fenced, i + 1))
            and not skips_ahead(head, line, self.lines[starts[-1][0]] if starts else None, expected)
        ):
            return False
        if anew and head.number != expected:
            self.groups.update(self.between + self.top_at)
        self.expected = (head.number or expected) + 1
        return True

    def _take(self, i: int, head: FindingHead, written: str, under_done: bool) -> None:
        if self.mode is None:
            self.mode = head.style
        if self.in_file is not None:
            place_in_file(head, self.in_file[0])
        if says_closed(written) or (under_done and not reopens(written)):
            self.closed.add(i)
        if self.mode != "heading":  # `### Correctness` above a list item: its category, no text
            self.groups.update(k for k in self.between if k != i)
        self.starts.append((i, head))
        self.between = []


def _not_a_finding(
    lines: list[str],
    fenced: list[bool],
    i: int,
    line: str,
    head: FindingHead,
    starts: list[tuple[int, FindingHead]],
) -> bool:
    """True for a head that reads as a finding's but says none, or counts, or is a field."""
    if (
        says_none(head.title)
        and not head.locations
        # (`S3. **—** (suggestion)`: an id and a level of its own make it a finding whose
        # title is a dash, as our own report writes it, not a `—` for "none")
        and not (head.style == "id" and head.level_word)
    ):
        return True  # `- **None** — the change is small.`
    if head.level_word and is_tally(line):
        return True  # `**Critical:** 0 · **Important:** 1`: the seat's tally, read as such
    # `* **Suggestion:** …` under `* **Issue:** …`: a field, not a finding
    return bool(
        head.level_word
        and (under_a_field(lines, i) or fix_of_unread_item(lines, fenced, i, bool(starts)))
    )


def _unlevelled(scan: _Scan, i: int, line: str, head: FindingHead, sub: int | None) -> bool:
    """True for a list item, paragraph or heading with no level of its own outside a severity
    section (and none in label lines below) that nothing else marks as a finding."""
    lines, fenced, starts = scan.lines, scan.fenced, scan.starts
    return (
        scan.section is None
        and head.style in ("numbered", "bulleted", "placed", "plain", "heading")
        and head.severity is None
        and not severity_label_follows(lines, fenced, i + 1)
        and not (head.locations and _titled_item(line, head, sub))
        and not (
            scan.placed_headings
            and head.style == "heading"
            and not head.locations
            and placed_in_text(lines, fenced, i, kind_and_title(head), scan.prefixes)
        )
        and not (head.style == "heading" and level_closes_paragraph(lines, fenced, i + 1))
        and not (starts and bold_sibling(lines[starts[-1][0]], line))
        and not (starts and bold_sibling(lines[starts[-1][0]], line, numbered_after=True))
        # `- `a.py:40` — …` beside `- Nit: `a.py:52` — …`: one of a list of rated findings
        and not beside_a_rated_item(lines, fenced, i, head, scan.prefixes)
        and not (
            scan.placed_headings and in_a_list_of_places(lines, fenced, i, head, scan.prefixes)
        )
    )


def _titled_item(line: str, head: FindingHead, sub: int | None) -> bool:
    """A bold-titled list item or a heading: with a place, a finding without a level."""
    return bool(
        _BOLD_ITEM.match(line)
        or _BOLD_NUMBER.match(line)
        or _PLACE_THEN_BOLD.match(line)
        # `### 1. Title (`a.py:3`)`: a heading, as `### Title (`a.py:3`)` is
        or head.style == "heading"
        or sub is not None
    )
