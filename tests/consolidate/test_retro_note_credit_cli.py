"""Through the real `deep-review consolidate` (trial56b item 10): a seat credited on a finding
by a note (its Documentation Assessment cites the finding's lines and says the same) is not
said to have missed it, and the finder is not said to be the only one that found it; the
counts stay (a note credit changes none)."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews
from support.id_links import without_id_links

FINDER = """## Findings

### Suggestions

S1. **Stale comment above `parseQuota`** — `pkg/quota/parse.go:20-22` (suggestion, gap)

The comment says `parseQuota` accepts megabytes; since this change it takes bytes only.

Fix: say bytes.

## Coverage Summary

- `pkg/quota/parse.go` — S1
"""

NOTER = """## Findings

### Suggestions

S1. **`limits.go` rounds the quota down** — `pkg/quota/limits.go:40` (suggestion, regression)

`floor(q / 1024)` loses up to 1023 bytes of every quota.

## Documentation Assessment

1. `pkg/quota/parse.go:21` still says `parseQuota` takes megabytes; it takes bytes now.

## Coverage Summary

- `pkg/quota/parse.go` — Reviewed, no issues
"""


def _consolidate(tmp_path: Path, fmt: str) -> str:
    return consolidate_reviews(tmp_path, {"claude": FINDER, "codex": NOTER}, fmt)


def _retro_paragraphs(md: str, name: str) -> str:
    retro = md.split("## Agent Performance Retro", 1)[1].split("\n## ", 1)[0]
    return next(p for p in retro.split("\n### ") if p.lstrip("[").startswith(name))


def test_a_seat_that_noted_a_finding_did_not_miss_it(tmp_path: Path) -> None:
    md = without_id_links(_consolidate(tmp_path, "md"))
    stale = next(ln for ln in md.splitlines() if "Stale comment above" in ln and "[" in ln)
    fid = stale.split(".", 1)[0]
    assert "[Claude, Codex]" in stale, stale
    codex = _retro_paragraphs(md, "Codex")
    assert "Found by others but not by Codex" not in codex, codex
    assert f"Noted by Codex outside its findings: {fid} (" in codex, codex
    claude = _retro_paragraphs(md, "Claude")
    assert f"Only Claude found {fid}" not in claude, claude
    assert f"Only Claude raised {fid} (" in claude and "noted by Codex) as a finding" in claude


def test_note_credits_leave_the_counts(tmp_path: Path) -> None:
    report = json.loads(_consolidate(tmp_path, "json"))
    seats = {s["seat"]: s for s in report["retro"]["seats"]}
    assert seats["claude"]["numbers"]["unique_insights"] == 1, seats["claude"]
    assert seats["codex"]["numbers"]["unique_insights"] == 1, seats["codex"]
