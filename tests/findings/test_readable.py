"""`unparseable_reason`: a seat's text with no review structure in it is no review."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import UNFINISHED, UNPARSEABLE, unparseable_reason


@pytest.mark.parametrize(
    "text",
    [
        "I could not access the repository. Error: rate limit exceeded.",
        "Error: 429 Too Many Requests\nRetry-After: 30\n",
        "x" * 4000,
        "qZ7 ;k(w] 9Lp-  ,,a Vt{3 }r!! mN0 _x " * 80,  # noise with spaces and punctuation
        "## Review\n\nThe tool crashed before it could look at anything.\n",
        '```\nTraceback (most recent call last):\n  File "x", line 1\n```\n',
        # sections, but nothing said about findings: the seat never got to them
        "## Executive Summary\n\nA small refactor.\n",
        "I did not find any files to review: the worktree is empty.",
        "Error: could not find any credentials for the API.",
    ],
)
def test_no_structure_is_unparseable(text: str) -> None:
    assert unparseable_reason(parse_review(text)) == UNPARSEABLE


@pytest.mark.parametrize(
    "text",
    [
        # the output stopped at the findings heading (trial46b #3)
        "## Findings\n",
        # by its own account it reviewed no file (trial46b #17)
        "## Executive Summary\n\nTool calls were denied; I could not read any file.\n\n"
        "## Coverage Summary\n\n| File | Status |\n|---|---|\n| `calc.py` | Not reviewed |\n",
        "## Executive Summary\n\nI ran out of context partway through.\n\n"
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n",
    ],
)
def test_a_review_that_never_got_to_its_findings_is_unfinished(text: str) -> None:
    assert unparseable_reason(parse_review(text)) == UNFINISHED


@pytest.mark.parametrize(
    "text",
    [
        "No issues found.",
        "LGTM — nothing to report.",
        "Looks good to me.",
        "## Review\n\nI read every changed file. No further issues.\n",
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n",
        "```markdown\n## Critical\nNone.\n\n## Minor\nNone.\n```\n",
        "## Executive Summary\n\nA small refactor; nothing to flag.\n",
        "## Findings\n\n### Critical Issues\n\n### Important Issues\n\n### Suggestions\n",
        "I1. **Unchecked error** — `a.go:3` (important, regression)\n\nFix: check it.\n",
        "**Verdict:** Merge as-is\n",
        "## Coverage Summary\n\n- `a.py` — Reviewed, no issues\n",
        # a clean review in other words than "no issues found"
        "I did not find any discrete, actionable bugs in this change.",
        "I read the diff and the callers. I don't see any bugs or missing tests worth flagging.",
        "Checked the retry path by hand; I found no correctness problems.",
        "The change does what it says.\n\nNo changes requested.\n",
        # problems told in prose: a review whose findings could not be read, not a failed seat
        "The loop at `lib.py:20` never ends for a negative input, a critical bug.",
    ],
)
def test_a_genuine_review_is_not(text: str) -> None:
    assert unparseable_reason(parse_review(text)) is None
