"""Through the real `deep-review consolidate`: a reviewer's Documentation Assessment note on a
finding's lines credits it, and the JSON shows which note it was (notes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import CliResult, cli_env, run_cli

FINDER = """## Executive Summary

One stale comment.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **Stale comment above `parseQuota`** — `pkg/quota/parse.go:20-22` (suggestion, gap)

The comment says `parseQuota` accepts megabytes; since this change it takes bytes only.

Fix: say bytes.

## Coverage Summary

- `pkg/quota/parse.go` — S1
"""

NOTER = """## Executive Summary

Nothing blocking.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Documentation Assessment

1. `pkg/quota/parse.go:21` still says `parseQuota` takes megabytes; it takes bytes now.
2. `pkg/quota/limits.go:5` is accurate.

## Coverage Summary

- `pkg/quota/parse.go` — Reviewed, no issues
"""


def _consolidate(tmp_path: Path, fmt: str) -> CliResult:
    """`deep-review consolidate` of Claude's finding and Codex's documentation note."""
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(FINDER)
    b.write_text(NOTER)
    return run_cli(
        ["consolidate", str(a), str(b), "--format", fmt], cwd=tmp_path, env=cli_env(tmp_path)
    )


def test_a_documentation_note_credits_its_reviewer(tmp_path: Path) -> None:
    res = _consolidate(tmp_path, "json")
    assert res.returncode == 0, res.stderr
    [finding] = json.loads(res.stdout)["findings"]
    assert finding["reviewers"] == ["Claude", "Codex"]
    note = finding["sources"][-1]
    assert (note["reviewer"], note["finding_id"]) == ("Codex", "Documentation Assessment")
    assert "takes megabytes" in note["title"]
    assert note["kind"] == "note"
    assert finding["sources"][0]["kind"] == "finding"


def test_the_html_report_shows_a_note_credit_as_a_note(tmp_path: Path) -> None:
    res = _consolidate(tmp_path, "html")
    assert res.returncode == 0, res.stderr
    assert "Documentation Assessment (note):" in res.stdout
    assert "Documentation Assessment (suggestion)" not in res.stdout


PRAISER = NOTER.replace(
    "1. `pkg/quota/parse.go:21` still says `parseQuota` takes megabytes; it takes bytes now.",
    "1. `pkg/quota/parse.go:21` — accurate, matches what `parseQuota` does.",
)


def test_a_note_calling_the_lines_accurate_credits_nobody(tmp_path: Path) -> None:
    """A reviewer who read the comment and called it accurate did not see the problem another
    reviewer found there: crediting it would show it agreeing with a finding it contradicts."""
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(FINDER)
    b.write_text(PRAISER)
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    [finding] = json.loads(res.stdout)["findings"]
    assert finding["reviewers"] == ["Claude"]
    assert [s["kind"] for s in finding["sources"]] == ["finding"]


@pytest.mark.parametrize(
    "approval",
    [
        "the comment above `parseQuota` is fine to keep.",
        "the comment on `parseQuota` is fine.",
        "the `parseQuota` comment is OK as is.",
        "the `parseQuota` comment is good as is; no change needed.",
    ],
)
def test_a_note_keeping_what_the_finding_faults_credits_nobody(
    tmp_path: Path, approval: str
) -> None:
    """A reviewer that argued the lines are fine as they are disagrees with the finding there:
    no credit, as for a note calling them accurate (trial56b item 6)."""
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(FINDER)
    b.write_text(PRAISER.replace("— accurate, matches what `parseQuota` does.", f"— {approval}"))
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    [finding] = json.loads(res.stdout)["findings"]
    assert finding["reviewers"] == ["Claude"], finding["sources"]


def test_a_note_finding_fault_beside_a_fine_part_still_credits(tmp_path: Path) -> None:
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(FINDER)
    b.write_text(
        PRAISER.replace(
            "— accurate, matches what `parseQuota` does.",
            "— the wording of `parseQuota`'s comment is fine but it still says megabytes.",
        )
    )
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    [finding] = json.loads(res.stdout)["findings"]
    assert finding["reviewers"] == ["Claude", "Codex"], finding["sources"]
