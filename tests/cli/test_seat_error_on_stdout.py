"""A seat that prints its error on stdout and exits non-zero (trial 50a #12): the reason quotes
it, as it quotes an error printed on stderr, instead of a bare "exited with code 1"; one that
exits 0 having printed nothing but an error on stderr says that error beside "empty review"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.repos import cli_env, make_repo, run_cli

REVIEW = (
    "## Findings\n\n### Critical Issues\n\n"
    "C1. **`sub` returns b - a** — `calc.py:6` (critical, regression)\n\nWrong sign.\n"
)
ERROR = "Error: 429 Too Many Requests (rate limit exceeded, retry in 60s)"


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        (f"echo '{ERROR}'; exit 1", f"exited with code 1: {ERROR}"),
        (f"echo '{ERROR}' >&2; exit 1", f"exited with code 1: {ERROR}"),  # as before
        # on both: stderr's line is the one quoted (as before)
        (f"echo 'request failed'; echo '{ERROR}' >&2; exit 2", f"exited with code 2: {ERROR}"),
        # exit 0 with nothing on stdout: "empty review" alone hid why (brief nu70)
        (f"echo '{ERROR}' >&2; exit 0", f"empty review (stderr: {ERROR})"),
    ],
)
def test_the_error_is_quoted(tmp_path: Path, script: str, reason: str) -> None:
    repo = make_repo(tmp_path)
    good = tmp_path / "good.out"
    good.write_text(REVIEW, encoding="utf-8")
    seats = {
        "good": ["sh", "-c", f"cat >/dev/null; cat '{good}'"],
        "rl": ["sh", "-c", f"cat >/dev/null; {script}"],
    }
    cfg = "".join(f"[seats.{n}]\nargv = {json.dumps(a)}\n" for n, a in seats.items())
    (tmp_path / "user-config.toml").write_text(cfg, "utf-8")
    res = run_cli(
        ["review", "--agents", "good,rl", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    data: dict[str, Any] = res.json()
    rl = next(s for s in data["seats"] if s["seat"] == "rl")
    assert (rl["status"], rl["reason"]) == ("failed", reason)
    md = Path(data["paths"]["md"]).read_text(encoding="utf-8")
    assert f"Seat Rl failed: {reason}" in md
