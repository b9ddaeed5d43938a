"""`No blocking issues. A couple of nits:` and then the nits at their places.

A findings section that opens by saying there is nothing of *some level* ("No blocking
issues", "no major problems") and then lists items at places has said nothing about those
items: they are the lesser findings. Read as "nothing found", they were dropped without a
trace; the parser keeps them as findings text it could not read (as it would without the
opening sentence). "No further issues" is no such level: a later round writes it before the
earlier findings it lists as fixed.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.item_lists import ITEM
from deepreview.findings.locations import parse_location
from deepreview.markdown_fence import code_span_texts

_LEVEL_QUALIFIED: Final = re.compile(
    r"\b(?:blocking|major|critical|serious|significant|severe|high[\s-]severity)\b", re.IGNORECASE
)


def lesser_items_after(paras: list[str]) -> list[str]:
    """The paragraphs after `paras[0]` (a "none" statement) that list items at places with a
    line, when `paras[0]` says none only of some level; else []."""
    first = re.split(r"(?<=[.!?])\s+", paras[0].strip(), maxsplit=1)[0] if paras else ""
    if not _LEVEL_QUALIFIED.search(first):
        return []
    return [p for p in paras[1:] if _placed_items(p)]


def _placed_items(paragraph: str) -> bool:
    return any(
        ITEM.match(line)
        and any((loc := parse_location(s)) is not None and loc.start for s in code_span_texts(line))
        for line in paragraph.splitlines()
    )
