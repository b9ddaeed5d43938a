"""Review comments in CodeRabbit's shape, each rewritten as a heading finding:

    `src/queue/worker.py` (2)                    (or `<summary>src/queue/worker.py (2)</summary>`)

    `44-52`: _⚠️ Potential issue_ | _🟠 Major_

    **Ack happens before the job is processed.**

    `channel.basic_ack(tag)` runs before …

    <summary>🧹 Nitpick comments (1)</summary>  …  `5`: **Unused import `itertools`.** text

A comment's kind and level are the italic tags (`_⚠️ Potential issue_`, `_🛠️ Refactor
suggestion_`, `_🧹 Nitpick_`, then `_🔴 Critical_` / `_🟠 Major_` / `_🟡 Minor_` / `_🔵
Trivial_`); its place is the file line above it and the lines that lead it; its title the bold
line. Such a comment becomes `### Important: Title — `path:44-52``, its text below as it was,
and the file lines (only a file and its comment count) are dropped: their file is in every
heading. A comment under a `Nitpick comments` summary with no tags of its own is a suggestion.
Text with no kind tags and no place-led bold title is left as written.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import LEVEL_WORDS, label_level
from deepreview.model import Severity

_FILE: Final = re.compile(
    r"^[ \t]*(?:<summary>[ \t]*)?`?(?P<path>[\w.\-/]+\.\w+|[\w.\-]*/[\w.\-/]+)`?[ \t]*"
    r"\((?P<n>\d{1,3})\)[ \t]*(?:</summary>(?:<blockquote>)?)?[ \t]*$"
)
_SUMMARY: Final = re.compile(r"<summary>(?P<text>[^<]*)</summary>", re.IGNORECASE)
_TAG_CELL: Final = r"_[^_\n|]{2,40}_"
_TAGS: Final = re.compile(rf"^(?P<tags>{_TAG_CELL}(?:[ \t]*\|[ \t]*{_TAG_CELL})*)[ \t]*$")
_LEAD: Final = re.compile(r"^[ \t]*`(?P<lines>\d{1,6}(?:[-–]\d{1,6})?)`:[ \t]*(?P<rest>.*)$")
_BOLD: Final = re.compile(r"^[ \t]*\*\*(?P<title>[^*\n]+?)\*\*[ \t]*(?P<text>.*)$")
_KINDS: Final = {
    "potential issue": Severity.IMPORTANT,
    "refactor suggestion": Severity.SUGGESTION,
    "nitpick": Severity.SUGGESTION,
}
_NAMES: Final = {
    Severity.CRITICAL: "Critical",
    Severity.IMPORTANT: "Important",
    Severity.SUGGESTION: "Suggestion",
}


def _tag_level(tags: str) -> Severity | None:
    """The level the italic tags say: a level word wins over the kind; None when no tag is a
    kind or a level (`_emphasis_` that is no CodeRabbit tag)."""
    kind = level = None
    for cell in tags.split("|"):
        words = re.sub(r"[^\w\s-]", " ", cell.strip().strip("_")).strip().lower()
        words = re.sub(r"\s*\(\w+\)$", "", words)  # `Nitpick (assertive)`: the review's profile
        if words in _KINDS:
            kind = _KINDS[words]
        elif label_level(words) is not None and words != "info":
            level = LEVEL_WORDS[words]
    return level or kind if kind is not None else None


def open_coderabbit(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each CodeRabbit-shaped comment made a heading finding; None when none."""
    out: list[str] = []
    path: str | None = None
    nitpicks = False
    changed = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if fenced[i]:
            out.append(line)
            i += 1
            continue
        if (f := _FILE.match(line)) is not None:
            path = f["path"]
            out.append(line)
            i += 1
            continue
        if (s := _SUMMARY.search(line)) is not None:
            nitpicks = "nitpick" in s["text"].lower()
        lead = _LEAD.match(line)
        rest = lead["rest"] if lead else line
        tags = _TAGS.match(rest.strip())
        level = _tag_level(tags["tags"]) if tags else None
        bold = _BOLD.match(rest) if lead and not tags else None
        if bold is not None and nitpicks:
            level = Severity.SUGGESTION
        elif bold is not None:
            bold = None  # a place-led bold line with no tags and no nitpick summary: as written
        if level is None or (lead is not None and path is None):
            out.append(line)
            i += 1
            continue
        title, text, skip = "", "", 0
        if bold is not None:
            title, text = bold["title"], bold["text"]
        else:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and not fenced[j] and (b := _BOLD.match(lines[j])) is not None:
                title, text, skip = b["title"], b["text"], j - i
        if not title:
            out.append(line)
            i += 1
            continue
        place = f" — `{path}:{lead['lines']}`" if lead and path else ""
        out.append(f"### {_NAMES[level]}: {title.strip().rstrip('.')}{place}")
        if text.strip():
            out.append(text.strip())
        changed = True
        i += 1 + skip
    if not changed:
        return None
    return [line for line in out if _FILE.match(line) is None]
