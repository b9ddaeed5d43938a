"""e2e fixtures: see `e2e.agentkit` (CLI discovery, the review repo, running one seat)."""

from __future__ import annotations

from e2e.agentkit import cli_bin_dir, dead_url, review_repo, run_seat
from scripted_server.fixture import scripted_server

__all__ = ["cli_bin_dir", "dead_url", "review_repo", "run_seat", "scripted_server"]
