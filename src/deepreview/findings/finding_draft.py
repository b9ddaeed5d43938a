"""One finding as the text gives it: its head line, level, body and fix (a `Draft`).

Body = everything between the finding line and `Fix:` (code excerpt and explanation); fix =
everything after `Fix:` up to the next finding or section (also a `Fix:` sentence after a full
stop in the body's text: `inline_fix.py`). The level comes from the finding's own tag, else its
section, else its ID letter (`_severity`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deepreview.findings.closing_level import closing_sentence, text_closing_level
from deepreview.findings.closing_places import closing_place
from deepreview.findings.draft_place import settle_place
from deepreview.findings.fix_words import FIX_WORDS, TEXT_WORDS
from deepreview.findings.head import FindingHead
from deepreview.findings.inline_fix import inline_fix_of, split_inline_fix
from deepreview.findings.labels import body_location, closing_labels, label_lines, place_list
from deepreview.findings.levels import HIGH, label_level, stressed_level, tag_level
from deepreview.findings.place_titles import place_title
from deepreview.findings.prose_levels import said_level
from deepreview.findings.title_tags import closing_tag, untag_title
from deepreview.model import Severity

_FIX = re.compile(
    r"^[ \t]{0,6}(?:[-*+][ \t]+)?(?:\*\*|__)?(?:Suggested |Recommended |Proposed )?"
    rf"(?:Fix(?:es)?|Recommendations?|Remediation|Suggestion|{FIX_WORDS})"
    r"(?P<qual>[ \t]*\([^)\n]*\))?[ \t]*"
    r"(?:[:：][ \t]*(?:\*\*|__)?|(?:\*\*|__)[ \t]*[:：]?)[ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)
# `##### Fix` as a sub-heading of the finding: what follows it is the fix.
_FIX_HEADING = re.compile(
    r"^ {0,3}#{1,6}[ \t]+(?:Suggested |Recommended |Proposed )?Fix(?:es)?[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
# The label of the text's first field, which is the finding's text itself: `* **Description:**
# …`, `- **Problem:** …`, `**Issue**: …` (the report shows the text, not the seat's form). The
# labels of other fields (`- **Impact:** …`) say what their text is and stay.
_TEXT_LABEL = re.compile(
    r"^[ \t]{0,6}(?:[-*+][ \t]+)?(?:(?P<b>\*\*|__)(?:Description|Problem|Issue|Details|"
    rf"Explanation|Summary|Finding|{TEXT_WORDS})[ \t]*(?:[:：][ \t]*(?P=b)|(?P=b)[ \t]*[:：])"
    rf"|(?:Description|Problem|Issue|{TEXT_WORDS})[ \t]*[:：])[ \t]+(?=\S)",
    re.IGNORECASE,
)


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


def draft_of(
    head: FindingHead,
    lines: list[str],
    fenced: list[bool],
    section: Severity | None,
    prefixes: tuple[str, ...] = (),
    *,
    section_high: bool = False,
) -> Draft:
    lines, fenced = label_lines(head, lines, fenced, prefixes)
    lines, fenced = closing_labels(head, lines, fenced, prefixes)
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
    if head.severity is None and head.style == "heading":
        body = _closing_level_of(head, body)
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
    if labelled := _TEXT_LABEL.match(body.lstrip("\n")):
        body = body.lstrip("\n")[labelled.end() :]
    if lead:
        body = f"{lead}\n{body.lstrip()}" if body.strip() else lead
    if fix:
        fix = _closing_level(head, closing_tag(head, fix))
    else:
        body = closing_tag(head, body)
    # (`… the spread. **Low priority.**` + `**Fix:** …`: the level may close the text too)
    # (a list item whose sentence starts on its line and wraps below: its one paragraph may
    # close with its level, as a one-line item's does)
    wrapped = bool(lead) and head.style in ("numbered", "bulleted")
    body = _closing_level(head, body, wrapped=wrapped)
    return make_draft(
        head,
        section,
        body=body,
        fix=fix,
        has_fix=has_fix,
        section_high=section_high,
        prefixes=prefixes,
    )


def _closing_level(head: FindingHead, text: str, *, wrapped: bool = False) -> str:
    """`text` without a closing level (`*Severity: high*` on its own line, `… **Low
    priority.**`), which is the head's level when nothing gave it one."""
    closing = text_closing_level(text, wrapped=wrapped) if head.severity is None else None
    if closing is None:
        return text
    head.severity, head.level_word = label_level(closing[0]), closing[0].lower()
    return closing[1]


def make_draft(
    head: FindingHead,
    section: Severity | None,
    *,
    body: str = "",
    fix: str = "",
    has_fix: bool | None = None,
    section_high: bool = False,
    prefixes: tuple[str, ...] = (),
) -> Draft:
    """A draft whose level comes from its head and its section (`_severity`), remembering
    whether that level was written `high` (`rank_high`); `has_fix` defaults to a fix given.
    Its place settled whatever shape it was read from: the one its prose tells in words when
    it has none with a line, never a folder (`draft_place.settle_place`)."""
    untag_title(head)  # `Rename the helper (suggestion)`: the tag is the level, not the title's
    body = place_title(head, body, prefixes)  # `- **Medium:** `a.py:7`` and its words below
    settle_place(head, body, fix, prefixes)
    if head.severity is None and section is None and head.id is None:
        # a finding in prose, with no tag, label, section or ID: `… This is a **critical**
        # regression.` on its own line gives its level
        word = stressed_level(head.leftover)
        if word is None:
            # `… anyone can replay it. This is critical.`, `Minor nit.` (`prose_levels`)
            word = said_level(f"{head.title}\n{head.leftover}\n{body}")
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


def _closing_level_of(head: FindingHead, body: str) -> str:
    """A heading finding's level from the sentence closing its first paragraph (`… retries
    forever. **Severity: High**`), as a `**Severity:** High` line below the heading gives it;
    the body without that sentence."""
    first, sep, rest = body.partition("\n\n")
    closing = closing_sentence(first)
    if closing is None:
        return body
    word, first = closing
    head.severity, head.level_word = label_level(word), word.lower()
    return f"{first}{sep}{rest}"


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
