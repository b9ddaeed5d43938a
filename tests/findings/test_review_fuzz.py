"""Property: `parse_review` never raises, never loses its input, and never hits its safety net."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from deepreview.findings import parse_review
from deepreview.findings.parse import BOM
from deepreview.findings.report_parse import parse_appendix_entries, parse_report
from deepreview.model import AgentReview
from deepreview.serialize import to_json
from deepreview.untrusted_text import without_escapes

FRAGMENTS = [
    "## Findings",
    "### Critical Issues",
    "**Important Issues**",
    "### Suggestions",
    "## Design Observations",
    "**Concerns**",
    "### Strengths",
    "## Testing Assessment",
    "## Coverage Summary",
    "## Executive Summary",
    "# Title",
    "I1. **Title** — `a.go:1-2` [Claude Opus 4.6] (important, gap)",
    "C1. **T** (critical, regression) — `pkg/b.go:9`",
    "**S1.** Title — `x.py`",
    "**I2. Title** — [x.go:3](/tmp/review-codex-AbCd12/x.go#L3-L9)",
    "**[CRITICAL] a.go:3 — boom**",
    "**CRITICAL** f.go:58 — Spins",
    "Classification: gap",
    "| ID | Severity | Location | Finding |",
    "|---|---|---|---|",
    "| 1 | Critical | `a.go:1` | T |",
    "I-1: **T** — `a.go:1` vs `b.go:2` + `c.go` line 4",
    "S1. **Odd** — ``back`tick.py:1``",
    "> ## Findings",
    "### [Claude] — Pass 1",
    "## Appendix: Original Reviews",
    "1. **Numbered** — `n.go:1`",
    "2. step two",
    "```",
    "```go",
    "~~~",
    "Fix:",
    "Fix (two parts):",
    "**Fix:** do it",
    "---",
    "None.",
    "- `p.go` — I1",
    "- p.go: Trivial",
    "| File | Status |",
    "|---|---|",
    "| `a.go` | I1 |",
    "- **Bold** (future) — text [Codex GPT 5.4]",
    "1. `(in-scope)` item",
    "**Verdict:** fine",
    "",
    "C1.",
    "**",
    "`",
    "[",
    "(",
    "| |",
]

markdownish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40
).flatmap(
    lambda parts: st.sampled_from(["\n", "\n\n", " ", "", "\r\n"]).map(lambda s: s.join(parts))
)


def _check(text: str, review: AgentReview) -> None:
    assert isinstance(review, AgentReview)
    # the text as read: a terminal escape sequence is no part of a review, nor is a byte order
    # mark opening it (invisible in an editor, it would make the first heading a line of text),
    # whether it comes first or after a colour code
    assert review.raw == without_escapes(text.removeprefix(BOM)).removeprefix(BOM)
    assert not any("parser failed" in w or "not understood (" in w for w in review.warnings)
    assert len({f.id for f in review.findings}) == len(review.findings)
    for f in review.findings:
        assert re.fullmatch(r"[CIS]\d+", f.id), f.id


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("\ufeff")  # found by Hypothesis in CI: a lone byte order mark
@example("\x1b[0m\ufeff## Findings")  # a mark behind a colour reset is still the text's first
def test_arbitrary_text(text: str) -> None:
    _check(text, parse_review(text))


@settings(max_examples=400, deadline=None)
@given(markdownish)
def test_markdownish_text(text: str) -> None:
    _check(text, parse_review(text, seat="x", worktree_prefixes=("/tmp/wt",)))


def test_odd_inputs() -> None:
    for text in ["", "\n", "\x00", "```", "#", "**", "I1.", "- ", "|", "\r\r\r"]:
        _check(text, parse_review(text))
    # Not a str at all: still no exception.
    assert parse_review(None).raw == ""  # type: ignore[arg-type]
    assert parse_review(b"I1. **x** (important)").findings[0].id == "I1"  # type: ignore[arg-type]


prose_word = st.text(alphabet="qwzxjkv", min_size=7, max_size=9)
with_prose = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.lists(prose_word, min_size=1, max_size=3).map(" ".join),
    ),
    max_size=30,
).flatmap(lambda parts: st.sampled_from(["\n", "\n\n", " "]).map(lambda s: (s.join(parts), parts)))


@settings(max_examples=400, deadline=None)
@given(with_prose)
def test_prose_is_never_silently_dropped(case: tuple[str, list[str]]) -> None:
    text, parts = case
    review = parse_review(text)
    if any("twice" in w or "appears" in w for w in review.warnings):
        return  # a repeated item counts once by design; `raw` still has both
    kept = to_json(replace(review, raw="", warnings=()))
    for part in parts:
        if part in FRAGMENTS:
            continue
        for w in part.split():
            assert w in kept, (w, text)


@given(markdownish)
def test_report_parser_never_raises(text: str) -> None:
    parse_report(text)
    for q in parse_appendix_entries(text):
        assert not any("review parser failed" in w for w in q.review.warnings)
