"""Isolated homes and environments for agent CLIs.

Every seat runs its CLI with `HOME` (and the XDG directories, `TMPDIR`, `CODEX_HOME`, ...) pointing
into `task.home`, a fresh directory that is removed after the run. So a CLI never reads the
user's own settings, hooks, MCP servers or plugins, never writes sessions into the user's home,
and two seats never share state.

The environment is built from an allow-list, never inherited whole: basic locale/PATH/proxy/TLS
variables, then each CLI's own auth and provider variables (API keys, base URLs), then the
quieting settings (no telemetry, no update checks), then the seat's `settings.env` (the user's
explicit choice, so it wins), and last the git settings of a seat (`workspace.worktree.
seat_git_env`: no hooks, the whole tree, LFS pointers; counted after any `GIT_CONFIG_COUNT`
entries `settings.env` sets), with no variable that points git at another repository.

Users who log in instead of using API keys: only the credential file of that CLI is copied into
the isolated home (`~/.claude/.credentials.json`, `$CODEX_HOME/auth.json` (default
`~/.codex/auth.json`), `~/.gemini/oauth_creds.json`, `~/.local/share/opencode/auth.json`), with
mode 0600. If the CLI refreshes the token during the run, the refreshed file is copied back over
the original, but only when the original is still unchanged; otherwise a rotated refresh token
could log the user out.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.agents.base import SeatTask
from deepreview.atomicfile import replace_bytes
from deepreview.workspace.worktree import seat_git_env

_LOGGER: Final = logging.getLogger(__name__)

# Needed by any CLI to start, find git/node, and reach the network through a corporate proxy.
BASE_VARS: Final = frozenset(
    {
        "PATH", "LANG", "LANGUAGE", "TZ", "USER", "LOGNAME", "SHELL",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
        "http_proxy", "https_proxy", "no_proxy", "all_proxy",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE",
        "CURL_CA_BUNDLE",
    }
)  # fmt: skip
BASE_PREFIXES: Final = ("LC_",)

_MANIFEST = ".deepreview-credentials.json"


@dataclass(frozen=True)
class EnvPolicy:
    """Which of the user's variables one CLI gets, and what it always gets."""

    names: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    quiet: tuple[tuple[str, str], ...] = ()  # always set (telemetry/update checks off)

    def admits(self, name: str) -> bool:
        return (
            name in BASE_VARS
            or name in self.names
            or name.startswith((*BASE_PREFIXES, *self.prefixes))
            or (bool(self.suffixes) and name.endswith(self.suffixes))
        )


def home_dirs(home: Path) -> dict[str, Path]:
    """The per-seat directories every CLI is pointed at (created by `prepare_home`)."""
    return {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_CACHE_HOME": home / ".cache",
        "TMPDIR": home / "tmp",  # CLIs drop error reports and snapshots in the temp dir
    }


def prepare_home(home: Path) -> dict[str, str]:
    """Create the isolated directories; returns them as environment variables."""
    dirs = home_dirs(home)
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    return {name: str(path) for name, path in dirs.items()}


def seat_env(
    task: SeatTask, policy: EnvPolicy, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The full environment of one CLI run (see the module docstring for the order)."""
    env = {name: value for name, value in task.env.items() if policy.admits(name)}
    env.update(prepare_home(task.home))
    env.update(extra or {})
    env.update(dict(policy.quiet))
    env.update(dict(task.settings.env))
    # The CLI's git runs no hook, sees the whole tree and the LFS pointers as they are.
    return seat_git_env(env, task.worktree)


def user_env(settings_env: Iterable[tuple[str, str]], env: Mapping[str, str]) -> dict[str, str]:
    """The user's environment as a seat sees it: the process env plus `settings.env`."""
    merged = dict(env)
    merged.update(dict(settings_env))
    return merged


def real_home(env: Mapping[str, str]) -> Path | None:
    home = env.get("HOME")
    return Path(home) if home else None


# -- credentials -------------------------------------------------------------------------------
def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def copy_credentials(home: Path, files: Iterable[tuple[Path, Path]]) -> list[Path]:
    """Copy each existing `(source, destination)` credential file into the isolated home.

    Records what was copied in a manifest inside `home`, for `sync_back_credentials`.
    """
    copied: list[Path] = []
    manifest: list[dict[str, str]] = []
    for source, dest in files:
        try:
            data = source.read_bytes()
        except OSError:
            continue  # absent or unreadable: the CLI will report it is not logged in
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        copied.append(dest)
        manifest.append({"source": str(source), "dest": str(dest), "sha256": _digest(data)})
    if manifest:
        (home / _MANIFEST).write_text(json.dumps(manifest, allow_nan=False), encoding="utf-8")
    return copied


def sync_back_credentials(home: Path) -> list[Path]:
    """Copy refreshed credentials back to where they came from; returns the files updated.

    Only when the copy changed during the run and the original did not (another process may
    have refreshed it meanwhile; its token is the newer one).
    """
    updated: list[Path] = []
    try:
        entries = json.loads((home / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return updated
    for entry in entries if isinstance(entries, list) else []:
        try:
            source, dest, original = Path(entry["source"]), Path(entry["dest"]), entry["sha256"]
            new = dest.read_bytes()
            if _digest(new) == original or _digest(source.read_bytes()) != original:
                continue
            replace_bytes(source, new, mode=0o600)
            updated.append(source)
        except (OSError, KeyError, TypeError) as exc:
            _LOGGER.warning("could not write refreshed credentials back: %s", exc)
    return updated
