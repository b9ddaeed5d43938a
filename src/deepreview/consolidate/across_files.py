"""One failure told in two files of one change: where it is made and where it shows.

A reviewer reading the model says "every attribute is fillable" at `Invoice.php:9`; another,
reading the controller, says "the raw request body goes into `update()`" at line 19 of another
file. One reviewer says the column is too short in `models.py`; another that the value the
migration builds does not fit, in the migration. Neither the lines nor the words meet: the
place scores nothing, and no code relation (`nearby.definition_and_call`) joins a model's
field to a migration's string. What a careful lead joins them by is the failure both titles
name, when it is a failure made by two pieces of code together (`ACROSS_FILES`: a query issued
per row by a loop elsewhere, a field written by a request elsewhere, a value too long for a
column declared elsewhere) and when each of the two seats names that failure in this one title
only (`lone_claims`): a seat naming two N+1 queries in two views has told two, and which of them
the other seat's is, nothing here says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from deepreview.consolidate.claim_pairs import one_sided_failure
from deepreview.consolidate.failure_tables import TABLES
from deepreview.consolidate.features import Features
from deepreview.consolidate.nearby import graded_and_classified_alike

# Failures two pieces of code make together, each piece where one reviewer looked: the query and
# the loop that runs it per row, the permissive model and the controller filling it from the
# request, the column and the value written to it, a setter and the reader that never sees it,
# work and the owner it outlives, a resource taken in one file and never given back in another,
# a setting read in one file and never set in the other (each table's `across`).
ACROSS_FILES = frozenset().union(*(table.across for table in TABLES))


def lone_claims(seat_claims: Sequence[tuple[str, frozenset[str]]]) -> list[frozenset[str]]:
    """For each (seat, title claims) in order, the claims no other title of that seat names."""
    per_seat: Counter[tuple[str, str]] = Counter(
        (seat, claim) for seat, claims in seat_claims for claim in claims
    )
    return [
        frozenset(c for c in claims if per_seat[(seat, c)] == 1) for seat, claims in seat_claims
    ]


def _files(f: Features) -> frozenset[str]:
    return frozenset(s.path for s in f.locations)


def told_in_two_files(x: Features, y: Features) -> frozenset[str]:
    """The failures (`ACROSS_FILES`) both titles name, each the only title of its seat naming
    it (`Features.lone_claims`), when the two findings are about code in files that share
    none, graded at most one level apart, not classified as different natures, and neither
    title names a failure the other finding never mentions (`one_sided_failure`). Else
    nothing."""
    if not (x.kind == y.kind == "code"):
        return frozenset()
    fx, fy = _files(x), _files(y)
    if not fx or not fy or fx & fy:
        return frozenset()
    if not graded_and_classified_alike(x, y):
        return frozenset()
    if one_sided_failure(x, y):
        return frozenset()
    return x.lone_claims & y.lone_claims & ACROSS_FILES
