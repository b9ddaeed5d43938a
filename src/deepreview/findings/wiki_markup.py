"""Marks Jira's wiki markup and AsciiDoc share, read as Markdown: a bold word in single stars
(`*Critical*`, which Markdown would read as emphasis), an ordered list item led by its own
mark (`# item` in Jira, `. item` in AsciiDoc), a nested list by stars (`** item`)."""

from __future__ import annotations

import re
from typing import Final

# (`*x*` not touching another star or a word: `**x**` and `a*b*c` stay as they are)
_STAR_BOLD: Final = re.compile(r"(?<![\w*])\*(?=\S)(?P<t>[^*\n]{1,200}?)(?<=\S)\*(?![\w*])")
_STAR_ITEM: Final = re.compile(r"^[ \t]*(?P<m>\*+)[ \t]+(?=\S)")


def star_bold(line: str) -> str:
    """`line` with each bold span in single stars in Markdown's double stars."""
    return _STAR_BOLD.sub(r"**\g<t>**", line)


def star_item(line: str) -> str:
    """A list item marked by stars (`** nested`) as a Markdown bullet indented by its depth;
    any other line with its bold spans in Markdown's stars."""
    m = _STAR_ITEM.match(line)
    if m is None:
        return star_bold(line)
    return "  " * (len(m["m"]) - 1) + "- " + star_bold(line[m.end() :])


def numbered_item(line: str, mark: str) -> str | None:
    """An ordered list item led by `mark` repeated by depth (`# a`, `## b`; `. a`) as a
    Markdown numbered item; None when `line` is no such item."""
    m = re.match(rf"^[ \t]*(?P<m>{re.escape(mark)}+)[ \t]+(?=\S)", line)
    if m is None:
        return None
    return "   " * (len(m["m"]) - 1) + "1. " + star_bold(line[m.end() :])
