"""Which repository-file keys make us run something, and whether the user trusted a file's
exact content (`deep-review trust`: its path and SHA-256 in the user file, like direnv's
`allow`). `config` asks this before it honours such keys from a repository file."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from deepreview.config_file import FileConfig

DANGEROUS_SEAT_KEYS: Final = ("argv", "binary", "extra_args", "env")
# `[checks] test` runs the project's tests; `env` hands secrets to them.
DANGEROUS_CHECK_KEYS: Final = ("test", "env")
# `[review] allow_exec` lets every seat run commands and opens the checks' gate.
DANGEROUS_REVIEW_KEYS: Final = ("allow_exec",)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dangerous_keys(cfg: FileConfig | None) -> list[str]:
    found: list[str] = []
    if cfg is None:
        return found
    # only `true` runs anything: a file may always turn execution off
    found.extend(f"review.{key}" for key in DANGEROUS_REVIEW_KEYS if getattr(cfg.review, key))
    for name, seat in cfg.seats.items():
        for key in DANGEROUS_SEAT_KEYS:
            if getattr(seat, key) is not None:
                found.append(f"seats.{name}.{key}")
    for key in DANGEROUS_CHECK_KEYS:
        if getattr(cfg.checks, key) is not None:
            found.append(f"checks.{key}")
    return found


def trusted_before(user: FileConfig | None, repo_file: Path) -> bool:
    """Whether some content of this file was trusted: it is untrusted because it changed."""
    resolved = str(repo_file.resolve())
    return user is not None and any(r.path == resolved for r in user.trusted)


def is_trusted(user: FileConfig | None, repo_file: Path, text: str) -> bool:
    if user is None:
        return False
    digest = content_hash(text)
    resolved = str(repo_file.resolve())
    return any(r.path == resolved and r.sha256 == digest for r in user.trusted)
