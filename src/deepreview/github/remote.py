"""Which GitHub repository a git remote URL names."""

from __future__ import annotations

import re
from typing import Final

_REMOTE: Final = re.compile(r"github\.com[:/](?P<repo>[^/\s]+/[^/\s]+?)(?:\.git)?/?$")


def repo_from_url(url: str) -> str | None:
    """`owner/name` for a github.com remote URL (https or ssh), else None."""
    m = _REMOTE.search(url.strip())
    return m.group("repo") if m else None


__all__ = ["repo_from_url"]
