"""Findings written as a record of label lines, with no title line of their own:

    **File:** `k8s/deploy.yaml`
    **Line:** 22
    **Severity:** Critical
    **Issue:** Container runs as root.
    **Recommendation:** set `runAsNonRoot: true`.

Models that think of a finding as a row of fields write it so. Nothing in such a record opens
a finding (its first line even reads as a heading that groups findings by file), so each record
is rewritten in place into the Markdown the parser reads: `**[Critical] Container runs as
root.** — `k8s/deploy.yaml:22``, its description as the body and its recommendation as a
`**Fix:**` line. A record needs a level, a title or description, and a file; a run of label
lines missing any of them is left as it is. A numbered label line right above the fields
(`Issue 1: Title`) gives the record its title.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.blocks import classify_heading
from deepreview.findings.levels import LEVEL_WORDS, TAG_WORDS, first_level_word, title_level
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.section_titles import Kind

_FIELD: Final = re.compile(
    rf"^(?P<indent>[ \t]{{0,4}}(?:{LIST_MARKER}[ \t]+)?)(?:\*\*|__)?"
    r"(?P<key>[A-Za-z][A-Za-z ]{1,20}?)"
    r"(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?P<value>\S.*)$"
)
_KEYS: Final = {
    "file": "file",
    "path": "file",
    "location": "file",
    "where": "file",
    "line": "line",
    "lines": "line",
    "severity": "level",
    "priority": "level",
    "level": "level",
    "risk level": "level",  # a plain-text record's level (`Risk level: High`)
    "title": "title",
    "issue": "title",
    "problem": "title",
    "finding": "title",
    "summary": "title",
    "bug": "title",
    "description": "text",
    "details": "text",
    "explanation": "text",
    "impact": "text",  # (`Impact: High`, a level word alone, is the level: `_field`)
    "what": "text",  # `Where:` / `What:` / `Impact:` records
    "why": "text",
    "fix": "fix",
    "recommendation": "fix",
    "suggestion": "fix",
    "suggested fix": "fix",
    "proposed fix": "fix",
    "remediation": "fix",
}


def has_records(lines: list[str]) -> bool:
    """Whether any three lines in a row are fields, or two after a numbered field item (a
    cheap look before the fence scan)."""
    run, least = 0, 3
    for line in lines:
        run = run + 1 if ":" in line and _field(line) is not None else 0
        if run == 1:
            least = 2 if _NUMBERED.match(line) else 3
        if run >= least:
            return True
    return False


def rewrite_records(lines: list[str], mask: list[bool]) -> list[str] | None:
    """The lines with every record finding rewritten, or None when there is none."""
    out = list(lines)
    found = False
    i = 0
    while i < len(lines):
        end = _record_end(lines, mask, i)
        least = 2 if _NUMBERED.match(lines[i]) else 3  # `1. **Location**: …` + one more field
        named = _NAMED_LABEL.match(lines[i - 1]) if i and not mask[i - 1] else None
        title = named.group("title") if named and not _has_title_field(lines, i) else None
        if (
            sum(_field(lines[n]) is not None for n in range(i, end)) >= least
            and not _labels_of_a_title(lines, i, titled=title is not None)
            and _rewrite(out, i, end, title)
        ):
            found = True
            if title is not None:
                out[i - 1] = ""  # `Issue 1: Title`: its title is the record's now
            label = _label_above(lines, i)
            if label is not None:
                out[label] = ""  # it names nothing once the record has its title
        i = max(end, i + 1)
    return out if found else None


def _record_end(lines: list[str], mask: list[bool], i: int) -> int:
    """Where the run of field lines from `i` ends. A field's value may wrap onto lines of its
    own (`What: the template is rendered …` + `injected into the body.`): those lines are the
    record's when another field follows them."""
    end = i
    while end < len(lines) and not mask[end]:
        if _field(lines[end]) is not None:
            end += 1
            continue
        k = end
        while end > i and k < len(lines) and not mask[k] and _wraps(lines[k]):
            k += 1
        if k > end and k < len(lines) and not mask[k] and _field(lines[k]) is not None:
            end = k
            continue
        break
    return end


# a line that opens something of its own: never a field's wrapped value
_OPENS: Final = re.compile(rf"^[ \t]*(?:{LIST_MARKER}[ \t]|#|>|```|~~~|\|)")


def _wraps(line: str) -> bool:
    return bool(line.strip()) and _OPENS.match(line) is None and _field(line) is None


# `Issue 1: Title` / `Finding 2 - Title` right above a record's plain field lines: its title
_NAMED_LABEL: Final = re.compile(
    r"^[ \t]{0,3}(?:issue|finding|problem|bug)[ \t]*#?\d{1,4}[ \t]*[:.—–-][ \t]*"
    r"(?P<title>[^\s*#].*?)[ \t]*$",
    re.IGNORECASE,
)


def _labels_of_a_title(lines: list[str], start: int, *, titled: bool = False) -> bool:
    """The fields right under a finding's own title (`### 2. Unbounded read`, `**Title**`,
    `1. Title`) are that finding's labels, not a record of their own.

    A heading is no finding's title when several records sit under it (`## Code Review` over
    two records), nor when it is a bare label (`### Finding 2`, `## Review`) above a record
    with its own `Issue:` line: read as the title, it lost the record's first finding."""
    if _NUMBERED.match(lines[start]):
        return False  # `1. **Location**: `a.py`, line 4` + fields: the item is the record
    k = start - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k < 0 or _field(lines[k]) is not None or titled:
        return False
    above = lines[k]
    if not _ATX.match(above) and classify_heading(above) is not None:
        return False  # `**Issues found:**`: a section's label, no finding's title
    if _ATX.match(above):
        h = classify_heading(above)
        if h is not None and h.kind is not Kind.OTHER:
            return False
        if _records_below(lines, k + 1) > 1:
            return False
        return not (_bare_label(above) and _has_title_field(lines, start))
    return bool(_TITLE_LINE.match(above))


_ATX: Final = re.compile(r"^ {0,3}#{1,6}[ \t]")
_NUMBERED: Final = re.compile(r"^[ \t]{0,4}\d{1,9}[.)][ \t]")
# a bold line or a list item: a title the fields below belong to
_TITLE_LINE: Final = re.compile(r"^[ \t]*(?:\*\*|__|[-*+][ \t]|\d{1,9}[.)][ \t])")
# the words of a heading that names no problem: `Finding 2`, `Issue #3`, `Code Review`
_LABEL_WORDS: Final = frozenset(
    ["finding", "issue", "item", "problem", "bug", "review", "code", "comment", "note", "no"]
)


def _label_above(lines: list[str], start: int) -> int | None:
    """The line of a numbered bare-label heading (`### Finding 2`) right above `start`: one
    record's own heading (a section's heading, `## Code Review`, stays)."""
    k = start - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    numbered = k >= 0 and re.search(r"\d", lines[k]) is not None
    # (`Issue #2` as a plain line over a plain-text record is that record's heading too)
    heading = _ATX.match(lines[k]) or _PLAIN_LABEL.match(lines[k]) if k >= 0 else None
    return k if numbered and heading and _bare_label(lines[k]) else None


# (`Problem 1 of 3`: counted out of the whole, a label still)
_PLAIN_LABEL: Final = re.compile(
    r"^[ \t]{0,3}[A-Za-z]+[ \t]*#?\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?[ \t]*:?[ \t]*$"
)


def _bare_label(heading: str) -> bool:
    words = re.findall(r"[A-Za-z]+|\d+", re.sub(r"\bof[ \t]+\d+", "", heading.lower()))
    return bool(words) and all(w.isdigit() or w.rstrip("s") in _LABEL_WORDS for w in words)


def _has_title_field(lines: list[str], start: int) -> bool:
    n = start
    while n < len(lines) and (got := _field(lines[n])) is not None:
        if got[0] == "title":
            return True
        n += 1
    return False


def _records_below(lines: list[str], start: int) -> int:
    """How many runs of three or more field lines lie between `start` and the next heading."""
    count = run = 0
    for line in lines[start:]:
        if _ATX.match(line):
            break
        run = run + 1 if _field(line) is not None else 0
        count += run == 3
    return count


def field_kind(key: str) -> str | None:
    """What a record's label (`Where`, `Severity`, `Issue`) gives: file, line, level, title,
    text or fix; None for a label no record has."""
    return _KEYS.get(key.strip().lower())


def _field(line: str) -> tuple[str, str] | None:
    m = _FIELD.match(line)
    if m is None:
        return None
    key, value = m.group("key").strip().lower(), m.group("value").strip()
    if key == "impact" and title_level(value.strip("*_ .").lower()) is not None:
        return _IMPACT_LEVEL, value  # `Impact: High`: the record's rating, not its text
    kind = _KEYS.get(key)
    return None if kind is None else (kind, value)


# an `Impact:` field whose value is only a level word: the record's level when it has no
# `Severity:` field of its own (beside one, the impact is what it says, one more rating)
_IMPACT_LEVEL: Final = "impact level"


def _rewrite(out: list[str], start: int, end: int, named: str | None = None) -> bool:
    fields: dict[str, tuple[int, str]] = {}
    last = ""
    for n in range(start, end):
        got = _field(out[n])
        if got is None:  # a field's value wrapped onto this line (`_record_end`)
            fields[last] = (fields[last][0], f"{fields[last][1]} {out[n].strip()}")
            continue
        kind, value = got
        last = kind
        if kind in fields:
            return False  # `File:` twice: two records run together, or not a record at all
        fields[kind] = (n, value.strip("*_ ").strip() if kind in ("level", "line") else value)
    level = fields.get("level") or fields.get(_IMPACT_LEVEL)
    word = first_level_word(level[1]) if level else None
    place = fields.get("file")
    # (a numbered item is a finding already: with no level it is one still, taken as important)
    numbered = _NUMBERED.match(out[start])
    if (word is None and not numbered) or place is None or not ({"title", "text"} & fields.keys()):
        return False
    path = place[1].strip("` ")
    if "line" in fields:
        path = f"{path.split(':', 1)[0]}:{fields['line'][1].strip('` ')}"
    # `**Location**: `a.py`, line 44`: the place as written (its line after the code span)
    where = place[1] if "line" not in fields and place[1].startswith("`") else f"`{path}`"
    if named is not None and "title" not in fields:
        title, body = named, fields.get("text", (0, ""))[1]  # `Issue 1: Title` above it
    elif "title" in fields:
        title, body = fields["title"][1], fields.get("text", (0, ""))[1]
    else:  # only a description: its first sentence is the title
        title, _, body = fields["text"][1].partition(". ")
    title = title.strip().rstrip(".").strip("*_ ")
    indent = numbered or re.match(r"^[ \t]*", out[start])
    for n in range(start, end):
        out[n] = ""
    if word is not None and word not in TAG_WORDS and word in LEVEL_WORDS:
        # `Severity: Serious`: a word only a label makes a level; as a tag it would be none
        word = LEVEL_WORDS[word].value
    tag = f"[{word}] " if word else ""
    out[start] = f"{indent.group(0) if indent else ''}**{tag}{title}** — {where}"
    if body:
        out[start + 1] = body
    if "fix" in fields:
        out[end - 1] = f"**Fix:** {fields['fix'][1]}"
    return True
