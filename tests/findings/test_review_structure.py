"""Section structure comes from markdown-it tokens over the review's prose (code decided by
`markdown_fence`): quoted headings, list text and `---` rules under a paragraph are not sections."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.findings.blocks import heading_lines
from deepreview.findings.code_lines import fence_mask

REVIEW = """### Executive Summary

The author's note said:

> ## Findings
> none expected

Fine otherwise.
---

### Findings

#### Important Issues

I1. **Missing flush** — `log/w.go:8` (important, gap)

Fix: flush on close.

```md
## Suggestions
S1. **Not a finding** — `x.go:1` (suggestion, gap)
```

**Suggestions**
None.
"""


def test_headings_come_from_the_block_structure() -> None:
    lines = REVIEW.split("\n")
    found = {lines[n]: h.title for n, h in heading_lines(lines, fence_mask(lines)).items()}
    assert found == {
        "### Executive Summary": "Executive Summary",
        "### Findings": "Findings",
        "#### Important Issues": "Important Issues",
        "**Suggestions**": "Suggestions",
    }


def test_quoted_and_fenced_headings_do_not_split_sections() -> None:
    r = parse_review(REVIEW)
    assert [f.id for f in r.findings] == ["I1"]
    assert "> ## Findings" in r.executive_summary
    assert "Fine otherwise." in r.executive_summary


def test_other_words_for_the_three_levels() -> None:
    r = parse_review(
        "### Blockers\n\n1. **Crash** — `a.go:1`\n\n### Major Issues\n\n1. **Leak** — `a.go:2`\n\n"
        "### Nits\n\n1. **Typo** — `a.go:3`\n"
    )
    assert [(f.id, f.title) for f in r.findings] == [
        ("C1", "Crash"),
        ("I1", "Leak"),
        ("S1", "Typo"),
    ]


def test_a_fence_left_open_does_not_hide_the_sections_after_it() -> None:
    r = parse_review(
        "### Executive Summary\n\nText.\n\n```go\nx := 1\n\n### Findings\n\n"
        "#### Suggestions\n\n1. **Name it** — `a.go:1`\n\nFix: rename.\n"
    )
    assert [(f.id, f.title) for f in r.findings] == [("S1", "Name it")]
    assert "### Findings" not in r.executive_summary


def test_an_unclosed_html_comment_does_not_hide_the_sections_after_it() -> None:
    r = parse_review(
        "### Executive Summary\n\n<!-- draft\n\n### Findings\n\n"
        "#### Suggestions\n\n1. **Name it** — `a.go:1`\n\nFix: rename.\n"
    )
    assert [(f.id, f.title) for f in r.findings] == [("S1", "Name it")]
