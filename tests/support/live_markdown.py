"""What a GitHub-like Markdown renderer would make live in a text: raw HTML, `@mentions` and
cross-references (`#123`, `GH-123`, `owner/repo#123`).

Written for the tests, independently of `deepreview.markdown_neutral`: the text is parsed with
markdown-it (CommonMark with HTML on, plus GFM tables, as GitHub renders comments) and the tokens
are read. Raw HTML is an `html_block` or `html_inline` token; a mention is `@` followed by
the first character of a login in the text a reader sees (character references and backslash
escapes decoded, as GitHub's mention filter sees the rendered text), outside code; a reference
is `#` or `GH-` followed by a digit in that text (wherever it stands: stricter than GitHub).

Links and images are read with every destination accepted (markdown-it itself drops a
`javascript:` link, a viewer may not): an image is live wherever it points (a remote one loads
when the report is viewed), a link unless it goes to `http(s)://`, a `#fragment` or a `/path`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MENTION = re.compile(r"@[A-Za-z0-9]")  # a GitHub login starts with a letter or digit
_REFERENCE = re.compile(r"#[0-9]|[Gg][Hh]-[0-9]")
_TEXT = ("text", "text_special")
_MD = MarkdownIt("commonmark").enable("table")
_MD.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link
_SAFE_HREF = re.compile(r"(?i)https?://|[#/]")


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


def live_hazards(
    text: str, *, allowed_html: Iterable[str] = (), allowed_refs: Iterable[str] = ()
) -> list[str]:
    """Each raw HTML token (its content) and each live mention or reference (its text run), in
    order. `allowed_html`: exact HTML our own structure writes (markers, `<sub>`, `<details>`);
    `allowed_refs`: our own text that holds a reference (`Round 2 (of PR #7)`), taken out of a
    run before it is searched."""
    allowed = {a.strip() for a in allowed_html}
    own_refs = tuple(allowed_refs)
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
        found += [f"image: {c.attrs.get('src')}" for c in children if c.type == "image"]
        found += [
            f"link: {c.attrs.get('href')}"
            for c in children
            if c.type == "link_open" and not _SAFE_HREF.match(str(c.attrs.get("href", "")))
        ]
        for run in _runs(children):
            if _MENTION.search(run):
                found.append(f"mention: {run}")
            for own in own_refs:
                run = run.replace(own, "")
            if _REFERENCE.search(run):
                found.append(f"reference: {run}")
    return found


__all__ = ["live_hazards"]
