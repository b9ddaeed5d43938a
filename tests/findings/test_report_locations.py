"""Where a report's consolidated findings point: every location the lead wrote is read."""

from __future__ import annotations

from deepreview.findings.report_parse import parse_report
from deepreview.model import Location

REPORT = """# Deep Review: 20260102-030405-pr-11

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Codex GPT 7 |

## Executive Summary

Two small problems in the cache.

## Important Issues

I1. **Lock taken in two orders** — `cache/lock.go:20-24, 61-63` [Claude Opus 9, Codex GPT 7]

Body.

## Suggestions

S1. **Three copies of the key check** — `cache/key.go:8,31,70` `[Codex GPT 7]` (suggestion, gap)

Body.

S2. **Comments drifted** — `cache/a.go:4,9`; `cache/b.go:12-14,30` [Claude Opus 9]

Body.
"""


def test_line_lists_in_report_findings() -> None:
    report = parse_report(REPORT)
    got = {f.id: f.locations for f in report.findings}
    assert got["I1"] == (Location("cache/lock.go", 20, 24), Location("cache/lock.go", 61, 63))
    assert got["S1"] == (
        Location("cache/key.go", 8),
        Location("cache/key.go", 31),
        Location("cache/key.go", 70),
    )
    assert got["S2"] == (
        Location("cache/a.go", 4),
        Location("cache/a.go", 9),
        Location("cache/b.go", 12, 14),
        Location("cache/b.go", 30),
    )
    assert {f.id: f.reviewers for f in report.findings} == {
        "I1": ("Claude Opus 9", "Codex GPT 7"),
        "S1": ("Codex GPT 7",),
        "S2": ("Claude Opus 9",),
    }
