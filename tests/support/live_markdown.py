"""What a GitHub-like Markdown renderer would make live in a text: raw HTML and `@mentions`.

Written for the tests, independently of `deepreview.markdown_neutral`: the text is parsed with
markdown-it (CommonMark with HTML on, plus GFM tables, as GitHub renders comments) and the tokens
are read. Raw HTML is an `html_block` or `html_inline` token; a mention is `@` followed by
the first character of a login in the text a reader sees (character references and backslash
escapes decoded, as GitHub's mention filter sees the rendered text), outside code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MENTION = re.compile(r"@[A-Za-z0-9]")  # a GitHub login starts with a letter or digit
_TEXT = ("text", "text_special")
_MD = MarkdownIt("commonmark").enable("table")


def _runs(children: Iterable[Token]) -> Iterator[str]:
    """The text a reader sees, one run per stretch of adjacent text tokens."""
    run: list[str] = []
    for child in children:
        if child.type in _TEXT:
            run.append(child.content)
            continue
        if run:
            yield "".join(run)
            run = []
    if run:
        yield "".join(run)


def live_hazards(text: str, *, allowed_html: Iterable[str] = ()) -> list[str]:
    """Each raw HTML token (its content) and each live mention (its text run), in order.
    `allowed_html`: exact HTML our own structure writes (markers, `<sub>`, `<details>`)."""
    allowed = {a.strip() for a in allowed_html}
    found: list[str] = []
    for tok in _MD.parse(text):
        if tok.type == "html_block" and tok.content.strip() not in allowed:
            found.append(f"html: {tok.content.strip()}")
        if tok.type != "inline":
            continue
        children = tok.children or []
        found += [
            f"html: {c.content}"
            for c in children
            if c.type == "html_inline" and c.content.strip() not in allowed
        ]
        found += [f"mention: {run}" for run in _runs(children) if _MENTION.search(run)]
    return found


__all__ = ["live_hazards"]
