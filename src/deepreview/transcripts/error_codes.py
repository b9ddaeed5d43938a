"""A CLI's bare error code in words, with what to do about it, the code kept for a search.
Claude's error result carries only its subtype, and Codex's `error` event may carry a code as
its whole message: a failed seat whose reason read `error_max_turns` told a reader neither
what happened nor how to avoid it."""

from __future__ import annotations

# Turn limits are CLI flags passed through a seat's `extra_args` (the project sets none itself).
_WORDS = {
    "error_max_turns": (
        "stopped at its turn limit ({code}): raise it with the seat's `extra_args` "
        "(Claude Code's `--max-turns N`), or review a smaller change"
    ),
    "error_during_execution": "the CLI failed during execution ({code})",
    "error_max_budget_usd": "hit its spending limit ({code})",
}


def explained(code: str) -> str | None:
    """`error_max_turns` -> `stopped at its turn limit (error_max_turns): raise it …`; None
    for a message that is no code this table knows."""
    words = _WORDS.get(code.strip())
    return words.format(code=code.strip()) if words else None
