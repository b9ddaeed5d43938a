"""A review written in Jira's wiki markup (pasted into a ticket): `h2. Title` headings,
`{{code}}` spans, `{code:java}` … `{code}` and `{noformat}` blocks, `*bold*`, `* item` /
`# numbered item` lists, `[text|url]` links, `bq. quote`.

Read only in a review that is Jira's: two `hN. ` heading lines, or one beside a `{{code}}` span
or a `{code}` block, outside Markdown code; a Markdown review never starts a line with `h2. `.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines
from deepreview.findings.wiki_markup import numbered_item, star_item

_HEADING: Final = re.compile(r"^h(?P<n>[1-6])\.[ \t]+(?P<t>\S.*)$")
_BLOCK: Final = re.compile(r"^[ \t]*\{(?P<k>code|noformat)(?::(?P<lang>[\w+#-]+))?[^}]*\}[ \t]*$")
_SPAN: Final = re.compile(r"\{\{(?P<c>[^{}\n]{1,200}?)\}\}")
_LINK: Final = re.compile(r"\[(?P<t>[^|\[\]\n]{1,200})\|(?P<u>[^|\[\]\s]{1,500})\]")


def _is_jira(prose: list[str]) -> bool:
    heads = sum(1 for x in prose if _HEADING.match(x))
    marks = any(_SPAN.search(x) or _BLOCK.match(x) for x in prose)
    return heads >= 2 or (heads == 1 and marks)


def _inline(line: str) -> str:
    return _LINK.sub(r"[\g<t>](\g<u>)", _SPAN.sub(r"`\g<c>`", line))


def jira_as_markdown(lines: list[str]) -> list[str]:
    """The review's lines with Jira's markup as Markdown, one line for one; `lines` itself when
    the review is not Jira's."""
    code = code_lines(lines)
    if not _is_jira([x for x, c in zip(lines, code, strict=True) if not c]):
        return lines
    out: list[str] = []
    block: str | None = None
    for line, fenced in zip(lines, code, strict=True):
        m = _BLOCK.match(line) if not fenced else None
        if m is not None and (block is None or m["k"] == block):
            out.append("```" if block else f"```{m['lang'] or ''}")
            block = None if block else m["k"]
        elif fenced or block:
            out.append(line)
        elif (h := _HEADING.match(line)) is not None:
            out.append(f"{'#' * int(h['n'])} {_inline(h['t'])}")
        elif line.startswith("bq. "):
            out.append("> " + _inline(line[4:]))
        else:
            said = _inline(line)
            out.append(numbered_item(said, "#") or star_item(said))
    return out
