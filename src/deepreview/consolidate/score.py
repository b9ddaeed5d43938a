"""How alike two findings are: one score in [0, 1] and the evidence behind it.

See `deepreview.consolidate.cluster` for how the scores become clusters. The weights add up to 1;
the classification term can also subtract (contradicting classifications).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deepreview.consolidate.across_files import told_in_two_files
from deepreview.consolidate.analyzer_claims import RULE_CLAIM_BONUS, rule_names_the_failure
from deepreview.consolidate.apart import beside, named_beside
from deepreview.consolidate.cause_symptom import symptom_inside_cause
from deepreview.consolidate.cited_failure import failure_at_a_cited_line
from deepreview.consolidate.claim_pairs import (
    shared_claims,
)
from deepreview.consolidate.claims import SYMPTOMS
from deepreview.consolidate.code_and_test import gap_at_code_and_test
from deepreview.consolidate.cross_cited import (
    either_cites,
)
from deepreview.consolidate.evidence import Evidence
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.file_only import told_at_its_file
from deepreview.consolidate.gaps import (
    cites_the_test,
    one_gap_in_a_test_file,
    one_gap_placed_nowhere,
    untested_names,
)
from deepreview.consolidate.named_sites import named_at_both
from deepreview.consolidate.named_values import same_values
from deepreview.consolidate.nearby import (
    SAME_FAILURE_NEARBY,
    definition_and_call,
    same_failure_nearby,
    site_named_in_a_title,
)
from deepreview.consolidate.pinned_bug import missed_by_its_test, pinned_by_its_test
from deepreview.consolidate.places_alike import place_score
from deepreview.consolidate.prose_names import named_across
from deepreview.consolidate.quoted_sites import quoted_definition_and_call
from deepreview.consolidate.same_fix import SAME_FIX_BONUS, same_fix
from deepreview.consolidate.score_caps import cap_claims_differ, cap_where_only
from deepreview.consolidate.spans import meet_in_a_test, same_lines
from deepreview.consolidate.stance import AGREEMENT_BONUS, stance_bonus
from deepreview.consolidate.titled_names import TITLED_NAME_BONUS, titled_name_nearby
from deepreview.consolidate.traced import TRACED_BONUS, traced_alike
from deepreview.consolidate.word_weights import dice, wdice

# Classifications that say which code is at fault: two of them that differ contradict each other.
# Other labels (enhancement, correctness, security, ...) name a kind of finding, not a culprit;
# on real reviews one issue is "gap" to one reviewer and "enhancement" to the next.
# In report order (regressions first), which merge.py numbers findings by.
FAULT_CLASSES = ("regression", "gap", "pre-existing")
CHANGE_CLASSES = frozenset({"regression", "gap"})  # the two that blame the change itself
SHARED_SCALE = 6.0  # idf mass of shared identifiers at which that evidence is 63% certain


@dataclass(frozen=True)
class Weights:
    where: float = 0.30
    identifiers: float = 0.20
    title: float = 0.15
    prose: float = 0.15
    cited: float = 0.10
    classification: float = 0.10


WEIGHTS = Weights()


# Two findings about tests on overlapping lines of one test file: see `evidence`.
SAME_TEST_BONUS = 0.1


# One finding says a test (or a docstring) is missing, the other names a defect: taken off the
# score, so that the same function on the same lines is not enough (benchmarks/README.md:
# corpus unchanged by either kind).
# Both titles naming one failure kind (`claims.py`) at places this near (`_where`: within two
# lines) but not overlapping count for. Overlapping places have that evidence already, and
# there a second claim of the same kind is often another case of it ("Division by zero is not
# handled" and "A float divisor of 0.0 is not caught either", two passes at `calc.py:2-3`).
SAME_CLAIM_BONUS = 0.1
NEAR_CLAIM_WHERE = 0.5
OVERLAP_WHERE = 0.6  # `_span_similarity` of overlapping ranges starts here

KIND_PENALTY = 0.2


def evidence(
    x: Features,
    y: Features,
    weights: Weights = WEIGHTS,
    idf: Mapping[str, float] | None = None,
    *,
    generic: bool = False,
) -> Evidence:
    """`generic`: one of the two is an analyzer's finding (its wording is a rule's message)."""
    idf = idf or {}
    where, where_text = place_score(x, y)
    # a name one backticks and the other writes bare is a name both give (`prose_names`)
    x_names = x.identifiers | named_across(y.identifiers, dict(y.spellings), x.prose_names)
    y_names = y.identifiers | named_across(x.identifiers, dict(x.spellings), y.prose_names)
    # Dice alone punishes verbose findings; several shared specific names are strong evidence
    # however many others each finding mentions.
    shared_mass = sum(idf.get(t, 1.0) for t in sorted(x_names & y_names))
    ident = 0.5 * wdice(x_names, y_names, idf) + 0.5 * (1 - math.exp(-shared_mass / SHARED_SCALE))
    title = wdice(x.title_words, y.title_words, idf)
    prose = wdice(x.prose_words, y.prose_words, idf)
    cited = dice(x.cited, y.cited)
    told = _told_beyond_names(x, y, x_names & y_names, idf) if _place_and_names(x, y) else prose
    agree, cls = _classification_term(x, y)
    score = (
        weights.where * where
        + weights.identifiers * ident
        + weights.title * title
        + weights.prose * prose
        + weights.cited * cited
        + weights.classification * cls
    )
    score, stance = _said_alike_bonuses(
        x, y, score, where=where, title=title, prose=prose, idf=idf, generic=generic
    )
    score, place = _one_place_for_both(x, y, score, where=where, weights=weights, generic=generic)
    # constructs both name: several words a line or two apart, or the function one finding is
    # in and the other calls, named in one's title and by the other's code (`nearby`)
    named = frozenset() if generic else named_beside(x, y) | site_named_in_a_title(x, y)
    titled = frozenset() if generic else titled_name_nearby(x, y)
    if titled:
        # a setting or call one title is about, which the other names a few lines away
        # (`titled_names`): what both say, not only where both looked
        score += TITLED_NAME_BONUS
    score = cap_where_only(
        x,
        y,
        score,
        title=title,
        prose=prose,
        told=told,
        cited=cited,
        idf=idf,
        generic=generic,
        stance=stance,
        named=named | place.values,  # the values both name are said alike, as a construct is
        gap_said=place.gap_said,
        traced=place.traced,
        at_definition_and_call=place.at_definition_and_call,
        titled=titled,
    )
    score = cap_claims_differ(
        x,
        y,
        score,
        title=title,
        prose=prose,
        generic=generic,
        stance=stance,
        gap_said=place.gap_said,
        one_place=bool(place.at_definition_and_call or place.untested or place.traced),
        idf=idf,
    )
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    return Evidence(
        score=max(0.0, min(1.0, score)),
        where=where,
        where_text=where_text,
        identifiers=tuple(sorted(spelled[i] for i in x_names & y_names)),
        title=title,
        prose=prose,
        cited=tuple(sorted(x.cited & y.cited, key=_line_key)),
        classification=agree,
        claims=tuple(sorted(shared_claims(x, y))),
        untested=place.untested,
        named=tuple(sorted(named)),
        traced=tuple(sorted(place.traced)),
        values=tuple(sorted(place.values, key=int)),
    )


def _classification_term(x: Features, y: Features) -> tuple[str | None, float]:
    """The classification both give, if they agree, and its term of the score: agreeing adds,
    two labels blaming different code subtract."""
    agree: str | None = None
    cls = 0.0
    if x.classification and y.classification:
        # Most findings are regressions, so agreeing says less than contradicting.
        if x.classification == y.classification:
            agree, cls = x.classification, 0.5
        elif x.classification in FAULT_CLASSES and y.classification in FAULT_CLASSES:
            # Whether a missing test is a "gap" or a "regression" blames no code: two findings
            # about the tests do not contradict each other by labelling it differently.
            # Nor does a test that the other finding's change breaks ("regression" at the code,
            # "gap" at the test).
            same_tests = x.kind == y.kind == "tests"
            # Nor do "gap" and "regression" at the same lines: both blame the change's code
            # there, one for what it broke, the other for what it left out ("Deleting the App
            # leaves its PATH edits" / "PATH modifications leak when the App is deleted").
            # "pre-existing" blames older code: that still contradicts.
            at_same_lines = {x.classification, y.classification} == CHANGE_CLASSES and same_lines(
                x, y
            )
            cls = 0.0 if same_tests or at_same_lines or cites_the_test(x, y) else -1.0
    return agree, cls


def _said_alike_bonuses(
    x: Features,
    y: Features,
    score: float,
    *,
    where: float,
    title: float,
    prose: float,
    idf: Mapping[str, float],
    generic: bool,
) -> tuple[float, float]:
    """The score after what the two say of the problem adds or takes off (a missing thing
    beside a defect, the grading, one failure named by both, one fix proposed), and the
    grading's part of it (`stance_bonus`), which the caps read."""
    # a test the other finding's change breaks is not a test gap (`gaps.cites_the_test`)
    # nor is a test asserting the bug (`pinned_bug`), or asserting its fix without exercising it
    broken_test = cites_the_test(x, y) or bool(
        not generic and (pinned_by_its_test(x, y) or missed_by_its_test(x, y))
    )
    if x.kind != y.kind and not broken_test:
        # "`shout` has no test" (or "`shout` lacks a docstring") and "`shout(None)` raises":
        # one names something missing, the other a defect; the same function and lines do not
        # make them one problem.
        score -= KIND_PENALTY
    # "`div` crashes on a zero divisor" (critical, bug) and "`div` returns a float"
    # (suggestion): the reviewers say two different things happen there. "Hard-coded API key
    # committed" / "Credential leaked in repository", both critical security at app.py:1:
    # worded apart, graded and classified alike, at one place.
    stance = 0.0 if generic else stance_bonus(x, y, title)
    score += stance
    if generic and rule_names_the_failure(x, y):
        # an analyzer's rule naming the failure a model's title names at that line
        score += RULE_CLAIM_BONUS
    if not generic and stance == 0 and beside(x, y, prose):
        # a line apart, graded alike, said alike: what `stance_bonus` gives the same line(s)
        score += AGREEMENT_BONUS
    if (
        not generic
        and NEAR_CLAIM_WHERE <= where < OVERLAP_WHERE
        and (x.claims & y.claims) - SYMPTOMS
        and not x.identifiers & y.identifiers
    ):
        # both titles name the same failure near each other in one file, naming no code in
        # common: "`settle` can leave a negative balance" at the line that adds the
        # bonus, "Credit rate can exceed 100%" two lines on, where it is applied (trial
        # 57b #3). Findings that share names already have that evidence (the seed's leaks).
        score += SAME_CLAIM_BONUS
    if not generic and where < OVERLAP_WHERE and failure_at_a_cited_line(x, y):
        # one finding names the other's line as where its failure shows ("line 27 writes
        # through it"), the other's title names that failure there (`cited_failure`)
        score += SAME_CLAIM_BONUS
    if not generic and same_failure_nearby(x, y):
        # the same failure named a few lines apart in one file: "`DEPLOY_DIR` is unset" at the
        # command, "no guard on an empty environment" at the assignment (`nearby.py`)
        score += SAME_FAILURE_NEARBY
    if not generic and same_fix(x, y, idf):
        score += SAME_FIX_BONUS  # the same change proposed (an analyzer's is stock advice)
    return score, stance


def _at_definition_and_call(x: Features, y: Features) -> bool:
    return bool(definition_and_call(x, y) or quoted_definition_and_call(x, y))


# Ways two findings' different places are one place for their problem, tried in this order:
_SITES: tuple[Callable[[Features, Features], object], ...] = (
    # one finding in a function, the other at a line calling it, saying something alike
    # (`code_sites`)
    _at_definition_and_call,
    # the failure made in one file and shown in another, each seat naming it once
    # (`across_files`)
    told_in_two_files,
    # a setting told at its declaration and at the line of another file that reads it, both
    # naming it and saying the same of it (`named_sites`)
    named_at_both,
    # the bug at the code and the test asserting it (`pinned_bug`)
    pinned_by_its_test,
    # the failure at the code and the test asserting its fix without exercising it (`pinned_bug`)
    missed_by_its_test,
    # a failure inside the block whose fault the other tells (`cause_symptom`)
    symptom_inside_cause,
    # a finding on a file with no line and the same problem told at a line of it (`file_only`)
    told_at_its_file,
)


@dataclass(frozen=True)
class _OnePlace:
    """What makes two places one place for a problem (read again by the caps)."""

    traced: frozenset[str]
    at_definition_and_call: bool
    untested: tuple[str, ...]
    gap_said: frozenset[str]
    values: frozenset[str] = frozenset()


def _one_place_for_both(
    x: Features, y: Features, score: float, *, where: float, weights: Weights, generic: bool
) -> tuple[float, _OnePlace]:
    """The score after crediting places that are one place for this problem (files traced
    alike, a definition and its call, a test gap placed each reviewer's way) as if the same
    lines, and what made them so."""
    traced = frozenset() if generic else traced_alike(x, y)
    if traced:
        # both explanations follow the problem to the same lines of the same other files
        # (`traced.py`): a documentation page's promise and the code that does not keep it
        score += TRACED_BONUS
    # the first of `_SITES` that holds counts once: two places that are one place for this
    # problem are scored as the same lines
    at_definition_and_call = not generic and any(site(x, y) for site in _SITES)
    if at_definition_and_call:
        score += weights.where * (1.0 - where)
    values = frozenset() if generic else same_values(x, y)
    if values and not at_definition_and_call:
        # "the probe says 8080, the server binds 8000" at the manifest and at the server's code:
        # the values both name are the place both found the problem (`named_values`)
        at_definition_and_call = True
        score += weights.where * (1.0 - where)
    untested = () if generic else tuple(sorted(untested_names(x, y)))
    gap_said = (
        frozenset()
        if generic
        else one_gap_in_a_test_file(x, y)
        or one_gap_placed_nowhere(x, y)
        or gap_at_code_and_test(x, y)  # the test file and the code it tests
    )
    if untested:
        # "No test covers `retry()`'s give-up path" at the test file to add, "Missing test
        # coverage for `retry`" at a line of it, "`retry` has no unit tests" placed nowhere:
        # where each puts a missing test is its own choice; the code both name is the place,
        # as one line is for two findings about the code
        score += weights.where * (1.0 - where)
    elif gap_said:
        # "No test covers a partial refund" at the suite, "the partial refund path is never
        # exercised" at one fixture's line: one test gap, each reviewer placing it its own way
        # (or one placing it on no line at all: `one_gap_placed_nowhere`)
        score += weights.where * (1.0 - where)
    if not generic and x.kind == y.kind == "tests" and meet_in_a_test(x, y):
        # "`TestRender` only exercises amd64" / "the arm64 file is outside the render test",
        # both on the same lines of one test: what that test leaves out, each in its words
        score += SAME_TEST_BONUS
    return score, _OnePlace(traced, at_definition_and_call, untested, gap_said, values)


def _place_and_names(x: Features, y: Features) -> bool:
    """Nothing ties the two but where they are and the names they give: no line of code both
    quote, no line both cite, neither citing the other's place. Quoting the same lines, or
    citing the other's place, is pointing at one thing, whatever words go with it."""
    return not (x.excerpt & y.excerpt or x.cited & y.cited or either_cites(x, y))


def _told_beyond_names(
    x: Features, y: Features, shared: frozenset[str], idf: Mapping[str, float]
) -> float:
    """How alike the two explanations are beyond the words of the code names both give: a
    shared name is counted once, as an identifier; its words in both texts (`AutoLogon` is
    "auto" and "logon" wherever it is written) are where both looked, not what they say."""
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    names = {w for i in shared for w in finding_words(spelled.get(i, i)) | finding_words(i)}
    return wdice(x.prose_words - names, y.prose_words - names, idf)


def _line_key(cited: str) -> tuple[int, str]:
    return int(cited.split("-", 1)[0]), cited
