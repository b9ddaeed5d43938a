"""Two findings about tests: one test gap each names, or a test the other's change breaks.

Where a reviewer puts a missing test is its own choice (the test file to add, a line of the
code, nowhere), so for such findings the code they name stands in for the place;
`score.evidence` reads both.
"""

from __future__ import annotations

from deepreview.consolidate.features import Features, finding_words


def cites_the_test(x: Features, y: Features) -> bool:
    """One finding is about code and its text cites the test file the other is placed on, the
    other being about tests only by that place (its title says no test is missing): "moving
    the setup step makes `copytool_test.go:131` fail" and a finding at `copytool_test.go:131`
    whose assertion now fails are one problem seen from both ends, not a defect beside a test
    gap."""
    return any(
        a.kind == "code" and b.kind == "tests" and b.test_by_place and a.mention_files & b.files
        for a, b in ((x, y), (y, x))
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
