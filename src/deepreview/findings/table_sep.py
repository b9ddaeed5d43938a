"""A Markdown table's separator row (`|---|:--:|`), read in time linear in the line."""

from __future__ import annotations

import re
from typing import Final

# Matched on the stripped line: the former `^\s*\|?\s*:?-{2,}…\s*\|?\s*$` had adjacent `\s*`
# around optional pipes, cubic in a long run of blanks, which a seat's review may hold.
_SEP: Final = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")


def is_table_sep(line: str) -> bool:
    """Whether `line` is a table's separator row."""
    return _SEP.fullmatch(line.strip()) is not None
