"""A review written as an HTML fragment (for an e-mail or a web page): `<h2>` headings, `<p>`
paragraphs, `<ul>` / `<ol>` lists of `<li>` items, `<strong>` / `<code>` / `<a href>` inline,
`<pre>` blocks, entities (`&mdash;`, `&lt;`).

Read only in a review that is HTML: three lines or more led by a block tag (`<h3>`, `<p>`,
`<ul>`, `<li>`, …) outside code, and no Markdown heading or list item beside them. A Markdown
review keeps its `<details>` folds, `<br>` breaks and the tags its findings talk about.
"""

from __future__ import annotations

import html
import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_BLOCK_LINE: Final = re.compile(r"^[ \t]*</?(?:h[1-6]|p|ul|ol|li|div|table|pre)\b[^>]*>", re.I)
_MARKDOWN: Final = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]|[-*+][ \t]+\S|\d+[.)][ \t]+\S)")
_HEADING: Final = re.compile(r"^[ \t]*<h(?P<n>[1-6])\b[^>]*>(?P<t>.*?)(?:</h(?P=n)>)?[ \t]*$", re.I)
_ITEM: Final = re.compile(r"^[ \t]*<li\b[^>]*>[ \t]*", re.I)
_LIST: Final = re.compile(r"<(?P<close>/)?(?P<k>ul|ol)\b[^>]*>", re.I)
_PRE: Final = re.compile(r"^[ \t]*<(?P<close>/)?pre\b[^>]*>", re.I)
_LINK: Final = re.compile(r"""<a\b[^>]*?\bhref=["'](?P<u>[^"']*)["'][^>]*>(?P<t>.*?)</a>""", re.I)
_INLINE: Final = (
    (re.compile(r"</?(?:strong|b)\b[^>]*>", re.I), "**"),
    (re.compile(r"</?(?:em|i)\b[^>]*>", re.I), "*"),
    (re.compile(r"</?code\b[^>]*>", re.I), "`"),
    (re.compile(r"<br\s*/?>", re.I), " "),
    (re.compile(r"</?(?:p|div|span|li|ul|ol|h[1-6])\b[^>]*>", re.I), ""),
)


def _is_html(prose: list[str]) -> bool:
    return sum(1 for x in prose if _BLOCK_LINE.match(x)) >= 3 and not any(
        _MARKDOWN.match(x) for x in prose
    )


def _inline(text: str) -> str:
    text = _LINK.sub(lambda m: f"[{m['t']}]({m['u']})", text)
    for tag, mark in _INLINE:
        text = tag.sub(mark, text)
    return html.unescape(text).strip()


def html_as_markdown(lines: list[str]) -> list[str]:
    """The review's lines with HTML as Markdown, one line for one; `lines` itself when the
    review is not HTML."""
    code = code_lines(lines)
    if not _is_html([x for x, c in zip(lines, code, strict=True) if not c]):
        return lines
    out: list[str] = []
    lists: list[str] = []  # the open lists, outermost first
    in_pre = False
    for line, fenced in zip(lines, code, strict=True):
        pre = _PRE.match(line) if not fenced else None
        if pre is not None:
            in_pre = not pre["close"]
            out.append("```")
        elif fenced or in_pre:
            out.append(html.unescape(line) if in_pre else line)
        elif (h := _HEADING.match(line)) is not None:
            out.append(f"{'#' * int(h['n'])} {_inline(h['t'])}")
        else:
            item = _ITEM.match(line)
            indent = "   " * max(len(lists) - 1, 0)
            for m in _LIST.finditer(line):
                if not m["close"]:
                    lists.append(m["k"].lower())
                elif lists:
                    lists.pop()
            text = _inline(line[item.end() :] if item else line)
            if item is not None:
                out.append(f"{indent}{'1.' if lists and lists[-1] == 'ol' else '-'} {text}")
            else:
                out.append(f"{indent}   {text}" if lists and text else text)
    return out
