"""A unique insight is a finding no other seat raised, and that means something only when another
seat reviewed (trial 51 defect 7). Beside a seat that failed (here after writing the very same
finding: its answer cut by the output limit), the one seat that reviewed is the only reviewer:
its findings are not credited as its unique insights, in the retro or in `stats` (and so not in
`--panel auto`'s ranking), and its retro says why. Beside a peer that reviewed, a finding only
it raised still is one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli

REVIEW = """## Executive Summary

The change adds `sub` and `shout`; `sub` is wrong.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`sub` adds instead of subtracting** — `calc.py:5` (important, regression)

`sub(3, 1)` returns 4; verified by running it.

### Suggestions

None.
"""
CLEAN = REVIEW.split("## Findings", 1)[0] + (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)


def _row(md: str, label: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {label} |"))


def _review(tmp_path: Path, claude: dict[str, Any]) -> tuple[str, dict[str, dict[str, Any]]]:
    """Codex raises I1, claude does as `claude` says: the Markdown report and `stats`' seats."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("codex", {"review": REVIEW, "tools": 1})
    fakes.agent("claude", {"tools": 1, **claude})
    fakes.write_config({})
    env = fakes.env(agents=True)
    res = fakes.review(repo, "--agents", "claude,codex", "--format", "md", env=env)
    assert res.returncode == 0, res.stderr
    md = (fakes.store / f"{res.json()['review_id']}.md").read_text(encoding="utf-8")
    stats = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert stats.returncode == 0, stats.stderr
    return md, {s["seat"]: s for s in stats.json()["seats"]}


def test_no_unique_insight_when_the_only_other_seat_failed(tmp_path: Path) -> None:
    md, seats = _review(tmp_path, {"review": REVIEW, "cut_by_limit": True})
    assert "Claude failed" in md
    appendix = md.split("## Appendix", 1)[1]
    assert "`sub` adds instead of subtracting" in appendix.split("Codex", 1)[0]
    assert _row(md, "Unique insights") == "| Unique insights | — | 0 (no other model reviewed) |"
    assert "No other model produced a review to compare with" in md
    assert "Only Codex found" not in md
    assert (seats["codex"]["unique_insights"], seats["codex"]["reraised"]) == (0, 0)


def test_a_finding_only_one_of_two_reviewing_seats_raised_is_unique(tmp_path: Path) -> None:
    md, seats = _review(tmp_path, {"review": CLEAN})
    assert _row(md, "Unique insights").startswith("| Unique insights | 0 | [I1](#i1) (")
    assert "Only Codex found" in md
    assert seats["codex"]["unique_insights"] == 1
