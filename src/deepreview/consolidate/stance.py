"""The reviewers' own grading as evidence that two findings are one problem, or two.

`score.evidence` adds `stance_bonus` to the score of a pair: what a careful lead reads from the two
findings' grades (severity) and natures (`kinds.nature_of`), beside the failures their titles
name and the places they point at.
"""

from __future__ import annotations

from deepreview.consolidate.claims import SYMPTOMS, sides_of_one
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.spans import meet_on_a_line, pinpoint_inside, places

# The reviewers' own grading as evidence, as a careful lead reads it. Against one issue: grades
# two levels apart (critical and suggestion), or a defect beside a nit (`kinds.nature_of`). For it:
# the same grade and nature at the same line(s), or a finding naming only the file beside one
# at a line of it, on the same topic. See `stance_bonus`.
CONTRADICTION_PENALTY = 0.15
AGREEMENT_BONUS = 0.1
# Critical and important: the grades a reviewer gives a defect it would hold a merge for.
BLOCKING_RANK = 1
# A finding naming only the file can place itself no closer than "same file" (0.3 of `where`
# against 1.0 for one line): agreeing on the topic there earns what the missing line costs.
FILE_TOPIC_BONUS = 0.15


def stance_bonus(x: Features, y: Features, title: float) -> float:
    """The bonus or penalty of the reviewers' grading. Both titles naming one failure
    (`claims`): positive at a file and a line of it, or with one code name at one line, and
    never a contradiction at one line. Else negative when their grades or natures contradict;
    positive when both point at the same line(s) with the same grade and nature, or one names
    only the file the other has a line in, with the same nature and a title word in common;
    else 0."""
    gap = abs(x.severity - y.severity) if x.severity is not None and y.severity is not None else 0
    natures = {x.nature, y.nature}
    same_place, file_and_line = places(x, y)
    # the same failure, or its two sides: "`Get` panics when the request fails" / "nil
    # pointer dereference on transport errors" (`claims.sides_of_one`)
    same_claim = bool(x.claims & y.claims) or sides_of_one(x.claims, y.claims)
    if same_claim and file_and_line:
        # both titles name the same failure, one at a line of the file the other names alone
        # (a title-only finding placed by its seat's coverage row): a shared topic there
        return FILE_TOPIC_BONUS
    if (
        same_claim
        and meet_on_a_line(x, y)
        and (
            title_names(x, y)
            or (gap == 0 and pinpoint_inside(x, y))
            or (gap <= 1 and same_place)
            or (gap <= 1 and pinpoint_inside(x, y) and bool((x.claims & y.claims) - SYMPTOMS))
        )
    ):
        # both titles name the same failure and the same code name at one line: "SQL injection
        # in find_users" / "`find_users` interpolates the search term into the query". Not the
        # failure alone: two seats' "leaks" across one function's long ranges are often two
        # (the seed's I1); graded alike, one pointing at a line inside the other's range, it is
        # one ("Command injection through `db_name`" at 8-9 / "shell string built from caller
        # input; injection" at 9; "Path traversal when saving uploads" at 2-5 / "a name with
        # dot-dot segments escapes the storage root" at 3). At one short place (a line or
        # two, one inside the other) a grade apart too: "Backoff delay is never awaited"
        # (critical) at 18, "no pause between attempts" (important) at 17-18. A grade apart
        # too when one points inside the other's range and both name the failure itself, not
        # how it ends (`claims.SYMPTOMS`): "Unique column added with a constant default"
        # (critical) at 18, "every row gets the same value: duplicate key" (important) at
        # 15-19; seats grade on scales of their own
        return AGREEMENT_BONUS
    contradict = gap >= 2 or bool(x.nature and y.nature and "nit" in natures and len(natures) == 2)
    if contradict and not (same_claim and meet_on_a_line(x, y)):
        # both titles naming the same failure at one line grade one problem apart: "Password
        # committed in source" (suggestion), "Hard-coded credential" (critical)
        return -CONTRADICTION_PENALTY
    if (x.nature is None) != (y.nature is None):
        # One reviewer classified it, the other gave no classification at all (terse bullets,
        # a table of level and place): nothing contradicts. The same blocking grade at the same
        # line(s) agrees as it would with the same nature; a suggestion's line takes many small
        # remarks ("`group-select` has no consumer" beside "indeterminate state deselects").
        blocking = x.severity is not None and x.severity <= BLOCKING_RANK
        return AGREEMENT_BONUS if same_place and gap == 0 and blocking else 0.0
    if x.nature is None or x.nature != y.nature:
        return 0.0
    if same_place and gap == 0:
        return AGREEMENT_BONUS
    return FILE_TOPIC_BONUS if file_and_line and title > 0 else 0.0


def title_names(x: Features, y: Features) -> bool:
    """Both titles name a code name the two findings share (`find_users`, bare or not)."""
    sx, sy = dict(x.spellings), dict(y.spellings)
    both = x.title_words & y.title_words
    return any(
        finding_words(sx[i]) <= both and finding_words(sy[i]) <= both
        for i in x.identifiers & y.identifiers
    )
