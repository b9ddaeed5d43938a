"""Appendix entries of every report era: `### [Name] — Pass N`, `### [Name Model]`,
`### [Name] Model`, and plain `### Name Model` headings naming a reviewer of the header."""

from __future__ import annotations

from deepreview.findings.report_parse import parse_report

REPORT = """# Deep Review: 20260102-030405-pr-7

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Codex GPT 8, Gemini 4.0 Pro, Gemini 4.1 Flash |
| **Verdict** | **Merge with fixes** — one leak |

---

## Important Issues

I1. **The socket leaks** — `net/dial.go:12` [Claude Opus 9, Gemini 4.1 Flash]

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Executive Summary

One leak.

### Unresolved Feedback

Nothing open.

### Codex GPT 8

No findings.

### [Gemini] 4.0 Pro

No findings either.

### [Gemini 4.1 Flash] — Pass 2

#### Important

I1. **Leak** — `net/dial.go:12`
"""


def test_every_heading_style_starts_an_entry_and_keeps_the_model() -> None:
    report = parse_report(REPORT)
    assert [(e.name, e.pass_no) for e in report.appendix] == [
        ("Claude Opus 9", 1),
        ("Codex GPT 8", 1),
        ("Gemini 4.0 Pro", 1),
        ("Gemini 4.1 Flash", 2),
    ]
    # a review's own `### Unresolved Feedback` stays inside that review
    assert "Nothing open." in report.appendix[0].text


PLAIN = """# Deep Review: 20260103-000000-pr-8

| | |
|---|---|
| **Reviewers** | Claude Opus 9 |

---

## Appendix: Original Reviews

### Claude Opus 9

text

### Verifications performed

more
"""


def test_plain_headings_count_only_for_the_header_reviewers() -> None:
    (entry,) = parse_report(PLAIN).appendix
    assert entry.name == "Claude Opus 9"
    assert "text" in entry.text and "### Verifications performed\n\nmore" in entry.text


EARLY = """# Deep Review: 20260101-000000-pr-3

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Codex GPT 8 |

---

## Consolidated Review

### Executive Summary

A summary.

---

### Important Issues

1. **Tenant left out of the key** — `svc/cache.go:40-44` [Claude Opus 9, Codex GPT 8] (important)

Keys collide across tenants.

---

### Suggestions

1. **Name the constant** — `svc/cache.go:12` [Codex GPT 8]

A magic number.

---

## Design Observations

None.
"""


def test_sections_one_level_down_under_consolidated_review() -> None:
    report = parse_report(EARLY)
    assert report.executive_summary == "A summary."
    assert [(f.severity.value, str(f.locations[0]), f.reviewers) for f in report.findings] == [
        ("important", "svc/cache.go:40-44", ("Claude Opus 9", "Codex GPT 8")),
        ("suggestion", "svc/cache.go:12", ("Codex GPT 8",)),
    ]


PASSES = """# Deep Review: 20260104-000000-pr-9

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Codex GPT 8, Gemini 4.0 Pro |

---

## Appendix: Original Reviews

### Claude Opus 9 (pass 1)

first

### Claude Opus 9 — pass 2

second

### Review by Codex GPT 8, Pass 2

third

### Gemini 4.0 Pro's review

fourth

### [Gemini 4.0 Pro] (pass 2)

fifth
"""


def test_pass_numbers_and_review_words_in_other_spellings() -> None:
    """`(pass 2)`, `— pass 2`, `, Pass 2`, `'s review`, `Review by`: the same reviewer and pass
    whichever way the appendix spells them."""
    assert [(e.name, e.pass_no, e.text) for e in parse_report(PASSES).appendix] == [
        ("Claude Opus 9", 1, "first"),
        ("Claude Opus 9", 2, "second"),
        ("Codex GPT 8", 2, "third"),
        ("Gemini 4.0 Pro", 1, "fourth"),
        ("Gemini 4.0 Pro", 2, "fifth"),
    ]
