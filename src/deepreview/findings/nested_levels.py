"""A finding's level written one list deeper than the finding, as a field of its own:

    *   **Potential Bug:** In `nextRun()` (line 34), the month is read zero-based.
        *   **Severity:** High
        *   **Recommendation:** Add 1 before comparing.

(Gemini CLI's shape, under `**File: `path`**` lines.) The item carries no level, and the
nested bullet is no finding, so the level was lost. Here the level moves into the item's bold
lead, `**Potential Bug (high):**`, the kind-and-level lead the parser reads, and the nested
bullet becomes a blank line (lines stay in place). Only a nested bullet that is the label and a
level word alone counts (`The severity depends on …` is a point of the text), only under an
item led by a bold label that names no level of its own.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import TAG_WORDS, first_level_word

_BOLD_LEAD: Final = re.compile(
    r"^(?P<lead> {0,3}[-*+][ \t]+(?:\*\*|__)(?P<label>[A-Za-z][A-Za-z /-]{0,40}?))"
    r"(?P<rest>[ \t]*(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:))"
)
_LEVEL_FIELD: Final = re.compile(
    r"^[ \t]+[-*+][ \t]+(?:\*\*|__)?(?:severity|priority|risk\s+level)[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)?|(?:\*\*|__)[ \t]*:)[ \t]*(?P<v>[^\n]{1,40})$",
    re.IGNORECASE,
)


def open_nested_levels(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each nested level moved into its item's lead; None when none is."""
    out = list(lines)
    changed = False
    for i, line in enumerate(lines):
        m = None if fenced[i] else _BOLD_LEAD.match(line)
        if m is None or set(re.split(r"[^a-z0-9]+", m["label"].lower())) & TAG_WORDS:
            continue
        j = i + 1
        while j < len(lines) and (fenced[j] or not lines[j].strip() or lines[j][:1].isspace()):
            field = None if fenced[j] else _LEVEL_FIELD.match(lines[j])
            word = first_level_word(field["v"].strip(" *_.")) if field else None
            if word is not None and not word.startswith(("🔴", "🟠", "🟡", "🟢", "🔵")):
                out[i] = f"{m['lead']} ({word}){m['rest']}{line[m.end() :]}"
                out[j] = ""
                changed = True
                break
            j += 1
    return out if changed else None
