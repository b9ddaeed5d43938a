"""The user's cache folder for Deep Review: `$XDG_CACHE_HOME/deep-review` (else
`~/.cache/deep-review`). Only what is cheap to lose lives there (remembered agent versions,
compiled templates): every reader treats a missing or damaged file as empty."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def user_cache_dir(env: Mapping[str, str]) -> Path | None:
    """The folder, or None when neither XDG_CACHE_HOME nor HOME is set."""
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "deep-review"
    if env.get("HOME"):
        return Path(env["HOME"]) / ".cache" / "deep-review"
    return None
