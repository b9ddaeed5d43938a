"""A code name one title is about, named by the other finding a few lines away.

"missing client_max_body_size" (a one-line bullet at `nginx.conf:9`) and "Uploads above one
megabyte never reach Flask" over the server block (9-13), whose explanation blames nginx's
default `client_max_body_size`; "missing opt.zero_grad() in the loop" at the loop's head and
"Gradients are never zeroed between batches" three lines on, explaining that nothing calls
`opt.zero_grad()`. Their titles share no word, and a terse bullet has no explanation to compare,
so the pair reads as two remarks near each other (`apart.claims_apart`). A careful lead reads the
bullet's title as its whole claim: the setting or call it names is missing or wrong, and the
other finding says the same of that very name. Only beside such a bullet: two explained
findings are compared by their explanations. The name is the claim, not only where both
looked, when it is a specific construct (a compound name: `user_id`, `rx_buf`, `opt.zero_grad`,
not `find` or `undefined`) and not the function either finding is in, which every remark there
names (`code_sites`). Never across two functions (`nearby.in_other_functions`), never two grades
apart or classified as different natures, never when the titles name different failures.
"""

from __future__ import annotations

import re

from deepreview.consolidate.claim_pairs import claims_differ
from deepreview.consolidate.features import Features
from deepreview.consolidate.nearby import (
    CLAIM_NEAR_LINES,
    graded_and_classified_alike,
    in_other_functions,
    line_gap,
)

# What such a name adds: with the `where` of lines a few apart and the name shared, the pair
# reaches a link (partition.LINK_THRESHOLD); on its own the name does not.
TITLED_NAME_BONUS = 0.1

# A compound code name: words joined by `_` or `.`, or camelCase. A single word (`find`,
# `undefined`, `body`) is as often English as code, and every remark on its function names it.
_COMPOUND = re.compile(r"[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+|[a-z0-9]+(?:[A-Z][a-z0-9]+)+")


def titled_name_nearby(x: Features, y: Features) -> frozenset[str]:
    """The compound code names one title gives and the other finding names too, when one of the
    two is a one-line bullet (no explanation beyond its title), both are about code in one file
    at most `CLAIM_NEAR_LINES` apart (or overlapping), not in two different functions, graded at
    most one level apart, not classified apart, and their titles name no different failures.
    Else nothing."""
    if not (x.kind == y.kind == "code") or claims_differ(x, y):
        return frozenset()
    if not (_told_in_its_title(x) or _told_in_its_title(y)):
        # two explained findings say what they claim in their explanations, which the score
        # compares; a function's name in both titles is where both looked (real reports, whose
        # titles name the Go function each remark is about)
        return frozenset()
    if not graded_and_classified_alike(x, y):
        return frozenset()
    gap = line_gap(x, y)
    if gap is None or gap > CLAIM_NEAR_LINES or in_other_functions(x, y):
        return frozenset()
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    titled = (x.title_names | y.title_names) & x.identifiers & y.identifiers
    return frozenset(
        n
        for n in titled - x.defined_in - y.defined_in
        if _COMPOUND.fullmatch(spelled.get(n, n)) is not None
    )


def _told_in_its_title(f: Features) -> bool:
    """A one-line finding: its explanation, if any, repeats words of its title and no more."""
    return f.prose_words <= f.title_words
