"""A place closing a finding's title: `2. Variable name is unclear (src/api.py line 12).`,
`Off-by-one at app/pager.py:4`. Kept apart from `head.parse_tail`, which it reads the
parenthesis with, so that the tail reader stays one module."""

from __future__ import annotations

import re

from deepreview.findings.head import FindingHead, parse_tail
from deepreview.findings.locations import parse_location


def closing_place(head: FindingHead, prefixes: tuple[str, ...]) -> None:
    """`2. Variable name is unclear (src/api.py line 12).`: the place in closing parentheses;
    `Off-by-one at app/pager.py:4`: a place with a line, after a closing `at`, `in` or colon."""
    if head.locations:
        return
    m = _CLOSING_PAREN.match(head.title)
    probe = FindingHead(id=None, title="", style="table")
    if m:
        parse_tail(probe, m.group("p"), prefixes)
    if m and probe.locations:
        head.title = m.group("t").rstrip()
        head.locations.extend(probe.locations)
        # `(line 14 of a.py, the loop sleeps 0)`: the words beside the place are the
        # finding's first words of text, not to be dropped (a lone `see`, `and` is no text)
        said = probe.leftover.strip(" \t,;:—–-")
        if _FILLER.fullmatch(said) is None:
            head.leftover = f"{said} {head.leftover}".strip()
        return
    m = _CLOSING_AT.match(head.title)
    place = parse_location(m.group("p"), prefixes) if m else None
    if m and place is not None and place.start is not None:
        head.title = m.group("t").rstrip()
        head.locations.append(place)


_CLOSING_PAREN = re.compile(r"^(?P<t>.*\S)[ \t]+\((?P<p>[^()\n]+)\)[ \t.]*$")
_FILLER = re.compile(r"(?:(?:see|also|in|at|on|of|and|or|near|around|cf)\b\.?[ \t,;]*)*", re.I)
# (`Off-by-one at app/pager.py:4`, `… in `a.py:4``, `… argument: `a.py:4``)
_CLOSING_AT = re.compile(
    r"^(?P<t>.*[^\s:])(?:[ \t]+(?:at|in)|:)[ \t]+"
    r"(?P<p>`[^`\n]+:\d[^`\n]*`|[^\s`]+:\d[^\s`]*)[ \t.]*$"
)
