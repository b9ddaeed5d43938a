"""The appendix of a report in each era's shape -> the quoted reviews, with reviewer names."""

from __future__ import annotations

from deepreview.findings.report_parse import (
    parse_appendix_entries,
    parse_appendix_reviews,
    parse_report,
)

HEADER = """# Deep Review: 20260101-000000-pr-1

| | |
|---|---|
| **Reviewers** | Claude Opus 4.6, Codex GPT 5.4, Qwen 3 |

## Executive Summary

Fine.

---

"""

REVIEW = """### Executive Summary

Short.

### Findings

#### Important Issues

I1. **Lock held across I/O** — `srv/io.go:9` (important, regression)

Fix: release it first.
"""


def names(text: str) -> list[tuple[str, int, bool, int]]:
    return [
        (q.name, q.pass_no, q.pointer_only, len(q.review.findings))
        for q in parse_appendix_entries(text)
    ]


def test_seed_era_headings_with_pass() -> None:
    text = HEADER + "## Appendix: Original Reviews\n\n### [Claude] — Pass 1\n\n" + REVIEW
    text += "\n### [Qwen] — Pass 2 (retry; first attempt empty)\n\n" + REVIEW
    assert names(text) == [("Claude", 1, False, 1), ("Qwen", 2, False, 1)]


def test_bare_names_and_same_level_inner_headings() -> None:
    # The quoted review's own `### Executive Summary` sits at the entry level.
    text = HEADER + "## Appendix: Original Reviews\n\n### Claude Opus 4.6\n\n" + REVIEW
    text += "\n### Codex GPT 5.4\n\n# Code Review\n\n" + REVIEW
    assert names(text) == [("Claude Opus 4.6", 1, False, 1), ("Codex GPT 5.4", 1, False, 1)]


def test_bracket_name_with_model_after_it() -> None:
    text = HEADER + "## Appendix: Original Reviews\n\n### [Claude] Opus 4.8\n\n" + REVIEW
    assert names(text) == [("Claude Opus 4.8", 1, False, 1)]


def test_lettered_and_numbered_appendix_headings() -> None:
    text = HEADER + "## Appendix A: Claude Opus 4.6 Review\n\n" + REVIEW
    text += "\n## Appendix B: Codex GPT 5.4 Review\n\n" + REVIEW
    assert names(text) == [("Claude Opus 4.6", 1, False, 1), ("Codex GPT 5.4", 1, False, 1)]
    numbered = HEADER + "## 4. Appendix: Original Reviews\n\n### [Claude Opus 4.6]\n\n" + REVIEW
    assert names(numbered) == [("Claude Opus 4.6", 1, False, 1)]


def test_pointer_only_entries_are_marked() -> None:
    text = HEADER + "## Appendix: Original Reviews\n\n### [Claude] — Pass 1\n\n"
    text += "See `/tmp/deep-review-x/review-claude-pass-1.md`: I1 (kept), S1 (dropped).\n"
    assert names(text) == [("Claude", 1, True, 0)]
    assert parse_appendix_reviews(text) == []


def test_resolution_after_the_appendix_belongs_to_the_report() -> None:
    text = HEADER + "## Appendix: Original Reviews\n\n### [Claude Opus 4.6]\n\n" + REVIEW
    text += "\n---\n\n## Resolution\n\n| | |\n|---|---|\n| **Addressed** | 2026-01-02 |\n"
    [entry] = parse_report(text).appendix
    assert "Resolution" not in entry.text
    assert entry.name == "Claude Opus 4.6"


def test_fence_left_open_by_one_review_does_not_swallow_the_next() -> None:
    text = HEADER + "## Appendix: Original Reviews\n\n### [Claude]\n\n```go\nfunc x() {\n\n"
    text += "### [Codex]\n\n" + REVIEW
    assert [n for n, *_ in names(text)] == ["Claude", "Codex"]


def test_numbered_and_review_by_entry_headings() -> None:
    text = HEADER + "## Appendix: Original Reviews\n\n### 1. Claude Opus 4.6\n\n" + REVIEW
    text += "\n### Review by Codex GPT 5.4\n\n" + REVIEW
    text += "\n### 3. Qwen 3 (retry)\n\n" + REVIEW
    assert [n for n, *_ in names(text)] == ["Claude Opus 4.6", "Codex GPT 5.4", "Qwen 3"]


def test_two_reviewers_of_one_family_get_two_seats() -> None:
    text = HEADER.replace("Qwen 3", "Gemini 4 Pro, Gemini 4 Flash")
    text += "## Appendix: Original Reviews\n\n### [Gemini 4 Pro]\n\n" + REVIEW
    text += "\n### [Gemini 4 Flash]\n\n" + REVIEW
    text += "\n### [Claude Opus 4.6]\n\n" + REVIEW
    text += "\n### [Gemini 4 Pro] — Pass 2\n\n" + REVIEW
    seats = [(q.name, q.review.seat) for q in parse_appendix_entries(text)]
    assert seats == [
        ("Gemini 4 Pro", "gemini-4-pro"),
        ("Gemini 4 Flash", "gemini-4-flash"),
        ("Claude Opus 4.6", "claude"),  # alone in its family: the registry name
        ("Gemini 4 Pro", "gemini-4-pro"),  # its second pass: the same seat
    ]
