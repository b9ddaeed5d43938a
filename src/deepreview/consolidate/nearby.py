"""One failure told at two places a few lines apart: what a careful lead joins by its claim.

Reviewers point at different lines of one problem: the assignment that can be empty and the
command that then wipes `/` five lines below, the writer and the reader of one unlocked map
eight lines apart, the loop that never exits and the `go` statement that starts it. Neither
the lines nor the words meet, so the pair scores low. What they share is the failure they
name (`claims.py`): a leak both times, a race both times. A careful lead reads that claim as
the evidence and the nearness of the lines as its support: never the place alone (two
problems often sit a few lines apart), never the claim alone (two leaks in one file can be two
handles), and never when the reviewers grade it two levels apart, classify it as different
natures (a security hole, a bug) or see different failures.
"""

from __future__ import annotations

from deepreview.consolidate.claim_pairs import claims_differ, shared_claims
from deepreview.consolidate.claims import SYMPTOMS, sides_of_one
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.spans import meet_on_a_line

# Lines between two findings' places that still read as one block of code (a function's
# head and its loop, a variable and its use): `score.NEAR_LINES`, the nearness `where` scores.
CLAIM_NEAR_LINES = 15
# What the shared claim at such a distance adds: with the `where` such a pair already scores
# (0.3 x 0.6 x (1 - gap/16)) it reaches a link (partition.LINK_THRESHOLD, 0.3) up to eleven
# lines apart; further apart it needs one more thing in common (a word, a name).
SAME_FAILURE_NEARBY = 0.25
# What two findings are about (`kinds.kind_of`) for their failure to be one a few lines apart: the
# code, or the tests (both then in one test file, `lines_apart`: one weakness of a suite told at
# two of its tests)
NEAR_KINDS = frozenset({"code", "tests"})


def line_gap(x: Features, y: Features) -> int | None:
    """The fewest lines between a place of one and a place of the other in one file (0 when
    they overlap); None when they share no file with lines."""
    best: int | None = None
    for a in x.locations:
        for b in y.locations:
            if a.path != b.path or None in (a.start, a.end, b.start, b.end):
                continue
            assert a.start is not None and a.end is not None
            assert b.start is not None and b.end is not None
            gap = max(0, max(a.start, b.start) - min(a.end, b.end))
            best = gap if best is None else min(best, gap)
    return best


def lines_apart(x: Features, y: Features) -> int | None:
    """The fewest lines between a place of one and a place of the other in one file, when
    they do not overlap; None when they overlap or share no file with lines."""
    gap = line_gap(x, y)
    return gap or None


def same_failure_nearby(x: Features, y: Features) -> frozenset[str]:
    """The failures both titles name when the two findings are about code, in one file a few
    lines apart (`CLAIM_NEAR_LINES`, not overlapping: there `stance.stance_bonus` weighs the claim),
    graded at most one level apart, not in two different functions (`in_other_functions`)
    unless the failure is one two functions make (`BETWEEN_FUNCTIONS`), and no title names a
    failure the other does not:
    "`rm -rf $TARGET/*` deletes from `/` when `DEPLOY_DIR` is unset" at line 9 and "no guard on
    an empty environment" at line 4. Else nothing. Both titles: a failure one text mentions on
    the way is no claim at this distance ("Script lacks strict mode", whose explanation adds
    that unset variables expand to empty strings, three lines above "no guard on an empty
    environment"). About tests too, both in one test file: "The tests ignore the exit status"
    at the first test, "the second test never looks at `$status`" five lines on."""
    if x.kind != y.kind or x.kind not in NEAR_KINDS:
        return frozenset()
    if claims_differ(x, y) or meet_on_a_line(x, y):
        return frozenset()
    if not graded_and_classified_alike(x, y):
        # classified apart: "Command injection through the folder argument" (security) at the
        # shell call, "Unescaped name in the insert statement" (regression) a line below
        return frozenset()
    gap = lines_apart(x, y)
    if gap is None or gap > CLAIM_NEAR_LINES:
        return frozenset()
    # a crash both name is how two causes end as often as one (`claims.SYMPTOMS`)
    shared = (x.claims & y.claims) - SYMPTOMS
    if not shared:
        shared = _sides_nearby(x, y)
    if in_other_functions(x, y) and not shared & BETWEEN_FUNCTIONS:
        return frozenset()
    return shared


def _sides_nearby(x: Features, y: Features) -> frozenset[str]:
    """The failures of two findings a few lines apart when one title names a failure and the
    other names its other side (`claims.sides_of_one`): the cause where it is made, the end
    where it shows. "The handler keeps going after the query fails" at the `if`, "`rows` is nil
    here and `rows.Next()` dereferences it" two lines on: one missing `return`. A crash alone
    is no cause (`claims.SYMPTOMS`): one title must name something beyond how it ends."""
    if sides_of_one(x.claims - SYMPTOMS, y.claims) or sides_of_one(y.claims - SYMPTOMS, x.claims):
        return (x.claims | y.claims) - SYMPTOMS
    return frozenset()


# Failures made by two pieces of code together, each told where its reviewer looked: a race (the
# unlocked writer `Inc`, the reader `Snapshot` eight lines below), a wait with no timeout (the
# unbuffered channel made in `NewPool`, the send that blocks in `run`), a leak (acquired in one
# function, never released in the other), a time limit of zero (stored by the constructor, a
# deadline already over where a method uses it), a message acknowledged before it is handled
# (automatic commits turned on in the constructor, the `poll` that commits in the loop: merge
# case 59). Nearness across two functions still reads as one.
BETWEEN_FUNCTIONS = frozenset({"race", "hang", "leak", "zero time limit", "acked early"})


def in_other_functions(x: Features, y: Features) -> bool:
    """The code at the review's commit puts the two in different functions (`code_sites`):
    each one's lines are in a known function, none in one of the other's, and neither's lines
    call a function the other is in. A null name at line 10 in `user_new` and `user_free(NULL)`
    at line 20 in `user_free` are a few lines apart, not one block of code: each function is
    fixed on its own. A definition and its call stay together (`definition_and_call` weighs
    them); without the code (no `defined_in`) nearness is all there is to go by."""
    if not (x.defined_in and y.defined_in) or x.defined_in & y.defined_in:
        return False
    return not (x.defined_in & y.calls or y.defined_in & x.calls)


def graded_and_classified_alike(x: Features, y: Features) -> bool:
    """At most one grade apart, and not classified as different natures."""
    if x.severity is not None and y.severity is not None and abs(x.severity - y.severity) > 1:
        return False
    return not (x.nature and y.nature and x.nature != y.nature)


# Title words (beyond shared code names) a definition and a call must share when they share no
# code name and no failure: one word is often the symptom every bug there has ("A trailing
# comma crashes the parser" at the call, "Negative page numbers crash" in the function).
DEFINITION_TITLE_WORDS = 2


def definition_and_call(x: Features, y: Features) -> frozenset[str]:
    """The functions one finding's lines are in and the other's lines call (`code_sites`),
    when the two are about code at places that do not meet, graded at most one level apart,
    not classified as different natures, no title names a failure the other does not, and they
    say something alike: a code name both give (the function's own, or `int` in "cut with
    `int`" and "`int(amount * 100)` drops the fraction"), two title words beyond those names
    (`DEFINITION_TITLE_WORDS`), or the same failure. "`to_cents` truncates instead of
    rounding" in `to_cents`, "the amount sent is one short, float multiplied and cut with
    `int`" at `cents = to_cents(total)` fifteen lines below: one problem, told where it is
    made and where it shows. A finding
    inside the function beside one at a call that says nothing alike ("the sleep is never
    awaited" in `with_retry`, "the default of 3 gives 4 calls" where it is called) is two."""
    if not (x.kind == y.kind == "code") or claims_differ(x, y) or meet_on_a_line(x, y):
        return frozenset()
    if not graded_and_classified_alike(x, y):
        return frozenset()
    # a call from inside the function itself (recursion, or both findings in its body) says
    # nothing of definition and use
    sites = ((x.defined_in & y.calls) | (y.defined_in & x.calls)) - (x.defined_in & y.defined_in)
    if not sites:
        return frozenset()
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(i)}
    said = (
        bool(x.identifiers & y.identifiers)
        or _site_named_by_both(x, y, frozenset(sites))
        or len((x.title_words & y.title_words) - names) >= DEFINITION_TITLE_WORDS
        or _same_failure_at_both(x, y)
    )
    return frozenset(sites) if said else frozenset()


def site_named_in_a_title(x: Features, y: Features) -> frozenset[str]:
    """The functions of `definition_and_call` that one finding names in its title's words and
    the other by its code name (`_site_named_by_both`): the function both name, said alike as a
    construct both name is (`score_caps.cap_where_only`)."""
    sites = definition_and_call(x, y)
    return frozenset(sites) if sites and _site_named_by_both(x, y, sites) else frozenset()


def _site_named_by_both(x: Features, y: Features, sites: frozenset[str]) -> bool:
    """A site's function named by both: inside it, in a title's words; at its call, by its code
    name. "Brightening wraps around instead of saturating" inside `brighten`, "`brighten(img,
    args.brighten)` feeds an unbounded integer into 8-bit pixels" at its call: the title's
    "Brightening" is the function the other finding calls by name, as a shared code name is.
    Not the other way round: at a call, a title word that happens to be the function's name
    ("charges the fee" where `fee()` is called) is as often the thing the code is about."""

    def inside(f: Features, site: str) -> bool:
        words = finding_words(site)
        return site in f.defined_in and bool(words) and words <= f.title_words

    def at_call(f: Features, site: str) -> bool:
        return site in f.calls and site in f.identifiers

    return any(
        (inside(x, site) and at_call(y, site)) or (inside(y, site) and at_call(x, site))
        for site in sites
    )


def _same_failure_at_both(x: Features, y: Features) -> bool:
    """Both name the same failure (`same_claim`); when all they share is how it ends (a crash,
    `claims.SYMPTOMS`), graded alike too: "`parse_port` panics on a non-numeric port" in it and
    "a bad argument crashes the server" at its call, both important, are one; "A trailing comma
    crashes the parser" (important) at the loop calling `parse_range` and "Negative page
    numbers crash" (minor) inside it are two inputs ending the same way."""
    shared = shared_claims(x, y)
    if shared - SYMPTOMS:
        return True
    if sides_of_one(x.claims - SYMPTOMS, y.text_claims) or sides_of_one(
        y.claims - SYMPTOMS, x.text_claims
    ):
        # its two sides: "Float-to-integer conversion loses precision" in `to_cents`, "the
        # amount sent is one short" at its call (`claims.sides_of_one`)
        return True
    return bool(shared) and x.severity is not None and x.severity == y.severity
