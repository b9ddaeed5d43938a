"""`[seats.NAME]` settings a config file cannot mean: a name that is no plain file-name part,
an empty value, and keys the seat's kind would drop without a word.

A seat with `argv` is a `command` seat: it runs that program as given, so a `binary` or
`extra_args` beside it would be ignored; a `kind` naming an agent (`claude`) runs that agent's
CLI, so an `argv` beside it would be ignored. Either way the user meant something that would not
happen: refused (exit 2) with one line naming the file and key, as `--model claude=` is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from deepreview.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from deepreview.config_file import SeatConfig

# A seat name becomes part of file names in the store (`prompt-<seat>.md`) and in temp dirs.
_SEAT_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
# Text keys for which "" would quietly mean "not set" (the default model, the seat's own kind).
_TEXT_KEYS: Final = ("kind", "binary", "model", "display_name", "model_label")
_TEXT_EXAMPLES: Final = {
    "kind": 'kind = "claude"',
    "binary": 'binary = "/opt/claude/bin/claude"',
    "model": 'model = "opus"',
    "display_name": 'display_name = "My Reviewer"',
    "model_label": 'model_label = "Opus 4.6"',
}
# What only an agent's CLI reads: a command seat runs its argv as written.
_CLI_ONLY_KEYS: Final = ("binary", "extra_args")


def check_seat_name(name: str, where: str) -> None:
    """Refuse a seat name that is not a plain file-name part, before anything is written."""
    if not _SEAT_NAME.fullmatch(name) or ".." in name:
        raise ConfigError(
            f"{where}: seat name {name!r} is not a plain name; use letters, digits, '-', '_' "
            "and '.' (starting with a letter or digit; no '/' or '..')"
        )


def seat_list(text: str, where: str) -> tuple[str, ...]:
    """A comma-separated seat list as `--agents`, `finish --expect` and `DEEP_REVIEW_AGENTS`
    take it (`where` names the one given), each name checked (`check_seat_name`). () when it
    names no seat: the caller says it is empty. An empty element (`a,,b`, `a,`) is refused: a
    seat name was lost, not meant."""
    names = [n.strip() for n in text.split(",")]
    if not any(names):
        return ()
    if not all(names):
        # an option takes its value after a space, an environment variable after `=`
        example = f"{where} claude,codex" if where.startswith("-") else f"{where}=claude,codex"
        raise UsageError(
            f"{where} {text!r} has an empty seat name (two commas in a row, or one at either "
            f"end); separate the seats with single commas (e.g. {example})"
        )
    parts = re.split(r"[\s;]+", text.strip())
    if len(names) == 1 and len(parts) > 1 and all(_SEAT_NAME.fullmatch(p) for p in parts):
        # a shell's list (`claude static`): the seats are right, their separator is not
        listed = ",".join(parts)
        example = f"{where} {listed}" if where.startswith("-") else f"{where}={listed}"
        raise UsageError(
            f"{where} {text!r} names several seats; separate them with commas (e.g. {example}); "
            "one seat's name has no blanks (letters, digits, '-', '_' and '.')"
        )
    for name in names:
        check_seat_name(name, where)
    return tuple(names)


def check_seat_file(name: str, seat: SeatConfig, origin: str) -> None:
    """One file's `[seats.NAME]`: a plain name, and no key set to an empty value."""
    check_seat_name(name, f"{origin}: [seats.{name}]")
    # An empty argv would make the seat look undefined ("unknown seat") further on.
    if seat.argv is not None and not seat.argv:
        raise ConfigError(
            f"{origin}: seats.{name}.argv is empty; give the program to run and its "
            'arguments (e.g. argv = ["my-reviewer", "{prompt_file}"]) or remove the key'
        )
    for key in _TEXT_KEYS:
        value = getattr(seat, key)
        if value is not None and not value.strip():
            raise ConfigError(
                f"{origin}: seats.{name}.{key} is empty; set it (e.g. {_TEXT_EXAMPLES[key]}) "
                "or remove the key"
            )
    if seat.kind is not None:
        _check_kind(name, seat.kind, origin)


def _check_kind(name: str, kind: str, origin: str) -> None:
    """A `kind` no adapter answers to (`"Claude"`, `"claud"`): refused where it is written,
    not later as an "unknown seat" that names neither the key nor the file."""
    from deepreview.agents.registry import BUILTINS, known_agents

    if kind in BUILTINS:  # the common case, without looking for plugins
        return
    kinds = known_agents()
    if kind in kinds:
        return
    import difflib

    near = difflib.get_close_matches(kind.lower(), kinds, n=1, cutoff=0.6)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    raise ConfigError(
        f"{origin}: bad value for 'seats.{name}.kind': unknown kind {kind!r}{hint}; expected "
        f"one of {', '.join(kinds)}"
    )


def check_merged_seat(name: str, merged: Mapping[str, Any], origins: Mapping[str, str]) -> None:
    """The seat as every layer together sets it (`origins`: which file set each key, last
    one wins): no key its kind would ignore. Files may disagree (the user file makes `mine` a
    Claude seat, `--config` gives it a program): which one was meant is not guessed."""
    kind = merged.get("kind")
    argv = merged.get("argv")
    _refuse_built_in_name(name, kind, argv, origins)
    if argv and kind and kind != "command":
        where = _beside(origins, "argv", "kind")
        raise ConfigError(
            f'{origins["argv"]}: seats.{name}.argv runs a program, but kind = "{kind}"{where} '
            f"runs the {kind} agent, which ignores argv; remove kind to run the program, or "
            f"argv to run {kind}"
        )
    if argv or kind == "command":
        for key in _CLI_ONLY_KEYS:
            if merged.get(key):
                what = "argv" if argv else 'kind = "command"'
                where = _beside(origins, key, "argv" if argv else "kind")
                raise ConfigError(
                    f"{origins[key]}: seats.{name}.{key} is for an agent's CLI, but the seat "
                    f"is a command seat ({what}{where}) that runs its argv as written; put the "
                    f"program and its arguments in argv and remove {key}"
                )


def _refuse_built_in_name(name: str, kind: Any, argv: Any, origins: Mapping[str, str]) -> None:
    """A command seat named `static` (`[seats.static] argv = [...]`) would run in the built-in
    analyzer's place: its program's findings credited to "Static analysis", the report saying
    the built-in static seat reviewed, and detect-secrets and ruff never run. (An agent's name
    over a program stays allowed: a wrapper that runs that agent's CLI is that agent.)"""
    if name != "static" or not (argv or kind == "command"):
        return
    key = "argv" if argv else "kind"
    raise ConfigError(
        f"{origins[key]}: [seats.static] is the built-in static analyzer's seat, which runs "
        "no program of yours; name the command seat otherwise (e.g. [seats.my-linter])"
    )


def _beside(origins: Mapping[str, str], key: str, other: str) -> str:
    """Where `other` was set, when not in the same file as `key`."""
    return "" if origins.get(other) == origins.get(key) else f" (from {origins.get(other)})"
