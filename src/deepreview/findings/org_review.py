"""A review written in Emacs org-mode: `* Review` / `** TODO [#A] Title` headlines, code as
`=name=` or `~name~`, source blocks between `#+BEGIN_SRC` and `#+END_SRC`.

An org headline is a heading, its priority cookie the finding's level (org's default scale:
`[#A]` the highest, critical; `[#B]` important; `[#C]` the lowest, a suggestion), a `DONE`
headline a closed point (no level: praise or a point already settled), and the verbatim marks
code spans. Read only in a review that is org: a headline of two stars or more (`** Title`,
which Markdown never writes) beside a `TODO`/`DONE` keyword or a priority cookie; a Markdown
`* TODO: x` bullet stays one.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_HEADLINE: Final = re.compile(
    r"^(?P<stars>\*+)[ \t]+(?:(?P<kw>TODO|DONE|NEXT|WAIT|WAITING|FIXME|CANCELLED|CANCELED)"
    r"(?:[ \t]+|$))?(?:\[#(?P<p>[A-Z])\][ \t]*)?(?P<title>.*)$"
)
_DEEP: Final = re.compile(r"^\*{2,}[ \t]+\S")
_MARKED: Final = re.compile(r"^\*+[ \t]+(?:(?:TODO|DONE)\b|(?:[A-Z]+[ \t]+)?\[#[A-Z]\])")
_CLOSED: Final = frozenset(("DONE", "CANCELLED", "CANCELED"))
_LEVELS: Final = {"A": "[Critical]", "B": "[Important]", "C": "[Suggestion]"}
# (a code span of at most 200 characters: a line of `=` is tried once from each of them)
_VERBATIM: Final = re.compile(r"(?<![\w=~`])([=~])(?P<code>\S(?:[^\n]{0,200}?\S)??)\1(?![\w=~])")
_TAGS: Final = re.compile(r"[ \t]:[\w@#%:]+:$")
_BLOCK: Final = re.compile(r"^[ \t]*#\+(?:BEGIN|END)_(?:SRC|EXAMPLE)\b.*$", re.I)


def org_as_markdown(lines: list[str]) -> list[str]:
    """The review's lines with org markup as Markdown, one line for one; `lines` itself when
    the review is not org."""
    code = code_lines(lines)
    prose = [line for line, c in zip(lines, code, strict=True) if not c]
    if not (any(_DEEP.match(x) for x in prose) and any(_MARKED.match(x) for x in prose)):
        return lines
    out: list[str] = []
    in_block = False
    for line, fenced in zip(lines, code, strict=True):
        if fenced:
            out.append(line)
        elif _BLOCK.match(line):
            in_block = not in_block
            out.append("```")
        elif in_block:
            out.append(line)
        elif (m := _HEADLINE.match(line)) is not None and m["title"].strip():
            level = _LEVELS.get(m["p"] or "") if m["kw"] not in _CLOSED else None
            said = m["title"].rstrip(" \t")
            tags = _TAGS.search(said)  # `:security:` tags at the end
            title = _VERBATIM.sub(r"`\g<code>`", said[: tags.start()] if tags else said).rstrip()
            out.append(f"{'#' * min(len(m['stars']), 6)} {level + ' ' if level else ''}{title}")
        else:
            # (a headline's body is indented under it: four spaces would be a code block)
            out.append(_VERBATIM.sub(r"`\g<code>`", line.lstrip(" \t")))
    return out
