"""One named thing at both places: a finding at the line that declares a setting, a metric or a
table, another in another file at the line that uses it, each giving its name.

A careful lead reading "`session_ttl` is written in minutes but taken as seconds" at the
settings file and "`session_ttl` taken as seconds: sessions end after thirty seconds" at the code
that reads it opens both lines, finds the name on each, and sees one problem told from its two
ends. The places do not meet, so they weigh nothing (`places_alike`), and a name both give is
where both looked, not what they say. What is said alike beyond the name is what makes it one
problem: the titles share words other than the name's (`nearby.DEFINITION_TITLE_WORDS`), the
grades agree, and no title names a failure the other does not (`claims_differ`). Two findings at
the same two lines naming the setting for different things ("too long for an admin console" and
the seconds) share the name and nothing said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from deepreview.consolidate.apart import title_words_beyond_names
from deepreview.consolidate.claim_pairs import claims_differ
from deepreview.consolidate.features import Features
from deepreview.consolidate.nearby import DEFINITION_TITLE_WORDS

_NAME: Final = re.compile(r"[A-Za-z_]\w*")


def names_at(lines: Sequence[str], start: int, end: int) -> frozenset[str]:
    """The names (lower-cased) written on lines `start`-`end` (1-based) of a file."""
    return frozenset(
        m.group(0).lower() for text in lines[max(0, start - 1) : end] for m in _NAME.finditer(text)
    )


def named_at_both(x: Features, y: Features) -> frozenset[str]:
    """The code names both findings give that the code holds at the lines of each, when the two
    are about code in different files, graded alike, naming no different failures, their titles
    sharing words beyond those names; else nothing."""
    if not (x.kind == y.kind == "code") or x.severity is None or x.severity != y.severity:
        return frozenset()
    if not (x.code_names and y.code_names):
        return frozenset()
    if {s.path for s in x.locations} & {s.path for s in y.locations}:
        return frozenset()  # in one file their places already weigh how near they are
    if len(title_words_beyond_names(x, y)) < DEFINITION_TITLE_WORDS or claims_differ(x, y):
        return frozenset()
    return frozenset(
        name
        for name in x.identifiers & y.identifiers
        if name.rsplit(".", 1)[-1] in x.code_names & y.code_names
    )
