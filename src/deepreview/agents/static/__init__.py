"""The built-in `static` seat: ruff, `git diff --check` and detect-secrets on the added lines."""

from __future__ import annotations

from deepreview.agents.static.agent import StaticAgent

__all__ = ["StaticAgent"]
