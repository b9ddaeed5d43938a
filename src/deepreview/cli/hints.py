"""The commands a message tells the user to run next (`deep-review resume ID`, `deep-review
publish ID`, ...) carry `--store DIR` when this command was given `--store DIR`: followed as
printed, a bare one would look in the default store and not find the review. A store named by
a config file or `DEEP_REVIEW_STORE` needs nothing: the next command sees it too."""

from __future__ import annotations

import re
import shlex
from typing import Any, Final

import click

# The commands that take `--store` (`tests/cli/test_store_hints.py` checks them against the CLI).
STORE_COMMANDS: Final = (
    "context apply",
    "declines",
    "decline",
    "delete",
    "finish",
    "list",
    "open",
    "publish",
    "reindex",
    "relead",
    "resume",
    "review",
    "show",
    "stats",
    "undecline",
)
_COMMAND = re.compile(rf"`(deep-review (?:{'|'.join(STORE_COMMANDS)})\b[^`]*)`")

_given: list[str] = []  # the `--store` of the running command, when given


def remember_store(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """`--store`'s callback: what the hints name."""
    _given[:] = [value] if value else []
    return value


def forget_store() -> None:
    """A new command line (several run in one process in tests) starts with none."""
    _given.clear()


def with_store(text: str) -> str:
    """`text` with `--store DIR` added to each backticked store command that lacks one."""
    if not _given:
        return text
    flag = f" --store {shlex.quote(_given[0])}"

    def add(m: re.Match[str]) -> str:
        command = m[1]
        return m[0] if " --store" in command else f"`{command}{flag}`"

    return _COMMAND.sub(add, text)
