"""Through the real `deep-review consolidate`: one seat says a race the change meant to fix is
still there in the code, another that the change's test asserts the fix while never exercising
that race. A careful lead tells it once: the failure persists and the test that claims it gone
cannot see it (from rd 10389, where the lead merged "the regression test does not exercise the
race" with the seats' "the iterator still races"). Kept apart, as a careful lead keeps "the code
is wrong" and "no test checks it" apart (merge case 07): a plain test gap for that race, which
says nothing of what a test asserts, and the same test said to miss another failure (a leaked
lock, not the race)."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_CODE_RACE = """## Executive Summary

Serialises job hand-out in the worker queue.

## Findings

### Important Issues

#### I1. Two workers can still claim one job through a race

**File:** `worker/job_queue.py:40-52`

`take` reads `self._next` and only then marks the job claimed, without holding `self._lock`
across both steps. Two workers polling at once both read the same `_next`, both mark it, and
the job runs twice. The new lock around `mark_claimed` narrows the window but does not close it.
"""

_TEST_FINDING = """## Findings

**Medium — {title}** (`{where}`): {body}
"""

MISSES_IT = _TEST_FINDING.format(
    title="The regression test never exercises the race it says is fixed",
    where="tests/test_job_queue.py:18-30",
    body=(
        "`test_take_is_exclusive` asserts that every job is handed out once, but it drives "
        "`JobQueue.take` from a single worker, so two calls never overlap and the race is never "
        "exercised; a change that reopens it would pass unnoticed."
    ),
)

PLAIN_GAP = _TEST_FINDING.format(
    title="No test has two workers racing on `JobQueue.take`",
    where="tests/test_job_queue.py:1-40",
    body=(
        "Nothing in the suite runs `JobQueue.take` from two threads at once; the concurrent "
        "path is untested. Add a case with a barrier so both workers call it together."
    ),
)

ANOTHER_FAILURE = _TEST_FINDING.format(
    title="The regression test never exercises the lock leak when a job raises",
    where="tests/test_job_queue.py:18-30",
    body=(
        "`test_take_is_exclusive` asserts that every job is handed out once, but no job in it "
        "raises, so the path where `JobQueue.take` leaves `self._lock` held is never exercised."
    ),
)


def _consolidate(tmp_path: Path, other: str) -> list[list[str]]:
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(_CODE_RACE, encoding="utf-8")
    b.write_text(other, encoding="utf-8")
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    return sorted(f["reviewers"] for f in json.loads(res.stdout)["findings"])


def test_a_test_asserting_the_fix_without_the_race_merges_with_the_race(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, MISSES_IT) == [["Claude", "Codex"]]


def test_a_plain_test_gap_for_the_race_stays_apart(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, PLAIN_GAP) == [["Claude"], ["Codex"]]


def test_the_same_test_missing_another_failure_stays_apart(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, ANOTHER_FAILURE) == [["Claude"], ["Codex"]]
