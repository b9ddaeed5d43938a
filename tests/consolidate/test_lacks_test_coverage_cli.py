"""Through the real `deep-review consolidate`: "the suite lacks test coverage for X" says a test
is missing as surely as "X is never exercised". Two seats' gaps at different lines of one test
file, naming the same code, are then one gap (`gaps.one_gap_in_a_test_file`); a gap there in
the same words about other code stays apart."""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

_REVIEW = """## Findings

### Important Issues

1. **{title}** — `{where}` (important, gap)

   {body}
"""

NO_TEST = _REVIEW.format(
    title="No test rejects a blank `label`",
    where="tests/test_tags.py:40-44",
    body=(
        "Every case in the new suite passes a non-empty `label`, so deleting the blank check in "
        "`validate_tag` leaves the suite green. Add a case that expects `TagError`."
    ),
)


def _other_seat(body: str) -> str:
    return _REVIEW.format(
        title="Incomplete tag validation test coverage", where="tests/test_tags.py:8-30", body=body
    )


def test_a_suite_that_lacks_coverage_is_the_other_seats_gap(tmp_path: Path) -> None:
    lacks = (
        "The new suite for `validate_tag` completely lacks test coverage for a blank `label` "
        "and for a label longer than the limit; both branches were added in this change."
    )
    found = consolidated_findings(tmp_path, {"claude": NO_TEST, "gemini": _other_seat(lacks)})
    assert [sorted(f["reviewers"]) for f in found] == [["Claude", "Gemini"]], found


def test_a_suite_lacking_coverage_of_other_code_stays_apart(tmp_path: Path) -> None:
    # the same words for a gap, about code the first finding never names: two gaps
    other = _REVIEW.format(
        title="Incomplete tag rename test coverage",
        where="tests/test_tags.py:8-30",
        body=(
            "The new suite for `rename_tag` completely lacks test coverage for a target name "
            "that already exists; that branch was added in this change."
        ),
    )
    found = consolidated_findings(tmp_path, {"claude": NO_TEST, "gemini": other})
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Claude"], ["Gemini"]], found
