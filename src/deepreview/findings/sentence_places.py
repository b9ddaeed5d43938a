"""A level-led item whose place is a part of its sentence, not a label before or after it.

    - critical: the `add` path in Counter (stats/counter.go:16) needs the lock; …
    - minor: the comment on line 3 of stats/counter.go still says the counter is global.

Terse and local models write their findings so. The level already makes the item a finding;
without this its place stayed in the title and the finding had none (no merging by place, a
coverage miss for the file). Only one place is taken: a sentence naming two (`the writer
(io/out.py:4) and the reader (io/in.py:9) disagree`) is left as written, since which of them
is the finding's place is the reader's call. A place in parentheses leaves the title (the
sentence reads on without it); one told in words stays, being words of the sentence.

A place that parts a title from its explanation (`Title (`a.py:2`): why`, `Title — a.py:2: why`)
is `paren_place_then_text`'s, for items of any kind.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import FindingHead, locations_in, parse_tail
from deepreview.findings.locations import lines_of_paths
from deepreview.model import Location

_PAREN: Final = re.compile(r"[ \t]*\((?P<p>[^()\n]+)\)")
_READS_ON: Final = re.compile(r"[ \t]+[\w`]")


def sentence_place(head: FindingHead, prefixes: tuple[str, ...]) -> None:
    """Give a placeless head the one place its sentence names (see the module doc)."""
    if head.locations or not head.title:
        return
    # (a parenthesis the sentence reads on from; one before punctuation, `Title (`a.py:3`),
    # which …` or `… (`a.py:3`).`, parts a title from its text: `paren_place_then_text`)
    parens = [
        (m, places)
        for m in _PAREN.finditer(head.title)
        if _READS_ON.match(head.title, m.end()) and (places := _only_places(m.group("p"), prefixes))
    ]
    words = lines_of_paths(head.title, prefixes)
    if len(parens) + len(words) != 1:
        return
    if parens:
        m, places = parens[0]
        head.locations.extend(places)
        head.title = (head.title[: m.start()] + head.title[m.end() :]).strip()
    else:
        head.locations.append(words[0])


def _only_places(inner: str, prefixes: tuple[str, ...]) -> list[Location]:
    """The places a parenthesis holds when it holds nothing else, each with its line."""
    probe = FindingHead(id=None, title="", style="table")
    parse_tail(probe, inner, prefixes)  # its leftover: the words that are no place
    places = probe.locations
    if not places or probe.leftover or any(p.start is None for p in places):
        return []
    return places


# `Header row dropped (`a.py:2`): the generator starts at row 1.`, `… (`a.py:2`). The generator …`
_PAREN_PLACE_TEXT = re.compile(
    r"^(?P<t>[^()\n]*[^()\s])[ \t]+\((?P<p>[^()\n]+)\)[ \t]*(?:[:—–.,]|--?)[ \t]+(?P<r>\S.*)$"
)
# `Header row dropped — `a.py:2`. The generator starts at row 1.`
# (or a bare place with its line: `Pool workers leak — pool.go:29: a cancelled job …`)
_DASH_PLACE_TEXT = re.compile(
    r"^(?P<t>[^`\n]*[^`\s])[ \t]+(?:[—–]|--?)[ \t]+"
    r"(?P<p>`[^`\n]+`|[^\s`]+:L?\d+(?:[-–]L?\d+)?)[ \t]*"
    r"(?:[.:;](?:[ \t]+(?P<r>\S.*))?)?$"
)


def paren_place_then_text(head: FindingHead, prefixes: tuple[str, ...]) -> None:
    """`- Title (`a.py:2`): explanation`: the place in parentheses parts the title from the
    finding's first sentence (only a place does: `Title (see notes): …` keeps its words)."""
    m = None if head.locations else _PAREN_PLACE_TEXT.match(head.title)
    m = m or (None if head.locations else _DASH_PLACE_TEXT.match(head.title))
    places = locations_in(m.group("p"), prefixes) if m else []
    if m and places:
        head.locations.extend(places)
        head.title = m.group("t").rstrip()
        head.leftover = f"{m.group('r') or ''} {head.leftover}".strip()
