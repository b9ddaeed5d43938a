"""A line that keys a review's coloured levels, written with no `Legend:` before it.

    🔴 must fix · 🟠 should fix · 🟡 optional

Under a table or a list of circle-rated notes a model explains its colours on one line. With
`Legend:` in front, that line is prose; without it, it read as a finding led by its first
circle (`🔴 must fix`: critical, titled "should fix · 🟡 optional"). Here it gets the label it
stands for. Narrowly: two or more circles on a line of its own (no list item, outside code),
each glossed by at most four plain words (no code, no place, no sentence), parted by `·`, `|`,
`,`, `;`, `/` or a run of spaces. Two findings written on one line (`🔴 `a.py:3` — the lock is
dropped · 🟠 `b.py:9` — …`) gloss their circles with more than plain words and stay as they are.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import CIRCLES

_CIRCLE: Final = "(?:" + "|".join(map(re.escape, CIRCLES)) + ")"
_GLOSS: Final = r"[ \t]*[=:—–-]?[ \t]*[A-Za-z][A-Za-z'-]*(?:[ \t]+[A-Za-z][A-Za-z'-]*){0,3}[ \t]*"
_LEGEND: Final = re.compile(
    rf"^[ \t]*{_CIRCLE}{_GLOSS}(?:(?:[·|,;/]|[ \t]{{2,}})[ \t]*{_CIRCLE}{_GLOSS})+[.]?[ \t]*$"
)
_FENCE: Final = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,})")


def legends_labelled(lines: list[str]) -> list[str]:
    """`lines` with each unlabelled legend line led by `Legend:`; `lines` itself when none."""
    out: list[str] | None = None
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _LEGEND.match(line):
            out = out if out is not None else list(lines)
            out[i] = f"Legend: {line.strip()}"
    return lines if out is None else out
