"""An agent CLI that wrote its whole review and then ended in its own error (Claude's
`error_max_turns` / `error_during_execution` result, Codex's `turn.failed` after a dropped
stream, Gemini's error `result` after an HTTP 429) keeps that review: the seat failed, its text
is in its review file and in the report's appendix, marked as failed and not read for findings,
and the retro does not say it "produced no review" (trial 51, defect 4).

The fake CLIs (tests/fakebin/fake_agent.py, `error_after`) print the real event stream with a
review holding an Important finding at `calc.py:5`, then the CLI's error event, and exit
non-zero. A command seat beside it reviews normally.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes, assert_no_leftovers
from support.repos import make_repo

REVIEW = """## Executive Summary

The change adds `div`; it divides by zero.

## Findings

### Critical Issues

None.

### Important Issues

1. **`div` raises ZeroDivisionError on a zero divisor** — `calc.py:5`: `div(1, 0)` crashes.

### Suggestions

None.
"""

DROPPED = "stream disconnected before completion: error sending request for url (https://x)"
# A turn limit in words, with where to raise it, the CLI's code kept for a search: Codex's read
# the bare `error_max_turns` (ux74).
TURN_LIMIT = (
    "stopped at its turn limit (error_max_turns): raise it with the seat's `extra_args` "
    "(Claude Code's `--max-turns N`), or review a smaller change"
)
QUOTA = '[API Error: {"error":{"code":429,"status":"RESOURCE_EXHAUSTED"}}]'

CASES = [
    # (cli, the error it ends with, the seat's reason)
    (
        "claude",
        "error_max_turns",
        TURN_LIMIT,
    ),
    (
        "claude",
        "error_during_execution",
        "the CLI failed during execution (error_during_execution)",
    ),
    ("codex", DROPPED, DROPPED),
    ("codex", "error_max_turns", TURN_LIMIT),
    ("gemini", QUOTA, f"API error (HTTP 429): {QUOTA}"),
]


def _review(tmp_path: Path, cli: str, error: str) -> dict[str, Any]:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(cli, {"review": REVIEW, "tools": 2, "error_after": error, "exit_code": 173})
    fakes.write_config({"peer": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", f"{cli},peer", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    assert_no_leftovers(fakes, repo)
    out: dict[str, Any] = res.json()
    return out


@pytest.mark.parametrize(
    ("cli", "error", "reason"),
    CASES,
    ids=[
        "claude-max-turns",
        "claude-during-execution",
        "codex-disconnected",
        "codex-max-turns",
        "gemini-429",
    ],
)
def test_a_review_written_before_the_cli_error_is_kept(
    tmp_path: Path, cli: str, error: str, reason: str
) -> None:
    out = _review(tmp_path, cli, error)
    seat = next(s for s in out["seats"] if s["seat"] == cli)
    assert (seat["status"], seat["reason"]) == ("failed", reason), seat

    review_dir = Path(out["review_dir"])
    kept = (review_dir / f"review-{cli}-pass-1.md").read_text(encoding="utf-8")
    assert kept.startswith("## Executive Summary"), kept
    assert "`div` raises ZeroDivisionError" in kept

    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    # not read for findings: the report's findings are the peer's alone
    assert all(
        src["reviewer"] != cli for f in report["findings"] for src in f.get("sources", [])
    ), report["findings"]
    assert "calc.py:5" not in {
        f"{loc['path']}:{loc['start']}" for f in report["findings"] for loc in f["locations"]
    }
    appendix = md.split("## Appendix", 1)[1]
    assert "`div` raises ZeroDivisionError" in appendix
    assert f"failed ({reason}); this is what it printed, marked as failed" in appendix
    assert "It produced no review" not in md
    assert f"failed: {reason}. What it printed is in the appendix" in md
