"""A review that says it skipped one check ("I ran out of time to benchmark it") is finished.

Only a review that says the *review* stopped ("I ran out of turns before finishing the review",
"I ran out of time to review the rest") is an unfinished one; running out of time for one check
beside a complete review (its findings and verdict) is a limitation it states.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_SECTIONS_NONE = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)
_WITH_FINDING = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "1. **`sub` returns the sum** — `calc.py:5`: the sign is wrong, so `sub(3, 1)` is 4.\n\n"
    "### Suggestions\n\nNone.\n"
)

SKIPPED_ONE_CHECK = {
    "summary-with-finding": (
        "## Executive Summary\n\nThe change adds `sub`. I ran out of time to benchmark it, but "
        "the logic reads clearly.\n\n" + _WITH_FINDING + "\n## Verdict\n\nFix `sub` first.\n"
    ),
    "verdict-last-sentence": (
        "## Executive Summary\n\nSmall helpers, both correct.\n\n"
        + _SECTIONS_NONE
        + "\n## Verdict\n\nLooks good to merge. I ran out of time to benchmark it.\n"
    ),
    "turns-before-profiling": (
        "## Executive Summary\n\nBoth helpers are fine; I ran out of turns before profiling "
        "`shout` on long strings.\n\n" + _SECTIONS_NONE
    ),
}


@pytest.mark.parametrize("name", sorted(SKIPPED_ONE_CHECK))
def test_one_skipped_check_is_no_unfinished_review(name: str) -> None:
    review = parse_review(SKIPPED_ONE_CHECK[name], seat="alpha")
    assert review.cut_off == "", review.cut_off


def test_the_verdict_of_a_review_that_skipped_a_benchmark(tmp_path: Path) -> None:
    res, out, report = review_printed(
        tmp_path, {"alpha": SKIPPED_ONE_CHECK["verdict-last-sentence"]}, "--fail-on", "important"
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert "cut off" not in verdict["reason"], verdict
    assert res.returncode == 0, res.stderr


def test_a_finding_beside_a_skipped_benchmark_is_no_cut_off_review(tmp_path: Path) -> None:
    _res, out, report = review_printed(
        tmp_path, {"alpha": SKIPPED_ONE_CHECK["summary-with-finding"]}
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert [f["id"] for f in report["findings"]] == ["I1"]
    assert "cut off" not in report["header"]["verdict"]["reason"], report["header"]["verdict"]


STILL_UNFINISHED = {
    "to-finish": "I ran out of time to finish the review.",
    "to-review-the-rest": "I ran out of turns to review the remaining files.",
    "before-the-rest": "I ran out of turns before reviewing the rest of the change.",
    "bare": "I ran out of time.",
    "before-finishing": "I ran out of turns before finishing the review.",
}


@pytest.mark.parametrize("name", sorted(STILL_UNFINISHED))
def test_a_review_that_says_the_review_stopped_stays_unfinished(name: str) -> None:
    text = "## Executive Summary\n\n" + STILL_UNFINISHED[name] + "\n\n" + _SECTIONS_NONE
    review = parse_review(text, seat="alpha")
    assert review.cut_off, text
