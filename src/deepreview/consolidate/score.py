"""How alike two findings are: one score in [0, 1] and the evidence behind it.

See `deepreview.consolidate.cluster` for how the scores become clusters. The weights add up to 1;
the classification term can also subtract (contradicting classifications).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from deepreview.consolidate.across_files import told_in_two_files
from deepreview.consolidate.analyzer_claims import RULE_CLAIM_BONUS, rule_names_the_failure
from deepreview.consolidate.apart import beside, claims_apart, named_beside
from deepreview.consolidate.cited_failure import failure_at_a_cited_line
from deepreview.consolidate.claim_pairs import (
    claims_differ,
    explained_apart,
    failure_told_by_one,
    same_claim,
    shared_claims,
    title_words_said_across,
    unnamed_by_the_other,
)
from deepreview.consolidate.claims import SYMPTOMS
from deepreview.consolidate.code_and_test import gap_at_code_and_test
from deepreview.consolidate.cross_cited import (
    either_cites,
)
from deepreview.consolidate.evidence import SAID_PROSE, SAID_TEXT, SAID_TITLE, Evidence
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.gaps import (
    cites_the_test,
    one_gap_in_a_test_file,
    one_gap_placed_nowhere,
    untested_names,
)
from deepreview.consolidate.nearby import (
    SAME_FAILURE_NEARBY,
    definition_and_call,
    same_failure_nearby,
)
from deepreview.consolidate.place_only import place_only
from deepreview.consolidate.places_alike import NEAR_LINES, place_score
from deepreview.consolidate.prose_names import named_across
from deepreview.consolidate.quoted_sites import quoted_definition_and_call
from deepreview.consolidate.same_fix import SAME_FIX_BONUS, same_fix
from deepreview.consolidate.spans import meet_in_a_test, meet_on_a_line, one_line, same_lines
from deepreview.consolidate.stance import AGREEMENT_BONUS, stance_bonus
from deepreview.consolidate.subjects import different_subjects
from deepreview.consolidate.traced import TRACED_BONUS, traced_alike
from deepreview.consolidate.word_weights import dice, wdice

# Classifications that say which code is at fault: two of them that differ contradict each other.
# Other labels (enhancement, correctness, security, ...) name a kind of finding, not a culprit;
# on real reviews one issue is "gap" to one reviewer and "enhancement" to the next.
# In report order (regressions first), which merge.py numbers findings by.
FAULT_CLASSES = ("regression", "gap", "pre-existing")
CHANGE_CLASSES = frozenset({"regression", "gap"})  # the two that blame the change itself
SHARED_SCALE = 6.0  # idf mass of shared identifiers at which that evidence is 63% certain
# Capped pairs stay below a link (partition.LINK_THRESHOLD, 0.3) and do not count as one of the two
# supports that tie a third seat's finding to a linked pair (partition.SUPPORT_THRESHOLD: above
# 0.25): at 0.29 two capped pairs pulled an "overflow" claim into two seats' zero-divisor finding.
WHERE_ONLY_CAP = 0.25
# Two findings naming different failures (`claims_differ`) are capped at what a cluster's pairs
# must average (partition.AVERAGE_THRESHOLD, 0.2): such a pair adds nothing to a cluster, so three
# seats' "nil map" does not take in a fourth seat's race at the same line (partition.AGREED_BY).
CLAIMS_DIFFER_CAP = 0.2


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
    score = (
        weights.where * where
        + weights.identifiers * ident
        + weights.title * title
        + weights.prose * prose
        + weights.cited * cited
        + weights.classification * cls
    )
    # a test the other finding's change breaks is not a test gap (`gaps.cites_the_test`)
    broken_test = cites_the_test(x, y)
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
    traced = frozenset() if generic else traced_alike(x, y)
    if traced:
        # both explanations follow the problem to the same lines of the same other files
        # (`traced.py`): a documentation page's promise and the code that does not keep it
        score += TRACED_BONUS
    at_definition_and_call = not generic and bool(
        definition_and_call(x, y) or quoted_definition_and_call(x, y)
    )
    if at_definition_and_call:
        # one finding in a function, the other at a line calling it, saying something alike:
        # the definition and its use are one place for this problem (`code_sites`)
        score += weights.where * (1.0 - where)
    if not (generic or at_definition_and_call) and told_in_two_files(x, y):
        # the failure made in one file and shown in another, each seat naming it once
        # (`across_files`): the two files are one place for it
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
    if stance < 0 and _names_only(x, y, title, prose) and one_line(x, y):
        # the function's name and its line were all they had in common
        score = min(score, WHERE_ONLY_CAP)
    if not generic and stance <= 0 and _one_name_at_one_line(x, y, title, prose):
        # grades one level apart do not contradict, but beside them the place and the name
        # are not enough to call it one problem
        score = min(score, WHERE_ONLY_CAP)
    named = frozenset() if generic else named_beside(x, y)
    worded_alike = (
        title >= SAID_TITLE
        or prose >= SAID_PROSE
        or bool(x.identifiers & y.identifiers)
        or same_claim(x, y)
        or wdice(x.title_words | x.prose_words, y.title_words | y.prose_words, idf) >= SAID_TEXT
        or _said_across(x, y)
    )
    # a construct both name a line or two apart (`apart.named_beside`) is shared code, as a quote is
    # so is the behaviour two test gaps in one test file both name (`one_gap_in_a_test_file`)
    said_alike = (
        worded_alike
        or bool(cited)
        or bool(x.excerpt & y.excerpt)
        or bool(named)
        or bool(gap_said)
        or bool(traced)
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
    if not generic and stance <= 0 and claims_apart(x, y, told) and not at_definition_and_call:
        # "One malformed startup file blocks every later one" beside "Redundant login file
        # creation", a few lines apart, both naming `config.fish`: near each other, not the
        # same claim
        score = min(score, WHERE_ONLY_CAP)
    # the same lines of other files cited by both (`traced`) are a line in common, loosely
    if not (generic or at_definition_and_call or untested or traced) and (
        explained_apart(x, y, prose=prose, prose_alike=SAID_PROSE)
        or (stance <= 0 and not gap_said and place_only(x, y, title=title, prose=prose))
    ):
        # quoting and naming the same code is where both looked; two explanations at length
        # with nothing said alike are two problems there (`claim_pairs.explained_apart`), as
        # are two findings sharing nothing but their lines (`place_only`). Such a pair adds
        # nothing to a cluster: three seats' finding at a branch does not take in a fourth
        # seat's other problem there (partition.AGREED_BY)
        score = min(score, CLAIMS_DIFFER_CAP)
    if not (generic or at_definition_and_call or untested or traced) and different_subjects(x, y):
        # "cannot drop `status`" / "leaves `status_changed_at` in place" at one migration: each
        # title names code the other never names, and no failure is said by both
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
        untested=untested,
        named=tuple(sorted(named)),
        traced=tuple(sorted(traced)),
    )


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


def _a_section_wide(x: Features, y: Features) -> bool:
    """Every place of one of the two spans more lines than a block (`NEAR_LINES`)."""

    def wide(f: Features) -> bool:
        return bool(f.locations) and all(
            s.start is not None and s.end is not None and s.end - s.start + 1 > NEAR_LINES
            for s in f.locations
        )

    return wide(x) or wide(y)


def _line_key(cited: str) -> tuple[int, str]:
    return int(cited.split("-", 1)[0]), cited
