"""A seat's review made of one long run of `[`, or of many `[` no `]` follows, renders whole
and its report reads back. markdown-it scans a link label from each `[` (seconds per parse at
100 KB, about ten parses per report), so `markdown_neutral` reads those as another punctuation
character and the block-level readers skip the inline parse; `markdown_idlinks` finds each
link's `]` once. No timed assertion: before, rendering these reports took 9–30 s and reading
one back 17 s (a hung suite shows a regression; `benchmarks/bench_parse_runs.py --only
leftovers` prints the times)."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.findings.report_parse import parse_report
from deepreview.markdown_idlinks import _kept_spans
from deepreview.markdown_neutral import neutral
from deepreview.render.markdown import render_markdown

RUN = 100_000


def test_a_design_concern_of_a_bracket_run_is_rendered_as_written() -> None:
    run = "[" * RUN
    review = (
        "## Findings\n\n### Critical Issues\n\n- **C1** Bug — `calc.py:1`\n  Text.\n\n"
        f"## Design Observations\n\n### Concerns\n\n- {run}\n"
    )
    md = render_markdown(consolidate_reviews([ReviewText("claude", review)]))
    lines = md.splitlines()
    # In the Design Observations with its reviewer, and in Claude's review in the appendix.
    assert f"- {run} [Claude]" in lines
    assert f"- {run}" in lines
    assert sum(run in line for line in lines) == 2
    # Read back (`markdown_idlinks` looks for links from each `[`: 17 s before).
    assert [o.text for o in parse_report(md).design_observations] == [run]


@pytest.mark.parametrize("k", [3, 33, 50, RUN])
def test_text_after_a_bracket_run_is_neutralised_as_after_a_short_one(k: int) -> None:
    # A link to `javascript:` is defused, a mention broken, a code span kept, HTML escaped.
    tail = "[x](javascript:alert(1)) @a `@b` <i> *e*"
    want = "[x]\\(javascript:alert(1)) @\u2060a `@b` &lt;i> *e*"
    assert neutral("[" * k + tail) == "[" * k + want
    assert neutral("[" * k + tail, lead="- ") == "[" * k + want
    assert neutral("\\" + "[" * k + tail) == "\\" + "[" * k + want


@pytest.mark.parametrize("concern", ["x[" * (RUN // 2), "[ x" * (RUN // 3)])
def test_a_design_concern_of_unclosed_brackets_is_rendered_as_written(concern: str) -> None:
    # No `]` follows: no `[` can open a link, so markdown-it need not scan from any of them.
    review = (
        "## Findings\n\n### Critical Issues\n\n- **C1** Bug — `calc.py:1`\n  Text.\n\n"
        f"## Design Observations\n\n### Concerns\n\n- {concern}\n"
    )
    lines = render_markdown(consolidate_reviews([ReviewText("claude", review)])).splitlines()
    assert f"- {concern} [Claude]" in lines
    assert f"- {concern}" in lines


_OLD_KEPT = re.compile(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<link>!?\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<html><[^<>\n]*>)"
    r"|(?P<url>\b(?:https?|ftp)://[^\s<>]+)",
    re.S,
)


def test_the_pieces_prose_keeps_are_the_ones_the_former_regex_found() -> None:
    def old(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in _OLD_KEPT.finditer(text)]

    for n in range(1, 6):
        for chars in itertools.product("[]()!`<a\n", repeat=n):
            text = "".join(chars)
            assert list(_kept_spans(text)) == old(text), repr(text)
    words = ["[", "]", "(", ")", "!", "`", "``", "<b>", "http://x.y", "a", "\n", "[a](b)", " "]
    words += ["![i](u)", "[C1](#c1)", "](", "<"]
    rnd = random.Random(0)
    for _ in range(5000):
        text = "".join(rnd.choice(words) for _ in range(rnd.randint(1, 16)))
        assert list(_kept_spans(text)) == old(text), repr(text)
