"""A review written in reStructuredText: titles underlined (and maybe overlined) with a run of
one punctuation character (`Findings` + `--------`, `Unchecked name` + `~~~~~~~~~~~~~~`), each
finding's fields as a field list (`:Severity: critical`, `:File: ``a.py```, `:Line: 71`), code
in double backticks.

A title is a heading, its depth the order in which its underline style first appears (as
reStructuredText ranks them); a field is a bold field label (`**Severity:** critical`); a code
span keeps one backtick. Read only in a review that is reStructuredText: a title underlined at
least as long as itself, and either a field list line outside code or two titles or more, one
underlined with a character no Markdown heading uses (`~~~~`, `^^^^`), beside code in double
backticks; a Markdown review's `Title` + `---` setext heading and `~~~` fence stay as they are.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_RULE: Final = re.compile(r"^(?P<c>[=\-~^\"'`#*+:.])(?P=c){2,}[ \t]*$")
_FIELD: Final = re.compile(r"^:(?P<name>[A-Za-z][\w .-]{0,30}?):(?:[ \t]+(?P<v>\S.*))?$")
_DOUBLE: Final = re.compile(r"``(?P<code>[^`\n]+?)``")


def _titles(lines: list[str], code: list[bool]) -> dict[int, tuple[str, bool]]:
    """Each title line's index -> (its underline character, whether it is overlined)."""
    found: dict[int, tuple[str, bool]] = {}
    for i in range(len(lines) - 1):
        title, under = lines[i].strip(), _RULE.match(lines[i + 1])
        if code[i] or under is None or not title or _RULE.match(lines[i]):
            continue
        if len(lines[i + 1].rstrip()) < len(title) or lines[i][:1].isspace():
            continue
        over = i > 0 and lines[i - 1].rstrip() == lines[i + 1].rstrip()
        found[i] = (under["c"], over)
    return found


# underline characters Markdown never gives a setext heading (`~~~` opens a Markdown fence)
_NOT_SETEXT: Final = frozenset("~^\"'`#*+:.")


def _rst_titles(lines: list[str], code: list[bool], titles: dict[int, tuple[str, bool]]) -> bool:
    """The review is reStructuredText by its titles alone: two titles or more, one underlined
    with a character no Markdown heading uses, and code in double backticks outside code."""
    return (
        len(titles) >= 2
        and any(c in _NOT_SETEXT for c, _ in titles.values())
        and any(not code[i] and _DOUBLE.search(x) for i, x in enumerate(lines))
    )


def rst_as_markdown(lines: list[str]) -> list[str]:
    """The review's lines with reStructuredText markup as Markdown, one line for one; `lines`
    itself when the review is not reStructuredText."""
    code = code_lines(lines, tildes=False)
    titles = _titles(lines, code)
    fields = [i for i, x in enumerate(lines) if not code[i] and _FIELD.match(x)]
    if not titles or not (fields or _rst_titles(lines, code, titles)):
        return lines
    styles: list[tuple[str, bool]] = []
    out = list(lines)
    for i, style in titles.items():
        if style not in styles:
            styles.append(style)
        depth = min(styles.index(style) + 1, 6)
        out[i] = f"{'#' * depth} {lines[i].strip()}"
        out[i + 1] = ""
        if style[1]:
            out[i - 1] = ""
    for i in fields:
        m = _FIELD.match(lines[i])
        assert m is not None  # (matched above)
        out[i] = f"**{m['name']}:** {m['v'] or ''}".rstrip()
    return [x if code[i] else _DOUBLE.sub(r"`\g<code>`", x) for i, x in enumerate(out)]
