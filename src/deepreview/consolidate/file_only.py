"""A finding placed on a file with no line, and the same problem told at a line of that file.

From merge cases 86 and 88 (development cases; benchmarks/README.md, "Merging without a lead",
mg79): "Upload links live far too long" placed on `presign.js` alone, and "`expiresIn` is seven
days; a leaked upload link stays usable for a week" at its line 13; "`audit_row()` can be
hijacked" on the migration, and a one-line "definer function does not set search_path, schema
shadowing attack". A finding without a line gives no place to meet another by (`places_alike`
finds the file and no more), so a careful lead reads what it says. When both are about code on
that file, graded at most one level apart, and one title's words that the other finding says
too, in its title or its explanation (a one-line finding's whole text is its title), are as
many as make a terse title the other's explanation in short (`score_caps.SAID_ACROSS_WORDS`),
the file is the place of both. One or two such words are the file's subject (the upload, the
signed link), which every finding on it says.
"""

from __future__ import annotations

from deepreview.consolidate.claim_pairs import title_words_said_across
from deepreview.consolidate.features import Features
from deepreview.consolidate.score_caps import SAID_ACROSS_WORDS


def _lines(f: Features) -> bool:
    return any(s.start is not None for s in f.locations)


def _on_its_file(bare: Features, placed: Features) -> bool:
    """`bare` names files and no line; `placed` has a line in one of them."""
    if not bare.locations or _lines(bare):
        return False
    files = {s.path for s in bare.locations}
    return any(s.path in files and s.start is not None for s in placed.locations)


def told_at_its_file(x: Features, y: Features) -> bool:
    """Whether one finding is on a file with no line, the other at a line of that file, both
    about code, graded at most one level apart, saying the same thing across their titles."""
    if not (x.kind == y.kind == "code"):
        return False
    if x.severity is not None and y.severity is not None and abs(x.severity - y.severity) > 1:
        return False
    if not (_on_its_file(x, y) or _on_its_file(y, x)):
        return False
    return len(title_words_said_across(x, y)) >= SAID_ACROSS_WORDS
