"""Trial 56a #14: a passage telling what was wrong before the change ("(was a race condition)",
"previously the header was wrong", "it used to crash") is no problem the review finds; one
that says the problem is still there is findings text that could not be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _with_changes(items: str) -> str:
    return (
        "## Executive Summary\n\nFixes the race and the header bug.\n\n## Critical Issues\n\n"
        "None.\n\n## Important Issues\n\nNone.\n\n## Suggestions\n\nNone.\n\n"
        f"## What changed\n\n{items}\n## Verdict\n\nMerge as-is.\n"
    )


PAST_PROBLEMS = [
    "1. `calc.py:1` — the lock is taken before the read (was a race condition).\n"
    "2. `calc.py:2` — the header is yielded first; previously the header was wrong.\n",
    "- `calc.py:3` — returns early on an empty table; it used to crash there.\n",
    "- `calc.py:2` — before this change the total was incorrect for negative inputs.\n",
    "- `calc.py:2` — previously the header was wrong and now it is correct.\n",
]


@pytest.mark.parametrize("items", PAST_PROBLEMS)
def test_what_the_change_fixed_told_in_the_past_is_no_finding(items: str) -> None:
    r = parse_review(_with_changes(items), seat="alpha")
    assert r.findings == () and r.unread_findings == (), r.unread_findings


PRESENT_PROBLEMS = [
    "- `calc.py:2` — the header is yielded first, but it is still wrong for empty tables.\n",
    "- `calc.py:1` — previously the handle was closed; now it leaks on every error.\n",
    "- `calc.py:1` — the lock moved (it was a race condition and still is one).\n",
    # the past clause runs on into what is wrong now
    "- Previously the header was wrong and now the body is truncated at `calc.py:9`.\n",
    "- `calc.py:3` — it used to crash on an empty table and now it crashes on None.\n",
    "- `calc.py:1` — the lock moved (was a race condition, now a deadlock).\n",
]


@pytest.mark.parametrize("items", PRESENT_PROBLEMS)
def test_a_problem_the_change_still_has_is_still_unread(items: str) -> None:
    r = parse_review(_with_changes(items), seat="alpha")
    assert r.unread_findings, r.warnings


def test_a_clean_review_telling_what_it_fixed_is_merge_as_is(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _with_changes(PAST_PROBLEMS[0])})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
