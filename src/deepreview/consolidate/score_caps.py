"""When what two findings say caps their score, whatever their places add: the same lines and
names are where both looked, not what both say (`score.evidence` applies the caps last)."""

from __future__ import annotations

from collections.abc import Mapping

from deepreview.consolidate.apart import claims_apart
from deepreview.consolidate.claim_pairs import (
    claims_differ,
    explained_apart,
    failure_told_by_one,
    failure_told_by_one_elsewhere,
    same_claim,
    title_words_said_across,
    unnamed_by_the_other,
)
from deepreview.consolidate.evidence import SAID_PROSE, SAID_TEXT, SAID_TITLE
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.place_only import place_only
from deepreview.consolidate.places_alike import NEAR_LINES
from deepreview.consolidate.spans import meet_on_a_line, one_line
from deepreview.consolidate.subjects import different_subjects
from deepreview.consolidate.word_weights import wdice

# Capped pairs stay below a link (partition.LINK_THRESHOLD, 0.3) and do not count as one of the two
# supports that tie a third seat's finding to a linked pair (partition.SUPPORT_THRESHOLD: above
# 0.25): at 0.29 two capped pairs pulled an "overflow" claim into two seats' zero-divisor finding.
WHERE_ONLY_CAP = 0.25
# Two findings naming different failures (`claims_differ`) are capped at what a cluster's pairs
# must average (partition.AVERAGE_THRESHOLD, 0.2): such a pair adds nothing to a cluster, so three
# seats' "nil map" does not take in a fourth seat's race at the same line (partition.AGREED_BY).
CLAIMS_DIFFER_CAP = 0.2
# Words of one title (beyond the code names both give) the other finding says in its title or
# its explanation, from which a terse title is the other's explanation in short: "Date
# comparison against a serialized timestamp is always false" beside an explanation ending "the
# comparison is always false". One or two such words are often the function's subject.
SAID_ACROSS_WORDS = 3


def _said_across(x: Features, y: Features) -> bool:
    return len(title_words_said_across(x, y)) >= SAID_ACROSS_WORDS


def _names_only(
    x: Features, y: Features, title: float, prose: float, *, quoted_line: bool = False
) -> bool:
    """The findings share code names and nothing else they say: no title word beyond those
    names, no wording of the explanation, no cited line or quoted code. `quoted_line`: one
    shared quoted line is allowed (the line both findings point at, quoted by each)."""
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(i)}
    quoted = len(x.excerpt & y.excerpt)
    return (
        not ((x.title_words & y.title_words) - names)
        and not same_claim(x, y)
        and not _said_across(x, y)
        and prose < SAID_PROSE
        and not (x.cited & y.cited)
        and quoted <= (1 if quoted_line else 0)
    )


def _one_name_at_one_line(x: Features, y: Features, title: float, prose: float) -> bool:
    """The reviewers graded them differently, and all the two findings share is one line, at
    most one code name (the function's) and the quote of that line: "`div` can overflow for
    large operands" (important) and "`div` has no guard for a zero divisor" (suggestion), both
    at `calc.py:5`, quoting `return a / b`. Each reviewer names the function it is in and
    quotes the line; that is where they look, not what they say. Graded alike ("`sub` returns
    b - a" / "operands swapped in sub()", both important), such a pair is still one problem."""
    graded_apart = x.severity is not None and y.severity is not None and x.severity != y.severity
    return (
        graded_apart
        and len(x.identifiers & y.identifiers) <= 1
        and meet_on_a_line(x, y)
        and one_line(x, y)
        and _names_only(x, y, title, prose, quoted_line=True)
    )


def cap_where_only(
    x: Features,
    y: Features,
    score: float,
    *,
    title: float,
    prose: float,
    told: float,
    cited: float,
    idf: Mapping[str, float],
    generic: bool,
    stance: float,
    named: frozenset[str],
    gap_said: frozenset[str],
    traced: frozenset[str],
    at_definition_and_call: bool,
    titled: frozenset[str] = frozenset(),
) -> float:
    """The score capped below a link when all the two share is where they are: one line, a
    function's name at it, a section-wide range, nearby lines naming different claims."""
    if stance < 0 and _names_only(x, y, title, prose) and one_line(x, y):
        # the function's name and its line were all they had in common
        score = min(score, WHERE_ONLY_CAP)
    if not generic and stance <= 0 and _one_name_at_one_line(x, y, title, prose):
        # grades one level apart do not contradict, but beside them the place and the name
        # are not enough to call it one problem
        score = min(score, WHERE_ONLY_CAP)
    worded_alike = _worded_alike(x, y, title, prose, idf)
    # a construct both name a line or two apart (`apart.named_beside`) is shared code, as a quote is
    # so is the behaviour two test gaps in one test file both name (`one_gap_in_a_test_file`)
    said_alike = (
        worded_alike
        or bool(cited)
        or bool(x.excerpt & y.excerpt)
        or bool(named)
        or bool(gap_said)
        or bool(traced)
        or bool(titled)
    )
    if generic and not worded_alike:
        # An analyzer's rule ("pseudo-random generators are not suitable for cryptographic
        # purposes") and a model's finding at its line ("`sample_rows` raises for an empty
        # input") that share no name, word or failure are two problems there: the line, and
        # the quote of it every analyzer finding carries, are where both looked.
        score = min(score, WHERE_ONLY_CAP)
    if not said_alike and not generic and stance <= 0 and one_line(x, y):
        # Where is not what: two models' findings on one line (a function's `def` line takes
        # many remarks) that share no name, quoted code or wording are two problems there
        # (`sub` reverses its operands; `sub` lacks type hints). An analyzer's message is
        # generic by design, and a shared multi-line range points at one block: not capped.
        score = min(score, WHERE_ONLY_CAP)
    if (
        not said_alike
        and not generic
        and stance <= 0
        and not x.kind == y.kind == "tests"
        and _a_section_wide(x, y)
    ):
        # ... nor is a range as long as a section: "Improve discoverability of the toolchain
        # section" over a page's whole 34-line section overlaps every remark on a sentence of
        # it. A missing test is another matter: a reviewer places it on the whole suite, where
        # the test would go, and another on the one example that misses it
        score = min(score, WHERE_ONLY_CAP)
    if (
        not generic
        and stance <= 0
        and claims_apart(x, y, told)
        and not (at_definition_and_call or titled)
    ):
        # "One malformed startup file blocks every later one" beside "Redundant login file
        # creation", a few lines apart, both naming `config.fish`: near each other, not the
        # same claim. A compound name one title is about is a claim (`titled_names`)
        score = min(score, WHERE_ONLY_CAP)
    return score


def _worded_alike(
    x: Features, y: Features, title: float, prose: float, idf: Mapping[str, float]
) -> bool:
    return (
        title >= SAID_TITLE
        or prose >= SAID_PROSE
        or bool(x.identifiers & y.identifiers)
        or same_claim(x, y)
        or wdice(x.title_words | x.prose_words, y.title_words | y.prose_words, idf) >= SAID_TEXT
        or _said_across(x, y)
    )


def cap_claims_differ(
    x: Features,
    y: Features,
    score: float,
    *,
    title: float,
    prose: float,
    generic: bool,
    stance: float,
    gap_said: frozenset[str],
    one_place: bool,
    idf: Mapping[str, float] | None = None,
) -> float:
    """The score capped at what a cluster's pairs must average when the two tell different
    problems: explained apart, different subjects, one withdrawn, different failures named.
    `one_place`: a definition and its call, one untested name, files traced alike."""
    # the same lines of other files cited by both (`traced`) are a line in common, loosely
    if not (generic or one_place) and (
        explained_apart(x, y, prose=prose, prose_alike=SAID_PROSE)
        or (stance <= 0 and not gap_said and place_only(x, y, title=title, prose=prose, idf=idf))
    ):
        # quoting and naming the same code is where both looked; two explanations at length
        # with nothing said alike are two problems there (`claim_pairs.explained_apart`), as
        # are two findings sharing nothing but their lines (`place_only`). Such a pair adds
        # nothing to a cluster: three seats' finding at a branch does not take in a fourth
        # seat's other problem there (partition.AGREED_BY)
        score = min(score, CLAIMS_DIFFER_CAP)
    if not (generic or one_place) and different_subjects(x, y):
        # "cannot drop `status`" / "leaves `status_changed_at` in place" at one migration: each
        # title names code the other never names, and no failure is said by both
        score = min(score, CLAIMS_DIFFER_CAP)
    if not generic and failure_told_by_one_elsewhere(x, y):
        # in two files, a function both name is where both looked, at its definition and at a
        # call (`subscribe` in a helper and at the page calling it): a failure one names and the
        # other never does is not one problem, however alike the two places are
        score = min(score, CLAIMS_DIFFER_CAP)
    if x.withdrawn or y.withdrawn:
        # its own reviewer calls it no issue (`withdrawn.py`): no sighting of the other's problem
        score = min(score, CLAIMS_DIFFER_CAP)
    if not generic and (
        claims_differ(x, y) or unnamed_by_the_other(x, y) or failure_told_by_one(x, y)
    ):
        # "`Clear` leaves a nil map" beside "`Set` races with `Clear`": the line and the names
        # are where both looked; the failures they name are two problems there. So is a typo
        # beside a finding that never calls anything a typo (`unnamed_by_the_other`), and a
        # zero divisor beside "`div` returns a float" at one line (`failure_told_by_one`)
        score = min(score, CLAIMS_DIFFER_CAP)
    if generic and claims_differ(x, y):
        # an analyzer's message names its failure as plainly as a title: go vet's "... should be
        # called, not discarded, to avoid a context leak" beside "Token check detached from the
        # request context" at that line are two problems, though both say context and timeout
        score = min(score, CLAIMS_DIFFER_CAP)
    return score


def _a_section_wide(x: Features, y: Features) -> bool:
    """Every place of one of the two spans more lines than a block (`NEAR_LINES`)."""

    def wide(f: Features) -> bool:
        return bool(f.locations) and all(
            s.start is not None and s.end is not None and s.end - s.start + 1 > NEAR_LINES
            for s in f.locations
        )

    return wide(x) or wide(y)
