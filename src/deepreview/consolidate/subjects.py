"""Two findings whose titles name different code, each never named by the other: two subjects.

From merge case 31 (a development case from round mg72c on; benchmarks/README.md, "Development
cases 31-35"): at one down migration, "The down migration cannot drop `status`" and "rollback
leaves `status_changed_at` in place" share the lines and a word of a name, not the column. The
place is where both looked; the code each title names is what each is about. When neither
finding's text ever names the other's subject, under any spelling that holds it (a receiver,
`accounts.status`, names `status`), and they name no failure in common, nothing but the place
ties them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deepreview.consolidate.claim_pairs import claims_meet
from deepreview.consolidate.features import Features

# the parts of a qualified or called name: `accounts.status` -> accounts, status
_PART = re.compile(r"[^\W]+")


@lru_cache(maxsize=1 << 14)  # each finding's names are split once, not once per pair
def _parts(names: frozenset[str]) -> frozenset[str]:
    return frozenset(p for n in names for p in (n, *_PART.findall(n)))


def _named(f: Features) -> frozenset[str]:
    """Every name the finding gives, whole and by its parts, lower-cased."""
    return _named_in(f.identifiers, f.prose_names)


@lru_cache(maxsize=1 << 14)
def _named_in(identifiers: frozenset[str], prose_names: frozenset[str]) -> frozenset[str]:
    return _parts(identifiers | frozenset(n.lower() for n in prose_names))


def _names_alike(titled: frozenset[str], named: frozenset[str]) -> bool:
    return bool(_parts(titled) & named)


def different_subjects(x: Features, y: Features) -> bool:
    """Both about code, both titles naming code, neither finding naming (whole or as a part of
    a qualified name) any code the other's title names, and no failure said by both
    (`claims_meet`)."""
    if not (x.kind == y.kind == "code") or not (x.title_names and y.title_names):
        return False
    if _names_alike(x.title_names, _named(y)) or _names_alike(y.title_names, _named(x)):
        return False
    return not claims_meet(x, y)
