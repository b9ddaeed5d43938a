"""Two findings naming the same values of the code: one problem told at its two ends.

"`THUMB_PORT=8000` overrides the server's default, but the probe says 8080" at the manifest,
and "the server binds the port the Deployment sets to 8000 while the probe is 8080" at the
server's code: the words barely meet and the places are in two files, but both name 8000 and
8080, the values the change's code holds. A careful lead reads the mismatch both found. So is a
status code both name at a handler and at its test, or a limit named at its definition and where
it is exceeded.

A value is a number of three digits or more (ports, status codes, limits, sizes; a `5_000` is
5000) written in the finding's own text: not a place (`app.py:12`, "line 40"), not part of a
name or a version, not an argument of a call the finding proposes (`sleep(1500)`: its fix, not
the code). When the changed files' text is at hand (`cluster_findings(sources=...)`) only values
the code holds count: "answers 502" is a consequence two findings may both name, not a place.
Without the code (`deep-review consolidate`) what both name is all there is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from deepreview.consolidate.features import Features, strip_fences

# Not after a word, a dot, a path or a call's opening (`v1.200`, `/api/404`, `sleep(1500`,
# `f(a, 1500`); not before more of a name, a place's line (`:12`) or a range (`-40`).
_VALUE = re.compile(r"(?<![\w.:/(,$#-])(\d[\d_]{2,})(?![\w.]\d|\w|:\d|[-–]\d)")
# places and line numbers written in words: their numbers are lines, not values
_PLACE = re.compile(r"\S+:\d+(?:[-–]\d+)?|\blines?\s+\d+(?:\s*[-–]\s*\d+)?", re.IGNORECASE)
# a literal in code: a number not inside a name (`v2`, `x86_64`, `0x1f`)
_LITERAL = re.compile(r"(?<![\w.])(\d[\d_]*)(?![\w])")
# Values as common as these name no particular line of the code.
_TRIVIAL = frozenset({"100", "1000"})


def _plain(number: str) -> str:
    return number.replace("_", "")


def values_named(text: str) -> frozenset[str]:
    """The values (`_VALUE`) `text` names outside its fenced code and its places."""
    prose = _PLACE.sub(" ", strip_fences(text))
    return frozenset(v for v in map(_plain, _VALUE.findall(prose)) if v not in _TRIVIAL)


def code_values(texts: Iterable[str]) -> frozenset[str]:
    """The numeric literals of the changed files' text."""
    return frozenset(_plain(n) for text in texts for n in _LITERAL.findall(text))


def same_values(x: Features, y: Features) -> frozenset[str]:
    """The values both findings name, when they are two models' findings of one kind (two
    about the code, or two about its tests) graded at most one level apart. Else nothing."""
    shared = x.values & y.values
    if not shared or x.kind != y.kind:
        return frozenset()
    if x.severity is not None and y.severity is not None and abs(x.severity - y.severity) > 1:
        return frozenset()
    return shared
