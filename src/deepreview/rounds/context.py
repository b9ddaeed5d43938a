"""Repo context updates: the lead's proposals (`[repo] Add: "…" Why: …`, `Change: "old" → "new"`)
and "by design" declines, as edits to `deep-review-context.md`. Pure text functions.

Only untagged and `[repo]` proposals are for the repository's file; any other tag (`[user]`:
the user's own context) names another audience, and such a proposal is skipped with its reason
rather than written into the repository under review."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

_QUOTED = r"[\"“](?P<{name}>.+?)[\"”]"
_TAG = re.compile(r"^\s*\[(?P<tag>[^\]]*)\]")
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


def proposal_tag(line: str) -> str:
    """The proposal's leading `[tag]`, lower-cased ("" when it has none)."""
    m = _TAG.match(line)
    return m.group("tag").strip().lower() if m else ""


def one_line(text: str) -> str:
    """A proposal as one line of the skip list."""
    return " ".join(text.split())


def skip_reason(line: str, file_name: str) -> str:
    """Why the proposal `line` is not for `file_name` ("" when it is: untagged or `[repo]`
    and an exact `Add:` / `Change:`)."""
    tag = proposal_tag(line)
    if tag == "user":
        return (
            f"a [user] proposal is for your own context, not this repository's {file_name}; "
            "add it yourself where you keep yours"
        )
    if tag and tag != "repo":
        return f"tagged [{tag}]: only [repo] proposals go into {file_name}"
    if parse_update(line) is None:
        return 'not an exact `Add: "…"` or `Change: "old" → "new"` proposal'
    return ""


def parse_update(line: str) -> ContextEdit | None:
    """One proposed update, or None when it is not an exact `Add:` / `Change:` proposal."""
    if m := _CHANGE.match(line):
        return ContextEdit(old=m.group("old"), new=m.group("new"))
    if m := _ADD.match(line):
        return ContextEdit(add=m.group("text"))
    return None


# The reason an `Add` already in the file is skipped: `context apply` counts these apart (the
# review did propose them; there is just nothing left to write).
ALREADY_IN_FILE = "(already in the file)"


def apply_edits(text: str, edits: Sequence[ContextEdit]) -> tuple[str, list[str]]:
    """(the new text, the edits that did not apply, each with why: a `Change` whose old text is
    absent or in several places, an `Add` whose text the file already has, a `Change` to the
    same text (which the file has already, or which is not in it))."""
    skipped: list[str] = []
    for e in edits:
        if e.old and e.old == e.new:
            # a change to the same text: the file says it already, or there is nothing to write
            skipped.append(
                f'Change: "{e.old}" to the same text {ALREADY_IN_FILE}'
                if e.old in text
                else f'Change: "{e.old}" (old and new text are the same, and it is not in the file)'
            )
        elif e.old:
            places = text.count(e.old)
            if places == 1:
                text = text.replace(e.old, e.new, 1)
            elif places:
                # Which place the lead meant is not known: editing the first would be a guess.
                skipped.append(f'Change: "{e.old}" (old text is not unique ({places} places))')
            else:
                skipped.append(f'Change: "{e.old}" (not found in the file)')
        elif e.add and e.add in text:
            skipped.append(f'Add: "{e.add}" {ALREADY_IN_FILE}')
        elif e.add:
            line = e.add if e.add.lstrip().startswith(("-", "*", "#")) else f"- {e.add}"
            text = (text.rstrip("\n") + "\n" if text.strip() else "") + line + "\n"
    return text, skipped


def unified_diff(old: str, new: str, name: str, *, new_file: bool = False) -> str:
    """The diff as git shows it: a file that does not exist yet is created from /dev/null."""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile="/dev/null" if new_file else f"a/{name}",
            tofile=f"b/{name}",
        )
    )
