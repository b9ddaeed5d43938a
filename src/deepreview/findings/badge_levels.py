"""A level given as a shields.io badge image: `![severity](https://img.shields.io/badge/severity-
major-orange)`. The badge's URL carries the field and its value (`badge/<label>-<message>-<color>`):
when the label is a level's (severity, priority, level) and the message a level word, the image
is that level's tag, `[Major]`. On a heading that is otherwise only a place (`### `a.ts:61-64`
![severity](…)`), the tag opens the heading, where a level tag before a place is read.

A badge of anything else (`badge/coverage-low-red`, `badge/build-passing-green`) is left as it
is: its words are not a finding's level. Lines stay in place, one for one.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import unquote

from deepreview.findings.levels import first_level_word

_BADGE: Final = re.compile(
    r"!\[[^\]\n]{0,80}\]\(\s*https?://img\.shields\.io/badge/"
    r"(?P<label>[^-/)\s]{1,40})-(?P<msg>[^-/)\s]{1,40})-[^)\s]{0,80}\)"
)
_LEVEL_LABELS: Final = frozenset({"severity", "sev", "priority", "level", "prio"})
_HEADING: Final = re.compile(r"^(?P<marks> {0,3}#{1,6}[ \t]+)(?P<rest>.*)$")


def _tag(m: re.Match[str]) -> str | None:
    label = unquote(m["label"]).replace("_", " ").strip().lower()
    msg = unquote(m["msg"]).replace("_", " ").strip()
    if label not in _LEVEL_LABELS or first_level_word(msg) is None:
        return None
    return f"[{msg}]"


def badge_levels(lines: list[str], mask: list[bool]) -> list[str]:
    """`lines` with each level badge as its level's tag; `lines` itself when there is none."""
    out = list(lines)
    for i, line in enumerate(lines):
        if mask[i] or "img.shields.io" not in line:
            continue
        heading = _HEADING.match(line) is not None
        tags: list[str] = []

        def swap(m: re.Match[str], tags: list[str] = tags, heading: bool = heading) -> str:
            tag = _tag(m)
            if tag is None:
                return m[0]
            tags.append(tag)
            return "" if heading else tag

        text = _BADGE.sub(swap, line)
        if heading and len(tags) == 1:
            h = _HEADING.match(text)
            assert h is not None
            text = f"{h['marks']}{tags[0]} {h['rest'].rstrip()}"
        elif heading and tags:
            text = line  # (two level badges on one heading: which is the finding's is unclear)
        out[i] = text
    return out if out != lines else lines
