"""Repo context updates: the lead's proposals (`[repo] Add: "…" Why: …`, `Change: "old" → "new"`)
and "by design" declines, as edits to `deep-review-context.md`. Pure text functions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

_QUOTED = r"[\"“](?P<{name}>.+?)[\"”]"
_ADD = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?Add:\s*" + _QUOTED.format(name="text"), re.IGNORECASE)
_CHANGE = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:Change|Replace):\s*"
    + _QUOTED.format(name="old")
    + r"\s*(?:→|->|with|to)\s*"
    + _QUOTED.format(name="new"),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ContextEdit:
    add: str = ""  # a line to append
    old: str = ""  # text to replace ...
    new: str = ""  # ... by this


def parse_update(line: str) -> ContextEdit | None:
    """One proposed update, or None when it is not an exact `Add:` / `Change:` proposal."""
    if m := _CHANGE.match(line):
        return ContextEdit(old=m.group("old"), new=m.group("new"))
    if m := _ADD.match(line):
        return ContextEdit(add=m.group("text"))
    return None


def apply_edits(text: str, edits: Sequence[ContextEdit]) -> tuple[str, list[str]]:
    """(the new text, the edits that could not apply: a `Change` whose old text is absent)."""
    skipped: list[str] = []
    for e in edits:
        if e.old:
            if e.old in text:
                text = text.replace(e.old, e.new, 1)
            else:
                skipped.append(f'Change: "{e.old}" (not found in the file)')
        elif e.add and e.add not in text:
            line = e.add if e.add.lstrip().startswith(("-", "*", "#")) else f"- {e.add}"
            text = (text.rstrip("\n") + "\n" if text.strip() else "") + line + "\n"
    return text, skipped


def unified_diff(old: str, new: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )
