"""Start-up files the user's environment names, made to mean what they mean to deep-review.

A child runs in a folder of the change's files (a seat's worktree, the static seat's copy of
the committed files), so a start-up file named relative to the cwd is the change's own:
`NODE_OPTIONS=--require ./x.js` (or `--import`, `--loader`, a bare module node looks for in
that folder and its `node_modules`) ran the change's `x.js` in a `node` command seat, and a
relative `BASH_ENV` its `.bashrc` in every non-interactive bash (`PYTHONUSERBASE=.pyuser` its
`usercustomize.py`, `LD_PRELOAD=./x.so` its library). As for the search paths
(`anchored_search_paths`), a relative name is read from deep-review's own cwd, what it
meant to the user who started it; what cannot be anchored is dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from typing import Final

# One file or folder each, read or sourced at start: bash's non-interactive start-up file, sh's
# (and an interactive bash's in POSIX mode), zsh's folder of `.zshenv`, OpenSSL's config (which
# may load an engine's shared library), Python's user site (its `usercustomize.py` is imported
# by every Python outside a venv), git's global and system config (a config of the change's
# names any program it likes) and the XDG folders git and others read their config from.
_FILES: Final = (
    "BASH_ENV", "ENV", "ZDOTDIR", "OPENSSL_CONF", "PYTHONUSERBASE",
    "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG",
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
)  # fmt: skip
# Shared objects the loader maps into every program: an entry with a `/` is a path (relative:
# to the cwd), one without is looked up in the library folders as for a program's own needs.
_LIBRARIES: Final = ("LD_PRELOAD", "LD_AUDIT")
_LIST_SEP: Final = re.compile(r"[:\s]+")
# A shell expands `$…` and `` `…` `` in BASH_ENV/ENV when it starts, in the child's cwd.
_EXPANDS: Final = re.compile(r"[$`]")

# NODE_OPTIONS flags naming code to load: a module (a relative path, or a bare name found
# from the cwd: its folder, then its `node_modules`) or a file.
_MODULE_FLAGS: Final = frozenset(
    {"-r", "--require", "--import", "--loader", "--experimental-loader"}
)
_FILE_FLAGS: Final = frozenset({"--openssl-config", "--experimental-policy"})
# A module named so that no cwd is involved: `node:fs`, `data:…`, `file:///abs/x.mjs`.
_NO_CWD: Final = re.compile(r"(?:node|data):|file:/")


# Search paths other programs read: an empty or relative entry is looked up from the child's
# cwd, a folder of the change's files, so `PYTHONPATH=:/opt/lib` imported the change's
# `sitecustomize.py` into the static seat's secret scan and LD_LIBRARY_PATH loaded its
# `libc.so.6` into every program started there.
_SEARCH_PATHS: Final = (
    "PYTHONPATH",
    "LD_LIBRARY_PATH",
    "NODE_PATH",
    "PERL5LIB",
    "PERLLIB",
    "RUBYLIB",
)


def anchored_search_paths(env: Mapping[str, str], here: str | None) -> dict[str, str]:
    """`env` with every entry of its `_SEARCH_PATHS` absolute: a relative (or empty) one as it
    reads from `here`, our own cwd, which is what it meant to deep-review itself (dropped when
    that folder is gone); a variable left with no entry is removed. The start-up files it names
    (`NODE_OPTIONS`'s `--require`, `BASH_ENV`) likewise (`anchored_startup_files`)."""
    child = dict(env)
    for name in _SEARCH_PATHS:
        value = child.pop(name, "")
        kept: list[str] = []
        for entry in value.split(os.pathsep) if value else ():
            if os.path.isabs(entry):
                kept.append(os.path.normpath(entry))
            elif here is not None:
                kept.append(os.path.normpath(os.path.join(here, entry)))
        if kept:
            child[name] = os.pathsep.join(dict.fromkeys(kept))
    return anchored_startup_files(child, here)


def anchored_startup_files(env: dict[str, str], here: str | None) -> dict[str, str]:
    """`env` (changed in place and returned) with its start-up files absolute from `here`, our
    own cwd, or dropped (a shell expansion, or `here` gone)."""
    for name in _FILES:
        value = env.pop(name, None)
        if value is None or _EXPANDS.search(value):
            continue
        if os.path.isabs(value):
            env[name] = value
        elif value and here is not None:
            env[name] = os.path.normpath(os.path.join(here, value))
    for name in _LIBRARIES:
        value = env.pop(name, None)
        libraries = [_library(e, here) for e in _LIST_SEP.split(value or "") if e]
        if any(libraries):
            env[name] = ":".join(e for e in libraries if e)
    options = env.pop("NODE_OPTIONS", None)
    if options is not None:
        node = _node_options(options, here)
        if node:
            env["NODE_OPTIONS"] = node
    return env


def _library(entry: str, here: str | None) -> str | None:
    if "/" not in entry or os.path.isabs(entry):
        return entry
    return None if here is None else os.path.normpath(os.path.join(here, entry))


def _node_options(value: str, here: str | None) -> str:
    """NODE_OPTIONS with each module or file it loads anchored, a bare module dropped."""
    out: list[str] = []
    tokens = iter(_split(value))
    for token in tokens:
        flag, eq, arg = token.partition("=")
        if flag not in _MODULE_FLAGS and flag not in _FILE_FLAGS:
            out.append(token)
            continue
        if not eq:
            arg = next(tokens, "")
        anchored = _anchor(arg, here, module=flag in _MODULE_FLAGS)
        if anchored is None:
            continue
        out.extend([f"{flag}={anchored}"] if eq else [flag, anchored])
    return " ".join(_quote(t) for t in out)


def _anchor(arg: str, here: str | None, *, module: bool) -> str | None:
    if os.path.isabs(arg) or (module and _NO_CWD.match(arg)):
        return arg
    if here is None or not arg:
        return None
    if module and not arg.startswith(("./", "../")) and arg not in (".", ".."):
        # A bare name: node would look in the change's folder and node_modules first.
        return None
    return os.path.normpath(os.path.join(here, arg))


def _split(value: str) -> Iterator[str]:
    """NODE_OPTIONS as node splits it: at spaces outside `"…"`, a backslash escaping inside."""
    token: list[str] = []
    started = quoted = escaped = False
    for ch in value:
        if escaped:
            token.append(ch)
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
            started = True
        elif ch == " " and not quoted:
            if started or token:
                yield "".join(token)
            token, started = [], False
        else:
            token.append(ch)
    if started or token:
        yield "".join(token)


def _quote(token: str) -> str:
    if token and not re.search(r'[ "\\]', token):
        return token
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'
