"""A review written in AsciiDoc: `= Title` and `== Section` headings, `:toc:` attributes,
`[source,go]` + `----` … `----` (or `....`) blocks, `*bold*`, `* item` / `. item` lists.

Read only in a review that is AsciiDoc: two lines led by `=` marks and a space outside
Markdown code (Markdown never starts a line with `== Title`; its `===` underline stands
alone), so every other review stays as it is.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines
from deepreview.findings.wiki_markup import numbered_item, star_item

_HEADING: Final = re.compile(r"^(?P<m>={1,6})[ \t]+(?P<t>\S.*?)(?:[ \t]+=+)?[ \t]*$")
_ATTRIBUTE: Final = re.compile(r"^:!?[\w-]+!?:(?:[ \t].*)?$")
_STYLE: Final = re.compile(r"^\[(?:source)?,?[ \t]*(?P<lang>[\w+#-]*)(?:,[^\]]*)?\][ \t]*$")
_DELIMITER: Final = re.compile(r"^(?P<d>-{4,}|\.{4,})[ \t]*$")


def asciidoc_as_markdown(lines: list[str]) -> list[str]:
    """The review's lines with AsciiDoc as Markdown, one line for one; `lines` itself when the
    review is not AsciiDoc."""
    code = code_lines(lines)
    prose = [x for x, c in zip(lines, code, strict=True) if not c]
    if sum(1 for x in prose if _HEADING.match(x)) < 2:
        return lines
    out: list[str] = []
    block: str | None = None
    lang = ""
    for line, fenced in zip(lines, code, strict=True):
        d = _DELIMITER.match(line) if not fenced else None
        if d is not None and (block is None or d["d"] == block):
            out.append("```" if block else f"```{lang}")
            block = None if block else d["d"]
            lang = ""
        elif fenced or block:
            out.append(line)
        elif (h := _HEADING.match(line)) is not None:
            out.append(f"{'#' * len(h['m'])} {star_item(h['t'])}")
        elif _ATTRIBUTE.match(line):
            out.append("")
        elif (s := _STYLE.match(line)) is not None:
            lang = s["lang"]  # the language of the block it styles
            out.append("")
        else:
            out.append(numbered_item(line, ".") or star_item(line))
    return out
