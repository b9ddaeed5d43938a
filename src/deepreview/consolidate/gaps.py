"""Two findings about tests: one test gap each names, or a test the other's change breaks.

Where a reviewer puts a missing test is its own choice (the test file to add, a line of the
code, nowhere), so for such findings the code they name stands in for the place;
`score.evidence` reads both.
"""

from __future__ import annotations

from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.kinds import TEST_PATH
from deepreview.consolidate.spans import same_lines

# Words every finding about a missing test uses: they say it is a test gap, not which one.
_GAP_WORDS = finding_words(
    "test tests tested testing untested coverage covered cover covers exercise exercised "
    "exercises check checks checked missing add added no never nothing case cases suite spec "
    "assert assertion unit"
)
GAP_WORDS = _GAP_WORDS  # for `code_and_test`, which reads test gaps the same way


def cites_the_test(x: Features, y: Features) -> bool:
    """One finding is about code and its text cites the test file the other is placed on, the
    other being about tests only by that place (its title says no test is missing): "moving
    the setup step makes `copytool_test.go:131` fail" and a finding at `copytool_test.go:131`
    whose assertion now fails are one problem seen from both ends, not a defect beside a test
    gap. So when the finding on the test file cites the other's lines: "`ALL_KEYS` omits
    `tls_dir`, and so does the table at `settings.md:44`" beside "the `settings.md` table
    (40-58) leaves out `tls_dir`" is one stale list, told where each reviewer saw it. Its
    lines, not only its file: a finding on a test names the code under test as a matter of
    course."""
    return any(
        a.kind == "code"
        and b.kind == "tests"
        and b.test_by_place
        and (a.mention_files & b.files or _cites_lines_of(b, a))
        for a, b in ((x, y), (y, x))
    )


def _cites_lines_of(b: Features, a: Features) -> bool:
    """`b`'s text cites lines of a place of `a`."""
    return any(
        m.path == s.path
        and None not in (m.start, m.end, s.start, s.end)
        and max(m.start or 0, s.start or 0) <= min(m.end or 0, s.end or 0)
        for m in b.mentions
        for s in a.locations
    )


def untested_names(x: Features, y: Features) -> frozenset[str]:
    """The code both findings say has no test: their titles say a test is missing (not only
    placed on a test file: that may be a test the change breaks), one names the code
    (backticked or bare) and the other's title says its name too ("No tests for the new retry
    behaviour" / "Missing test coverage for `retry`"), and neither title names code the other
    finding never names. "No test for `retry`" and "No test for `backoff`" in one test file
    name nothing in common."""
    if not (x.kind == y.kind == "tests") or x.test_by_place or y.test_by_place:
        return frozenset()
    if not (x.title_names <= y.identifiers or y.title_names <= x.identifiers):
        return frozenset()
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    both = x.title_words & y.title_words
    return frozenset(
        spelled[i] for i in x.title_names | y.title_names if finding_words(spelled[i]) <= both
    )


def one_gap_in_a_test_file(x: Features, y: Features) -> frozenset[str]:
    """What two findings about one test file both say has no test, when each says a test is
    missing (`Features.says_untested`) and they point at different lines of it: "No test
    covers a refund of a partial order" at the whole suite (3-40) and "every fixture pays in
    full; the partial refund path is never exercised" at line 12. Where each puts a missing
    test is its own choice, as for `untested_names`; what they share is the behaviour they
    name: a word of both titles beyond the code names and the words of any test gap
    (`_GAP_WORDS`), or a code name both give. Two gaps naming different behaviours ("no test
    for a refund" / "no test for a currency change") share neither; a weak assertion says no
    test is missing."""
    if not (x.kind == y.kind == "tests" and x.says_untested and y.says_untested):
        return frozenset()
    test_files = {s.path for s in x.locations if TEST_PATH.search(s.path)}
    if not test_files & {s.path for s in y.locations} or same_lines(x, y):
        # not one test file, or at the same lines (`meet_in_a_test`); a suite-wide range
        # holding the other's line (3-40 and 12) is two places a gap was put
        return frozenset()
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(spelled[i])}
    said = (x.title_words & y.title_words) - names - _GAP_WORDS
    return frozenset(said) | frozenset(spelled[i] for i in x.identifiers & y.identifiers)


def one_gap_placed_nowhere(x: Features, y: Features) -> frozenset[str]:
    """What two test gaps both say has no test, when one of them gives no line (a file at
    most, or nothing): "No handler-level test, and no shell-suite coverage" on the handler's
    file and "No shell-suite tests for the export feature" placed nowhere. A gap placed
    nowhere cannot meet the other by place; what they share is what a lead reads: a word of
    both titles beyond the code names both give and the words of any test gap. Neither title
    may name code the other finding never names ("No shell-suite test for `export`" / "... for
    `import`" are two gaps)."""
    if not (x.kind == y.kind == "tests") or x.test_by_place or y.test_by_place:
        return frozenset()
    if _has_a_line(x) and _has_a_line(y):
        return frozenset()
    if not (x.title_names <= y.identifiers and y.title_names <= x.identifiers):
        return frozenset()
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(spelled[i])}
    return frozenset((x.title_words & y.title_words) - names - _GAP_WORDS)


def _has_a_line(f: Features) -> bool:
    return any(s.start is not None for s in f.locations)
