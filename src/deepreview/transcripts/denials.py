"""The shell commands a seat's CLI refused, as the retro names them.

A refused command never ran; naming it beside the count ("1 tool call denied (`git blame
calc.py && touch x`)") says what the seat tried. The command is the model's text: written on
one line, shortened, in a code span no backtick of it can close.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_NAMED = 3  # commands named; the rest are counted
MAX_CHARS = 80  # of each command shown
_BREAKS = re.compile(r"\s+")
_TICKS = re.compile(r"`+")


def code_span(text: str) -> str:
    """`text` (one line) as a Markdown code span: its fence is longer than any backtick run."""
    longest = max((len(m) for m in _TICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _shown(command: str) -> str:
    line = _BREAKS.sub(" ", command).strip()
    return line if len(line) <= MAX_CHARS else line[: MAX_CHARS - 1].rstrip() + "…"


def denied_cell(total: int, commands: Sequence[str]) -> str:
    """What follows "N tool calls denied": ` (`cmd`, 2 other)`, or "" when no command is known."""
    named = [code_span(_shown(c)) for c in commands[:MAX_NAMED] if c.strip()]
    if not named:
        return ""
    other = total - len(named)
    return f" ({', '.join(named)}{f', {other} other' if other > 0 else ''})"
