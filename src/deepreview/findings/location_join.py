"""Several locations on one line, split where they are joined: `a.go:1`, `b.go:2` /
`a.go:1` + `b.go:2` / `a.go:1` vs `b.go:2` / `a.go:1` and `b.go:2`.

The former `re.split(r"\\s*(?:[,;+]|\\s(?:vs\\.?|and|&)\\s)\\s*", text, flags=re.I)` tried every
blank of a run, each try scanning the rest of it (seconds on a heading's `a.py:1` followed by
20 KB of blanks, minutes at 200 KB). A try depends only on what follows the run, so each run is
read once, from where the search stands in it. Same pieces (tests/findings/test_regex_leftovers.py).
"""

from __future__ import annotations

import re
from typing import Final

_BLANKS: Final = re.compile(r"\s*")
_PUNCT: Final = ",;+"
_WORD: Final = re.compile(r"(?:vs\.?|and|&)\s", re.IGNORECASE)  # after at least one blank


def split_locations(text: str) -> list[str]:
    """The pieces of `text` between the joins, as `re.split` gives them (empty ones too)."""
    pieces: list[str] = []
    piece_start = at = 0
    while at < len(text):
        run_end = _blanks_end(text, at)
        if run_end < len(text) and text[run_end] in _PUNCT:
            end = run_end + 1
        elif run_end > at and (word := _WORD.match(text, run_end)):
            end = word.end() - 1  # the blank after the word is the trailing run's
        else:
            at = max(run_end, at + 1)
            continue
        pieces.append(text[piece_start:at])
        piece_start = at = _blanks_end(text, end)
    pieces.append(text[piece_start:])
    return pieces


def _blanks_end(text: str, at: int) -> int:
    """Where the run of blanks (`\\s`, as the former regex read them) from `at` ends."""
    m = _BLANKS.match(text, at)  # `\\s*` always matches
    return m.end() if m else at
