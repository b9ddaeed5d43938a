"""What `review --post --inline` puts on GitHub from untrusted finding text, through the real
command against the fake GitHub: rendered as GitHub would, it pings nobody and has no raw HTML
of the seat's."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.live_markdown import live_hazards

pytestmark = pytest.mark.slow  # each test runs a real review

# Our own HTML in what we post: the markers, the fold of the summary, the credit line.
OURS = (
    "<!-- deep-review:summary -->",
    "<details><summary>Suggestions and details</summary>",
    "</details>",
    "<sub>",
    "</sub>",
)

# A backslash-escaped backtick is a literal backtick in Markdown, not a code span.
BYPASS = r"""## Executive Summary

Bypass test.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Ping \`@octocat\` and \`<img src=x>\` here** — `calc.py:10` (important, regression)

Escaped backticks are not code: \`@security-team please look <b>now</b>\`
and also <details><summary>x</summary>.

Fix: ask \``@admin`` or `` ` `` @ops-team <i>now</i>.

### Suggestions

S1. **Name it** — `calc.py:2` (suggestion, enhancement)

Spans need runs of equal length: ``@octocat` <img src=y>`` stays code, `@a`` @bob <b>x</b>.
"""


def _finding_markers(bodies: list[str]) -> list[str]:
    return [b.split("\n", 1)[0] for b in bodies if b.startswith("<!-- deep-review:finding ")]


def test_escaped_backticks_do_not_let_mentions_or_html_through(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, BYPASS)
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        inline = [c["body"] for c in pull.review_comments]
        summary = pull.issue_comments[0]["body"]
        assert len(inline) == 1 and "Ping" in inline[0]
        allowed = (*OURS, *_finding_markers(inline))
        for body in (summary, *inline):
            assert live_hazards(body, allowed_html=allowed) == [], body
        # Real code spans still show their text as written.
        assert "``@octocat` <img src=y>``" in summary


def test_a_details_fold_inside_a_line_of_a_body_is_text_not_a_heading(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, BYPASS)
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        (comment,) = gh.pull(REPO, NUMBER).review_comments
        lines = comment["body"].split("\n")
        assert not [line for line in lines if line.startswith("#")], comment["body"]
        assert "and also &lt;details>&lt;summary>x&lt;/summary>." in lines
