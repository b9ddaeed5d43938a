"""Shared pieces of the scale-out tests: three fake agent CLIs with canned reviews, separate
clones of one repository (one per "runner"), and the report fields that must not depend on
where or when the seats ran.

The reviews (of `support.repos.make_repo`'s change: `sub` in calc.py, `shout` in
util/strings.py) overlap on purpose, so consolidation merges and credits across seats:

    claude  I1 `shout` fails on non-strings   S1 no test for `sub`
    codex   I1 `shout` fails on non-strings   (same place: merges with claude's I1)
    gemini  S1 `shout` has no docstring
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import CliResult, git, make_repo, run_cli

SEATS = ("claude", "codex", "gemini")
AGENTS = ("--agents", ",".join(SEATS))
RANGE = "main..feature/x"

_HEAD = "## Executive Summary\n\n{summary}\n\n## Findings\n\n"
_TAIL = """
## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | {calc} |
| `util/strings.py` | {strings} |
"""
_SHOUT = """I1. **`shout` fails on values that are not strings** — `util/strings.py:2` \
(important, regression)

```python
    return s.upper()
```

`shout(42)` raises `AttributeError`: integers have no `upper`. Callers pass numbers from forms.

Fix:

```diff
-    return s.upper()
+    return str(s).upper()
```
"""

REVIEWS = {
    "claude": _HEAD.format(summary="Adds `sub` and `shout`; `shout` trusts its input.")
    + "### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    + _SHOUT
    + """
### Suggestions

S1. **Nothing tests `sub`** — `calc.py:5-6` (suggestion, gap)

A one-line test would pin the argument order.
"""
    + _TAIL.format(calc="S1", strings="I1"),
    "codex": _HEAD.format(summary="Two helpers; the string one breaks on numbers.")
    + "### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    + _SHOUT
    + "\n### Suggestions\n\nNone.\n"
    + _TAIL.format(calc="Reviewed, no issues", strings="I1"),
    "gemini": _HEAD.format(summary="Small change; one documentation nit.")
    + """### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **`shout` has no docstring** — `util/strings.py:1` (suggestion, docs)

Say whether it accepts anything but `str`; today the name is all a caller gets.
"""
    + _TAIL.format(calc="Reviewed, no issues", strings="S1"),
}


def install_agents(fakes: Fakes, scenarios: dict[str, dict[str, Any]] | None = None) -> None:
    """The three fake CLIs on PATH, each answering its canned review."""
    for seat in SEATS:
        scenario = {"mode": "ok", "tools": 2, "review": REVIEWS[seat]}
        scenario.update((scenarios or {}).get(seat, {}))
        fakes.agent(seat, scenario)
    fakes.write_config({})


def origin_and_clones(tmp: Path, n: int) -> tuple[Path, list[Path]]:
    """The repository, and `n` clones of it at different paths (`runner-K/repo`), each with
    `feature/x` checked out and a local `main`: one per CI runner. Reviews name the range
    (`RANGE`): a clone's origin/HEAD is the origin's checked-out branch, not its base."""
    origin = make_repo(tmp / "origin")
    clones = []
    for k in range(1, n + 1):
        dest = tmp / f"runner-{k}" / "repo"
        dest.parent.mkdir(parents=True)
        git(dest.parent, "clone", "-q", "--no-local", str(origin), "repo")
        git(dest, "checkout", "-q", "feature/x")
        git(dest, "branch", "-q", "main", "origin/main")
        clones.append(dest)
    return origin, clones


def seat_only(
    fakes: Fakes, repo: Path, seat: str, out: Path, *extra: str, env: dict[str, str] | None = None
) -> CliResult:
    agents = () if "--agents" in extra else AGENTS  # a test naming its own seats
    return run_cli(
        ["review", RANGE, *agents, "--seat-only", seat, "--out", str(out), "--json", *extra],
        cwd=repo,
        env=env or fakes.env(agents=True),
    )


def finish(fakes: Fakes, repo: Path, *args: str, env: dict[str, str] | None = None) -> CliResult:
    return run_cli(
        ["finish", "--lead", "none", "--json", *args],
        cwd=repo,
        env=env or fakes.env(agents=True),
    )


# Measured or placed, not reviewed: timings, IDs, dates, paths.
_VOLATILE = {
    "review_id",
    "date",
    "wall_clock_s",
    "duration_s",
    "cli_duration_ms",
    "started_at",
    "ended_at",
}


_SECONDS = re.compile(r"^\d+(\.\d+)? s$")


def comparable(report: dict[str, Any]) -> Any:
    """The report JSON without what legitimately differs between two runs of one review."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in _VOLATILE}
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, str) and _SECONDS.match(value):
            return "<seconds>"
        return value

    return strip(report)


def report_json(result: CliResult) -> dict[str, Any]:
    out = result.json()
    data: dict[str, Any] = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return data
