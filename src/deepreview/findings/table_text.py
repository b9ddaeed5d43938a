"""A findings table's text cell: its first sentence (the title when the table has no title
column) and a `Fix: …` sentence inside it (the finding's fix, as a `Fix:` line is in a list)."""

from __future__ import annotations

import re

# `Fix:` / `**Fix:**` / `Suggested fix:` / `Recommendation:` opening a sentence of the cell
_FIX = re.compile(
    r"(?:^|(?<=[.!?;)`])\s+|<br\s*/?>\s*)\**(?:suggested\s+)?(?:fix|recommendation|remedy)"
    r"\**\s*:\**\s*(?P<fix>\S.*)$",
    re.IGNORECASE,
)
# a sentence ends at `.`, `!` or `?` followed by a blank and more text, outside `code`
_END = re.compile(r"[.!?](?=\s+\S)")


def split_fix(cell: str) -> tuple[str, str]:
    """(text before the fix, the fix) of a cell; the fix is empty when the cell has none."""
    m = _FIX.search(cell)
    if m is None:
        return cell.strip(), ""
    return cell[: m.start()].strip(), m.group("fix").strip()


def first_sentence(cell: str) -> tuple[str, str]:
    """(first sentence without its full stop, the rest): a cell of one sentence is all title."""
    code = [m.span() for m in re.finditer(r"`[^`]*`", cell)]
    for m in _END.finditer(cell):
        if any(a <= m.start() < b for a, b in code):
            continue
        rest = cell[m.end() :].strip()
        if _FIX.match(rest) is not None:
            break  # `Title. Fix: …`: the fix is no body
        return cell[: m.start()].strip("* "), rest
    title, _ = split_fix(cell)
    return title.rstrip(".").strip("* "), cell[len(title) :].strip() if title != cell else ""
