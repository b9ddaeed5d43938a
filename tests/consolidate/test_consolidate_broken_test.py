"""A change that makes an existing test fail, reported at both ends: one reviewer places it at the
changed code and cites the test's file and line in its text, another places it at the test.

The second finding is about tests only by its place; it says no test is missing. A careful lead
credits both reviewers on one finding, so the kind of the finding ("tests" against "code") and
the labels ("gap" at the test, "regression" at the change) must not count against the pair.
"""

from __future__ import annotations

from consolidate_helpers import finding, groups, seat

from deepreview.consolidate import cluster_findings
from deepreview.consolidate.features import PathResolver, extract, file_refs_in
from deepreview.consolidate.score import evidence
from deepreview.model import Location

PATHS = ["ci/build.yml", "pkg/copy/copy_test.go"]
RESOLVER = PathResolver(PATHS)


def _at_the_change(body: str):  # type: ignore[no-untyped-def]
    return finding(
        "I1",
        "Installing the converter before the unit tests breaks the Windows job",
        "ci/build.yml:40-42",
        body=body,
        cls="regression",
    )


def _at_the_test(title: str):  # type: ignore[no-untyped-def]
    return finding(
        "I1",
        title,
        "pkg/copy/copy_test.go:131",
        body="The expected values are native paths; with the converter present `Command` "
        "hands over converted ones, so every subtest of `TestCopyPaths` fails.",
        cls="gap",
    )


CITING = (
    "The setup now puts the converter on PATH before `go test` runs, so `TestCopyPaths` "
    "(`pkg/copy/copy_test.go:60-118,131`) stops skipping and compares native paths "
    "against the converted operands `Command` produces."
)


def test_a_reference_may_list_several_lines_of_one_file() -> None:
    assert file_refs_in("see `pkg/copy/copy_test.go:60-118,131` and `a.go:14, 19`") == [
        Location("pkg/copy/copy_test.go", 60, 118),
        Location("pkg/copy/copy_test.go", 131, None),
        Location("a.go", 14, None),
        Location("a.go", 19, None),
    ]


def test_the_change_and_the_test_it_breaks_are_one_finding() -> None:
    change = _at_the_change(CITING)
    test = _at_the_test("`TestCopyPaths` asserts unconverted paths")
    clusters = cluster_findings([seat("claude", change), seat("gemini", test)])
    assert groups(clusters) == {frozenset({"claude:I1", "gemini:I1"})}


def test_a_missing_test_beside_the_change_stays_apart() -> None:
    # the title says a test is missing: a gap of its own, even when the other cites the file
    change = _at_the_change(CITING)
    gap = _at_the_test("No test covers the converted paths of `Command`")
    clusters = cluster_findings([seat("claude", change), seat("gemini", gap)])
    assert groups(clusters) == {frozenset({"claude:I1"}), frozenset({"gemini:I1"})}


def test_without_the_citation_the_test_finding_keeps_its_kind() -> None:
    cited = extract("a", _at_the_change(CITING), RESOLVER)
    uncited = extract(
        "a", _at_the_change(CITING.replace("`pkg/copy/copy_test.go:60-118,131`", "")), RESOLVER
    )
    test = extract("b", _at_the_test("`TestCopyPaths` asserts unconverted paths"), RESOLVER)
    assert test.kind == "tests" and test.test_by_place
    assert evidence(cited, test).score - evidence(uncited, test).score > 0.2
