"""Availability checks shared by the CLI adapters: find the binary, probe its version.

A binary comes from `settings.binary` (a path, or a name looked up on PATH) or else the CLI's
default name on PATH. Nothing else is searched: a project-local install (such as the test
tools under `.tools/agent-clis/`) is used only when the user puts it on PATH or in the config.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.agents.base import Availability, SeatSettings
from deepreview.atomicfile import replace_bytes
from deepreview.usercache import user_cache_dir

VERSION_TIMEOUT_S: Final = 15.0
_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)?(?:[-+.][0-9A-Za-z.]+)?")


def resolve_binary(settings: SeatSettings, env: Mapping[str, str], default: str) -> str | None:
    """Absolute path of the CLI to run, or None when it cannot be found."""
    wanted = os.path.expanduser(settings.binary) if settings.binary else default
    if os.sep in wanted:
        path = Path(wanted)
        try:
            runnable = path.is_file() and os.access(path, os.X_OK)
        except OSError:  # a name over 255 bytes: `_not_runnable` says so
            return None
        return str(path.resolve()) if runnable else None
    return proc.which(wanted, env)


def _not_runnable(binary: str) -> str:
    """Why a configured `binary` is no program to run: a path that is missing, a folder or
    a file without execute permission, or a name not on PATH."""
    wanted = os.path.expanduser(binary)
    if os.sep not in wanted:
        return "is not on PATH"
    path = Path(wanted)
    try:
        if path.is_dir():
            return "is a folder, not a program"
        if path.exists():
            return "is not an executable file"
    except OSError as exc:  # a name over 255 bytes, a folder it may not look into
        return f"cannot be used ({exc.strerror})"
    return "does not exist"


def _cache_path(env: Mapping[str, str]) -> Path | None:
    root = user_cache_dir(env)
    return None if root is None else root / "agent-versions.json"


def _cache_key(binary: str) -> str | None:
    """The installed file's identity: a reinstall or upgrade changes it, so its version is
    probed again."""
    try:
        real = os.path.realpath(binary)
        st = os.stat(real)
    except OSError:
        return None
    return f"{real}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}"


_cache_lock = threading.Lock()  # the probes of one review run in parallel threads


def _cached_version(env: Mapping[str, str], key: str) -> str | None:
    path = _cache_path(env)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _remember_version(env: Mapping[str, str], key: str, version: str) -> None:
    """Best effort: a cache that cannot be written only costs the next review a probe."""
    path = _cache_path(env)
    if path is None:
        return
    with _cache_lock:
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, ValueError):
            data = {}  # a damaged cache is replaced
        if not isinstance(data, dict):
            data = {}
        data[key] = version
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # A cache: not worth a disk flush on every newly probed CLI.
            replace_bytes(
                path,
                json.dumps(data, sort_keys=True, allow_nan=False).encode("utf-8"),
                durable=False,
            )
        except (OSError, ValueError):
            return


_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x1f\x7f]")


def probe_version(binary: str, env: Mapping[str, str]) -> tuple[str | None, str]:
    """(`--version` output's version number, error) with a short timeout.

    A Node CLI takes 0.1–0.5 s to answer `--version`, and the first seat waits for every probe:
    a version is remembered per installed file (in the user's cache folder) and probed again
    only when the file changes. A failed probe is never remembered, so a fixed install is seen
    at once.
    """
    key = _cache_key(binary)
    cached = _cached_version(env, key) if key else None
    if cached is not None:
        return cached, ""
    version, error = _probe(binary, env)
    if version is not None and key:
        _remember_version(env, key, version)
    return version, error


def _probe(binary: str, env: Mapping[str, str]) -> tuple[str | None, str]:
    """Runs `--version` in a throwaway HOME so probing never writes into the user's home."""
    with tempfile.TemporaryDirectory(prefix="deepreview-probe-") as tmp:
        probe_env = {k: v for k, v in env.items() if k in ("PATH", "LANG", "SYSTEMROOT")}
        probe_env["HOME"] = tmp
        result = proc.run([binary, "--version"], env=probe_env, cwd=tmp, timeout=VERSION_TIMEOUT_S)
    if not result.ok:
        detail = result.stderr_text.strip().splitlines()
        why = result.describe_failure() + (f": {detail[-1][:200]}" if detail else "")
        return None, f"`{binary} --version` failed ({why})"
    text = result.stdout_text.strip() or result.stderr_text.strip()
    match = _VERSION.search(text)
    if match:
        return match.group(0), ""
    # `Error: …` or a wrapper's banner is no version: the binary is not the CLI it claims to
    # be (or is broken). Shown sanitized: a terminal escape must not reach doctor's table.
    first = _CONTROL.sub("", text.splitlines()[0] if text else "")[:80]
    return None, f"`{binary} --version` printed no version number ({first or 'nothing'})"


def check(
    *,
    name: str,
    display: str,
    settings: SeatSettings,
    env: Mapping[str, str],
    default_binary: str,
    npm_package: str,
    auth: tuple[bool | None, str],
) -> Availability:
    """The common availability answer: binary, version, and the adapter's auth verdict."""
    hint = f"npm install -g {npm_package}"
    binary = resolve_binary(settings, env, default_binary)
    if binary is None:
        # `[seats.NAME]`: the seat's own section, named by the caller (a seat `c2` of kind
        # claude sets its binary in [seats.c2]).
        if settings.binary:
            reason = (
                f"binary {settings.binary!r} {_not_runnable(settings.binary)}; fix `binary` "
                "in [seats.NAME]"
            )
        else:
            reason = (
                f"{display} CLI not found (`{default_binary}` on PATH); install it with "
                f"`{hint}` or set `binary` in [seats.NAME]"
            )
        return Availability(name=name, usable=False, found=False, reason=reason, install_hint=hint)
    version, error = probe_version(binary, env)
    authenticated, how = auth
    if version is None:
        return Availability(
            name=name,
            usable=False,
            found=True,
            reason=f"{error}; reinstall it with `{hint}`",
            binary=binary,
            authenticated=authenticated,
            install_hint=hint,
        )
    return Availability(
        name=name,
        usable=authenticated is not False,
        found=True,
        reason=how,
        version=version,
        authenticated=authenticated,
        binary=binary,
        install_hint=hint,
    )
