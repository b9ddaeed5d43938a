"""Whole reports of the early eras: sections one level deeper, findings under `Findings`."""

from __future__ import annotations

from deepreview.findings.report_parse import parse_report

DEEPER = """## Deep Code Review: PR #7 — queue drain

| | |
|---|---|
| **Reviewers** | Claude Opus 4.6, Gemini 3.1 Pro |

### Executive Summary

Drains the queue on shutdown.

### Findings

#### Critical Issues

None.

#### Important Issues

1. **Drain ignores the deadline** — `queue/drain.go:30-41` (important, regression) [Gemini 3.1 Pro]

Fix: check the context in the loop.

#### Suggestions

2. **Name the batch** — `queue/drain.go:12` (suggestion, gap) `[Claude Opus 4.6, Gemini 3.1 Pro]`

### Testing Assessment

No shutdown test.
"""

CONSOLIDATED = """# Deep Review: 20260101-000000-pr-8

## Executive Summary

Short.

## Consolidated Review

### Important Issues

I1. **Retry storm** — `net/retry.go:5` (important, gap) [Codex GPT 5.4]

Fix: add jitter.

## Design Observations

None.
"""


def test_report_one_heading_level_deeper() -> None:
    r = parse_report(DEEPER)
    assert r.executive_summary == "Drains the queue on shutdown."
    assert [(f.id, str(f.locations[0]), f.reviewers) for f in r.findings] == [
        ("I1", "queue/drain.go:30-41", ("Gemini 3.1 Pro",)),
        ("S1", "queue/drain.go:12", ("Claude Opus 4.6", "Gemini 3.1 Pro")),
    ]
    assert r.testing.intro == "No shutdown test."


DEEP_WITH_RETRO = """# Deep Review: 20260101-000000-pr-9

## Consolidated Review

### Executive Summary

Short.

### Important Issues

I1. **Retry storm** — `net/retry.go:5` (important, gap) [Codex GPT 5.4]

Fix: add jitter.

### Testing Assessment

None.

## Agent Performance Retro

### [Claude] Opus 4.6

Thorough.

### [Codex] Codex GPT 5.4

Quick.
"""


def test_deep_report_with_a_retro_one_level_up() -> None:
    r = parse_report(DEEP_WITH_RETRO)
    assert r.executive_summary == "Short."
    assert [(f.id, f.reviewers) for f in r.findings] == [("I1", ("Codex GPT 5.4",))]
    assert [s.name for s in r.retro.seats] == ["Claude Opus 4.6", "Codex GPT 5.4"]
    assert r.extra_sections == ()


def test_consolidated_review_section_with_severity_subsections() -> None:
    r = parse_report(CONSOLIDATED)
    assert [(f.id, f.reviewers) for f in r.findings] == [("I1", ("Codex GPT 5.4",))]
