"""A seat's review of `[a](` repeated, or of `[` with no `]` after it, renders whole in Markdown
and HTML. markdown-it reads a link destination from each such `(` until its parentheses nest 33
deep, and looks for a label's `]` from each `[` through every inline rule nested twenty deep:
linear, but seconds a parse at 100 KB, about ten parses a report. `markdown_linkscan` answers
those two scans without reading; these tests check its answers are markdown-it's own (every
short text of the characters that matter, random texts, the nesting threshold) and that the
reports still show the text as written. No timed assertion: `benchmarks/bench_parse_runs.py
--only leftovers` prints the times."""

from __future__ import annotations

import itertools
import random

import pytest
from markdown_it import MarkdownIt

from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.markdown_linkscan import fast_links
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown

SIZE = 100_000
HEAD = "## Findings\n\n### Critical Issues\n\n- **C1** Bug — `calc.py:1`\n  Text.\n\n"


def _concern(text: str) -> str:
    return f"{HEAD}## Design Observations\n\n### Concerns\n\n- {text}\n"


def _parsers() -> list[tuple[MarkdownIt, MarkdownIt]]:
    plain = [
        lambda: MarkdownIt("commonmark"),
        lambda: MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]),
    ]
    return [(make(), fast_links(make())) for make in plain]


def _same_tokens(text: str, pairs: list[tuple[MarkdownIt, MarkdownIt]]) -> None:
    for plain, fast in pairs:
        env_plain: dict[str, object] = {}
        env_fast: dict[str, object] = {}
        want = [t.as_dict() for t in plain.parse(text, env_plain)]
        got = [t.as_dict() for t in fast.parse(text, env_fast)]
        assert got == want, repr(text)
        assert env_fast == env_plain, repr(text)


def test_the_tokens_are_markdown_its_own_on_every_short_text() -> None:
    pairs = _parsers()
    for n in range(1, 5):
        for chars in itertools.product("[]()a\\ <!", repeat=n):
            _same_tokens("".join(chars), pairs)


def test_the_tokens_are_markdown_its_own_on_random_texts() -> None:
    pairs = _parsers()
    words = ["[", "]", "(", ")", "[a](", "](", "\\", "\\(", "\\ ", " ", "\n", "a", "<", ">"]
    words += ["![", "`", "*", "\t", "\x7f", "\x01", "[x]: ", '"t"', "http://a.b/", "#f"]
    rnd = random.Random(0)
    for _ in range(1000):
        _same_tokens("".join(rnd.choice(words) for _ in range(rnd.randint(1, 60))), pairs)


@pytest.mark.parametrize("depth", range(30, 36))
@pytest.mark.parametrize("between", ["", "b", "\\(", "\\)", "\\\\", "\\ ", "\t", "é"])
@pytest.mark.parametrize("after", ["", ")", " )", "\n)", ")" * 40, "<x>", "\\"])
def test_the_tokens_are_markdown_its_own_around_the_nesting_limit(
    depth: int, between: str, after: str
) -> None:
    # A destination of `depth` `(` (33 is one too many), then what may close or end it.
    pairs = _parsers()
    _same_tokens("[a](" + ("(" + between) * depth + after, pairs)
    _same_tokens("[a](x" + between + "(" * depth + after, pairs)  # ends before the `(`?
    _same_tokens("[a](" * depth + after, pairs)
    _same_tokens("[a](<" + "(" * depth + ">)" + after, pairs)
    _same_tokens(f"[r]: {'(' * depth}{after}\n\n[r]", pairs)


def test_a_design_concern_of_link_openings_is_rendered_as_written() -> None:
    # 40 KB: markdown-it reads any punctuation at microseconds a character.
    concern = "[a](" * (SIZE // 10)
    report = consolidate_reviews([ReviewText("claude", _concern(concern))])
    lines = render_markdown(report).splitlines()
    # Each `](` defused (no link may form from seat text): `[a]\(`, in the Design Observations
    # with its reviewer and in Claude's review in the appendix.
    shown = "[a]\\(" * (SIZE // 10)
    assert f"- {shown} [Claude]" in lines
    assert f"- {shown}" in lines
    page = render_html(report)
    assert f"<li>{concern} <span" in page  # the Design Observations
    assert f"<li>{concern}</li>" in page  # Claude's review


@pytest.mark.parametrize("concern", ["[" * SIZE, "x[" * (SIZE // 2)])
def test_a_design_concern_of_unclosed_brackets_is_rendered_as_written_in_html(
    concern: str,
) -> None:
    page = render_html(consolidate_reviews([ReviewText("claude", _concern(concern))]))
    assert f"<li>{concern} <span" in page
    assert f"<li>{concern}</li>" in page


def test_a_text_without_backtick_or_tilde_holds_no_code_for_neutral_to_keep() -> None:
    # `markdown_neutral._code` skips its parse for such a text: what it keeps (fences, code
    # spans) needs one of the two characters.
    from deepreview.markdown_neutral import _SPANS, _reader

    words = ["[", "]", "(", ")", "    x", "\n", "\n\n", "- ", "> ", "| a |\n|---|\n", "<b>", "*"]
    words += ["&#96;", "\\", "a", "#", "1. ", "===", "```", "~~~", "`"]
    rnd = random.Random(1)
    with_code = 0
    for _ in range(1000):
        text = "".join(rnd.choice(words) for _ in range(rnd.randint(1, 30)))
        env: dict[str, dict[str, object]] = {}
        tokens = _reader().parse(text, env)
        has_code = any(t.type == "fence" for t in tokens) or bool(env.get(_SPANS))
        with_code += has_code
        if "`" not in text and "~" not in text:
            assert not has_code, repr(text)
    assert with_code > 100  # the check sees code where there is some
