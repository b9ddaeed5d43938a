"""Findings sections: split into findings, each into head line, body and fix.

Body = everything between the finding line and `Fix:` (code excerpt and explanation); fix =
everything after `Fix:` up to the next finding or section (also a `Fix:` sentence after a full
stop in the body's text: `inline_fix.py`).  `---` separators are layout, not
content, and are dropped from both ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deepreview.findings.blocks import fence_mask
from deepreview.findings.clean_topics import clean_topics
from deepreview.findings.closed_items import says_closed, status_closes, status_heading, unstruck
from deepreview.findings.file_groups import (
    BOLD_LEVEL,
    circle_item_head,
    file_heading,
    heading_level,
    place_in_file,
)
from deepreview.findings.finding_line import parse_head
from deepreview.findings.head import FindingHead, closing_place, closing_tag, untag_title
from deepreview.findings.html_lines import only_comments
from deepreview.findings.inline_fix import inline_fix_of, split_inline_fix
from deepreview.findings.item_lists import ITEM, closing_remark, sentence_head
from deepreview.findings.labels import (
    body_location,
    fix_of_unread_item,
    label_lines,
    labels_of,
    place_label_follows,
    place_list,
    severity_label_follows,
    under_a_field,
)
from deepreview.findings.lesser_items import lesser_items_after, minor_items, serious_item
from deepreview.findings.levels import CIRCLES, HIGH, stressed_level, tag_level
from deepreview.findings.no_action import needs_no_change
from deepreview.findings.none_statements import is_none_marker, says_none
from deepreview.findings.paragraph_heads import (
    bold_lead_head,
    bold_line_head,
    cool_item_head,
    heading_head,
    leveled_item_head,
    severity_heading_head,
)
from deepreview.findings.quoted_text import held_lines
from deepreview.findings.sign_off import is_sign_off
from deepreview.findings.table_findings import table_findings
from deepreview.findings.zero_counts import zero_counts
from deepreview.model import Severity

_FIX = re.compile(
    r"^[ \t]{0,6}(?:[-*+][ \t]+)?(?:\*\*|__)?(?:Suggested |Recommended |Proposed )?"
    r"(?:Fix(?:es)?|Recommendations?|Remediation)"
    r"(?P<qual>[ \t]*\([^)\n]*\))?[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)?|(?:\*\*|__)[ \t]*:?)[ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)
# `##### Fix` as a sub-heading of the finding: what follows it is the fix.
_FIX_HEADING = re.compile(
    r"^ {0,3}#{1,6}[ \t]+(?:Suggested |Recommended |Proposed )?Fix(?:es)?[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_BOLD_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\*\*")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
SECTION_SEVERITY = {
    "critical": Severity.CRITICAL,
    "important": Severity.IMPORTANT,
    "suggestions": Severity.SUGGESTION,
}


@dataclass
class Draft:
    """A finding as found in the text, before IDs are assigned and drafts are merged."""

    head: FindingHead
    severity: Severity
    body: str
    fix: str
    has_fix: bool
    severity_conflict: str | None = None
    high: bool = False  # the severity came from the word `high` (see `levels.py`)
    # what the finding's tag overruled, for its seat's retro: "its heading says suggestion"
    overruled: str = ""


@dataclass
class FindingsResult:
    drafts: list[Draft] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # text before the first finding (not None)
    first: int = 0  # index of the first finding's line (the length when there is none)
    closing: int = 0  # where the text after the findings list begins (`closing_remark`)


def strip_rules(lines: list[str]) -> list[str]:
    """Drop blank lines and `---` rules at both ends."""
    a, b = 0, len(lines)
    while a < b and (not lines[a].strip() or _RULE.match(lines[a])):
        a += 1
    while b > a and (not lines[b - 1].strip() or _RULE.match(lines[b - 1])):
        b -= 1
    return lines[a:b]


def is_rule(line: str) -> bool:
    return bool(_RULE.match(line))


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
) -> FindingsResult:
    """Findings in one Critical/Important/Suggestions (or plain Findings) section;
    `section_high`: the section's title calls that level `High`; `sentences`: its heading is a
    real heading (not a `Label:` line), so a section that is only a list of plain sentences
    lists one finding per item; `held` lines (quoted inside a finding, `quoted_text`; found
    here when not given) are its text and open nothing; `nits`: items after "No blocking issues."
    that the text calls minor are Suggestions (`lesser_items`; not in a review with no findings
    section, whose place-led problems `placed_items` reads)."""
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
        shut = says_closed(line) or done_level is not None
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
        if head is None and mode in (None, "boldline") and section is not None:
            head = bold_line_head(line, prefixes)
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
        if head is None or (says_none(head.title) and not head.locations):
            continue  # `- **None** — the change is small.`
        if head.level_word and (
            under_a_field(lines, i) or fix_of_unread_item(lines, fenced, i, bool(starts))
        ):
            continue  # `* **Suggestion:** …` under `* **Issue:** …`: a field, not a finding
        if (
            section is None
            and head.style in ("numbered", "bulleted", "placed", "plain", "heading")
            and head.severity is None
            and not severity_label_follows(lines, fenced, i + 1)
            and not (head.locations and (_BOLD_ITEM.match(line) or head.style == "heading"))
        ):
            if head.style == "heading" and level is not None and not starts:
                level = None  # the level is locked by the first finding, not by a non-finding
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
                and not (leads and _labelled(lines, fenced, i + 1))
            ):
                continue
            if anew and head.number != expected:
                groups.update(between + top_at)
            expected = (head.number or expected) + 1
        if mode is None:
            mode = head.style
        if in_file is not None:
            place_in_file(head, in_file[0])
        if shut:
            closed.add(i)
        starts.append((i, head))
        between = []
    if sentences and section is not None and _sentence_list(lines, fenced, starts):
        starts = [(i, sentence_head(lines[i], prefixes)) for i in _items(lines, fenced)]
        closed = {i for i, _ in starts if says_closed(lines[i])}
    first = out.first = starts[0][0] if starts else len(lines)
    rows, used = table_findings(lines[:first], fenced[:first], section, prefixes)
    for head, text, fix in rows:
        out.drafts.append(make_draft(head, section, body=text, fix=fix, section_high=section_high))
    taken = set(used) | groups
    _leading(
        [ln for k, ln in enumerate(lines[:first]) if k not in taken],
        out,
        bool(starts),
        prefixes if nits else None,
    )
    closing = out.closing = closing_remark(lines, fenced, [i for i, _ in starts])
    if closing < len(lines):
        out.unparsed.append("\n".join(strip_rules(lines[closing:])))
    for n, (i, head) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else closing
        if i in closed or status_closes(lines[i + 1 : end]):
            out.unparsed.append("\n".join(strip_rules(lines[i:end])))  # kept, no finding
            continue
        body = [k for k in range(i + 1, end) if k not in groups]
        if needs_no_change("\n".join([lines[i]] + [lines[k] for k in body])):
            out.unparsed.append("\n".join(lines[i:end]).strip())  # a spot checked: no finding
            continue
        out.drafts.append(
            _draft(
                head,
                [lines[k] for k in body],
                [fenced[k] for k in body],
                section,
                prefixes,
                section_high=section_high,
            )
        )
    return out


def _labelled(lines: list[str], fenced: list[bool], start: int) -> bool:
    return severity_label_follows(lines, fenced, start) or place_label_follows(lines, fenced, start)


def _items(lines: list[str], fenced: list[bool]) -> list[int]:
    """The list's top-level items; `- None.` is the section saying it has none, not an item."""
    return [
        i for i, ln in enumerate(lines) if not fenced[i] and ITEM.match(ln) and not says_none(ln)
    ]


def _sentence_list(
    lines: list[str], fenced: list[bool], starts: list[tuple[int, FindingHead]]
) -> bool:
    """A severity section that is only a list (`- Add a test for `page()`.`): every item is
    one finding, plain sentences included. Not when it opens with prose (its list is that
    prose's points) or holds anything but the list and the items' indented text."""
    items = _items(lines, fenced)
    if not items or len(starts) >= len(items):
        return False
    for i, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        if not line.strip() or (fence and i > items[0]) or i in items:
            continue
        if i < items[0] or not line[:1].isspace():
            return False
    return True


def _leading(
    lines: list[str], out: FindingsResult, heads_findings: bool, prefixes: tuple[str, ...] | None
) -> None:
    """Text before the section's first finding (`heads_findings`: there is one): `None.` is
    expected, anything else is kept. `prefixes` None: lesser items are never read as nits."""
    body = [ln for ln in strip_rules(lines) if status_heading(ln) is None]  # (`### Still open`)
    text = "\n".join(body).strip()
    if not text or is_none_marker(text):
        return
    if zero_counts(text):
        out.unparsed.append(text)  # `| Critical | 0 |` …: it counted, and found nothing
        return
    if clean_topics(text, heads_findings=heads_findings):
        out.unparsed.append(text)  # `### Security` / "No security concerns." …: all is well
        return
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if (
        len(paras) > 1
        and zero_counts(paras[0])
        and (is_none_marker(paras[1]) or says_none(paras[1]))
    ):
        paras = paras[1:]  # the zero counts, then "No findings — …" in words: one statement
    if paras and is_none_marker(paras[0]):
        paras = paras[1:]
    elif paras and says_none(paras[0]):
        if listed := lesser_items_after(paras):
            if prefixes is not None and (minor := _minor_findings(paras, listed, prefixes)):
                # `No blocking issues. A couple of nits:` + the nits: Suggestions
                out.drafts.extend(minor)
                out.unparsed.append(text)
                return
            # findings text we could not read, as it would be without the opening sentence
            kept = "\n\n".join(listed)
            out.unparsed.append(text)
            out.unread.append(kept)
            out.warnings.append(f"text in a findings section is not a finding: {one_line(kept)}")
            return
        # `None. The earlier round's findings are fixed …`: nothing, and why; kept, but not
        # as text that might have been a finding
        out.unparsed.append(text)
        return
    # `None.` + `---` + `Hope this helps!`: the seat's sign-off after its last section is no
    # finding (the rule between is layout)
    signed = [p for p in paras if not _RULE.match(p)]
    while signed and is_sign_off(signed[-1]):
        signed.pop()
    if paras and not signed:
        out.unparsed.append(text)
        return
    if paras and all(only_comments(p) for p in paras):
        out.unparsed.append(text)  # `<!-- generated by bot -->`: kept, inert, and no finding
        return
    if paras:
        kept = "\n\n".join(paras)
        out.unparsed.append(kept)
        out.unread.append(kept)
        out.warnings.append(f"text in a findings section is not a finding: {one_line(kept)}")


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


def _draft(
    head: FindingHead,
    lines: list[str],
    fenced: list[bool],
    section: Severity | None,
    prefixes: tuple[str, ...] = (),
    *,
    section_high: bool = False,
) -> Draft:
    lines, fenced = label_lines(head, lines, fenced, prefixes)
    fix_at = None
    for j, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        if not fence and (_FIX.match(line) or _FIX_HEADING.match(line)):
            fix_at = j
            break
    inline = split_inline_fix(lines, fenced) if fix_at is None else None
    if inline is not None:
        # `A hung API blocks the caller forever. Fix: `timeout=10`.` (`inline_fix.py`)
        lines, fenced, fix_at = inline
    if fix_at is None:
        body, fix = _join(lines), ""
    else:
        body = _join(lines[:fix_at])
        m = _FIX.match(lines[fix_at])
        qual = (m.group("qual") or "").strip() if m else ""
        rest = m.group("rest").rstrip() if m else ""
        following = lines[fix_at + 1 :]
        if qual:
            # "Fix (two parts):" keeps its qualifier so the report can print it back.
            fix = _join([f"{qual}:" + (f" {rest}" if rest else ""), *following])
        elif rest:
            fix = _join([rest, *following])
        else:
            fix = _join(following)
    if not head.locations:
        closing_place(head, prefixes)  # `nit: `tmp2` is vague (`a.py:12`)`: not the title's
    if not head.locations:
        # `**[High] SQL injection in `query.py:22`**`: a place named in the title, else the body
        prose = slice(0, len(lines) if fix_at is None else fix_at)
        in_title = body_location([head.title], [False], prefixes)
        head.locations = (
            [loc for loc in in_title if loc.start is not None]
            or place_list(lines[prose], fenced[prose], prefixes)
            or body_location([head.title, *lines[prose]], [False, *fenced[prose]], prefixes)
        )
    # `1. **Title** (`a.go:3`): the second attempt sees…`: the explanation starts on the
    # finding's first line and goes on below it.
    lead = head.leftover.lstrip(":—–- \t")
    if lead.lower() in ("in", "at", "see", "on"):
        lead = ""  # `**Title** in `a.py:3``: the word before the place says nothing more
    has_fix = fix_at is not None
    if not has_fix:
        # `- `a.py:3` — the name is vague. Fix: rename it.`: the fix on the finding's own line
        fix_in_lead = inline_fix_of(lead)
        fix_in_title = None if fix_in_lead else inline_fix_of(head.title)
        if fix_in_lead is not None:
            lead, fix = fix_in_lead
        elif fix_in_title is not None:
            head.title, fix = fix_in_title[0].rstrip(".").rstrip(), fix_in_title[1]
        has_fix = bool(fix)
    if lead:
        body = f"{lead}\n{body.lstrip()}" if body.strip() else lead
    if fix:
        fix = closing_tag(head, fix)
    else:
        body = closing_tag(head, body)
    return make_draft(head, section, body=body, fix=fix, has_fix=has_fix, section_high=section_high)


def make_draft(
    head: FindingHead,
    section: Severity | None,
    *,
    body: str = "",
    fix: str = "",
    has_fix: bool | None = None,
    section_high: bool = False,
) -> Draft:
    """A draft whose level comes from its head and its section (`_severity`), remembering
    whether that level was written `high` (`rank_high`); `has_fix` defaults to a fix given."""
    untag_title(head)  # `Rename the helper (suggestion)`: the tag is the level, not the title's
    if head.severity is None and section is None and head.id is None:
        # a finding in prose, with no tag, label, section or ID: `… This is a **critical**
        # regression.` on its own line gives its level
        word = stressed_level(head.leftover)
        if word is not None:
            head.severity, head.level_word = tag_level(word), word
    severity, conflict, overruled = _severity(head, section)
    has = bool(fix) if has_fix is None else has_fix
    high = _says_high(head, section_high)
    return Draft(head, severity, body, fix, has, conflict, high, overruled)


def _says_high(head: FindingHead, section_high: bool) -> bool:
    """The finding's level was written `high`: its own tag or label, else its section's title."""
    if head.severity is not None:
        return head.level_word == HIGH
    return section_high


def _severity(head: FindingHead, section: Severity | None) -> tuple[Severity, str | None, str]:
    """The tag wins over the heading, the heading over the ID letter. With the warning of a
    conflict and what the tag overruled there ("its heading says suggestion"), or ""."""
    letter = Severity.from_letter(head.id[0]) if head.id else None
    chosen = head.severity or section or letter
    head.unrated = chosen is None
    if chosen is None:
        unrated = f"finding {head.title!r}: no severity given; taken as important"
        return Severity.IMPORTANT, unrated, ""
    said = [(w, s) for w, s in (("heading", section), ("ID", letter)) if s not in (None, chosen)]
    if len(said) == 2 and said[0][1] == said[1][1]:
        said = [("heading and ID", said[0][1])]
    overruled = " and ".join(f"its {w} {_says(w)} {s.value}" for w, s in said if s is not None)
    if head.severity is None or not overruled:
        return chosen, None, ""
    what = head.id or head.title
    return chosen, f"finding {what!r}: tag says {chosen.value} but {overruled}", overruled


def _says(where: str) -> str:
    return "say" if " and " in where else "says"


def _join(lines: list[str]) -> str:
    return "\n".join(_dedent(strip_rules(lines))).strip("\n").rstrip()


def _dedent(lines: list[str]) -> list[str]:
    """Without the indent every line shares: a list item's continuation lines (`1. **Title**` +
    `   Why…`) are indented by the list, not by the text (four spaces would read as code).
    Unlike `textwrap.dedent`, a line of only spaces keeps what is left of them: in a diff it is
    a blank context line, and a fix check applies that diff."""
    indents = [len(ln) - len(ln.lstrip(" \t")) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    if not cut or len({ln[:cut] for ln in lines if ln.strip()}) != 1:
        return lines
    return [ln[cut:] if ln.strip() else ln[min(cut, len(ln) - 1) :] for ln in lines]


def one_line(text: str, n: int = 60) -> str:
    """The text on one line, cut to `n` characters with an ellipsis (for warnings and notes)."""
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"
