"""Taking back a part of a finding (its suggested fix, its level, a test it proposed) or taking
it back only in part (`not a real issue for X, but …`, `the bug stands`) keeps the finding: only
the finding itself, taken back whole, leaves the report (`findings/withdrawn.py`)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

RETRY = (
    "### I1 — retry loop never stops (`net.py:12`)\n\n"
    "The loop retries forever when the server is down.\n\n**Fix:** cap the retries at 5.\n\n"
)
RACE = (
    "### I2 — counter races with the flush thread (`stats.py:22`)\n\n"
    "`inc()` reads and writes `self.n` without a lock while `flush()` resets it.\n\n"
    "**Fix:** swap the value atomically.\n\n"
)


def review(after: str) -> str:
    return (
        "## Executive Summary\n\nAdds stats and a retry loop.\n\n"
        f"## Findings\n\n### Important Issues\n\n{RETRY}{RACE}{after}\n\n"
        "## Verdict\n\nNeeds changes.\n"
    )


@pytest.mark.parametrize(
    "after",
    [
        "Disregard I2's suggested fix; the bug stands, use a lock instead of the swap.",
        "I was wrong about I2's severity at first: any caller can hit it, not only admins.",
        "I retract my suggested test for I2 — it would not catch this; the race itself is real.",
        "I2 is not a real issue for single-threaded runs, but every server loses counts.",
        "Scratch I2's second paragraph; the race still stands.",
    ],
)
def test_taking_back_a_part_of_a_finding_keeps_it(after: str) -> None:
    r = parse_review(review(after), seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"], r.warnings
    assert not any("withdrawn" in w for w in r.warnings), r.warnings


def test_the_finding_itself_taken_back_still_leaves() -> None:
    r = parse_review(
        review("Please disregard I2; the counter is only touched under the GIL."), seat="s"
    )
    assert [f.id for f in r.findings] == ["I1"]


@pytest.mark.parametrize(
    "after",
    [
        # a review of a checker: its false positives are the finding, not a retraction of it
        "I2 produces a false positive in the alert whenever a flush overlaps an increment.",
        "Beyond I2, the stats check raises a false-positive warning on idle servers.",
    ],
)
def test_a_finding_about_false_positives_is_not_taken_back(after: str) -> None:
    r = parse_review(review(after), seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"], r.warnings


@pytest.mark.parametrize(
    "after",
    [
        "On reflection I2 is a false positive: the flush holds the GIL.",
        "As for I2 — on a second look, a false positive.",
        "I2 turns out to be a false positive; `inc()` runs under the same lock.",
    ],
)
def test_a_finding_called_a_false_positive_leaves(after: str) -> None:
    r = parse_review(review(after), seat="s")
    assert [f.id for f in r.findings] == ["I1"], r.warnings


def test_dropping_a_part_named_after_a_finding_is_no_withdrawal() -> None:
    after = "If the fix for I1 ends up dropping I2's counter reset, the stats go stale."
    r = parse_review(review(after), seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"], r.warnings
