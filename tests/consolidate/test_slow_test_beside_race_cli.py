"""Through the real `deep-review consolidate`: one seat reports a race in `JobQueue.take`,
another that the test of `take`'s timeout sleeps a full second (it "asserts" that `take` gives
up). Both name `JobQueue.take` and the second is at its test, but they are two problems — a
slow test and a race — and a careful lead keeps them apart: a test finding joins a bug in the
code (`pinned_bug.pinned_by_its_test`) only when it says the test holds that wrong behaviour
(the same failure, or a wrong/buggy result it expects), not when it tells another fault of the
test. The merge it must keep (the test asserting the race's wrong result) stays merged.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, full_finding, reviewer_sets, severity_line_finding

RACE = full_finding(
    "`JobQueue.take` races with `put`",
    "jobs/queue.py:41-58",
    "`take` reads `self._items` outside the lock and pops after releasing it, so a `put` "
    "landing in between can hand the same job to two workers. Hold the lock across the check "
    "and the pop.",
)

SLOW_TEST = severity_line_finding(
    "`test_take_timeout` sleeps a full second",
    "The test asserts that `JobQueue.take` returns `None` after its timeout, but waits the "
    "real second to do so; inject a clock or use a timeout of a few milliseconds so the suite "
    "stays fast.",
    "tests/test_queue.py:30-38",
)

PINS_THE_RACE = severity_line_finding(
    "The concurrency test expects a job taken twice",
    "`test_take_put` asserts that two workers may both receive the same job from "
    "`JobQueue.take` when a `put` lands between them, so the suite encodes the race; it should "
    "expect each job exactly once.",
    "tests/test_queue.py:44-60",
)


def test_a_slow_test_of_the_code_stays_apart_from_its_race(tmp_path: Path) -> None:
    assert reviewer_sets(tmp_path, {"claude": RACE, "codex": SLOW_TEST}) == TWO


def test_a_test_asserting_the_race_still_joins_it(tmp_path: Path) -> None:
    assert reviewer_sets(tmp_path, {"claude": RACE, "codex": PINS_THE_RACE}) == ONE
