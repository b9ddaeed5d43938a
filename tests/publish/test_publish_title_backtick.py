"""A finding title with a backtick it never closes (`` `compute() fails ``) is shown as
written, through `review` and `publish --inline --dry-run`: in the summary, the inline comment
and the Markdown report, it does not pair with the backtick of the location after it (which
turned the rest of the line into code and left our own `` `calc.py:10` `` broken)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from publish.scenario import REVIEW, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real review, then a publish

TITLE = "`compute() fails"
UNCLOSED = REVIEW.replace("**compute() fails, ask @octocat <img src=x onerror=y>**", f"**{TITLE}**")


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_an_unclosed_backtick_in_a_title_stays_in_the_title(tmp_path: Path) -> None:
    assert UNCLOSED != REVIEW
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, review=UNCLOSED)
        out = review(fakes, clone, env).json()
        md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
        res = run_cli(
            ["publish", out["review_id"], "--inline", "--dry-run", "--json"], cwd=clone, env=env
        )
        assert res.returncode == 0, res.stderr
        summary, inline = (r["body"] for r in json.loads(res.stdout)["requests"])
        comment = next(c["body"] for c in inline["comments"] if TITLE[1:] in c["body"])

    entry = next(line for line in summary["body"].splitlines() if line.startswith("- **I1**"))
    assert _html(entry).strip() == (
        "<ul>\n<li><strong>I1</strong> `compute() fails — <code>calc.py:10</code> · inline "
        "comment · found by Alpha</li>\n</ul>"
    )
    heading = next(line for line in comment.splitlines() if line.startswith("**I1"))
    assert _html(heading).strip() == "<p><strong>I1 · Important</strong> — `compute() fails</p>"
    # The report's own line: the title in bold, the location a code span.
    line = next(line for line in md.splitlines() if line.startswith("I1. "))
    html = _html(line)
    assert "<strong>`compute() fails</strong>" in html
    assert "<code>calc.py:10</code>" in html
