"""A closing list of steps whose last item stops on a word that opens a clause (`which`,
`whose`, `is`, `should`, `by`) was cut off, like one that stops on `the`: the step-list rule
(`unfinished._terse_list_end`) no longer hides it."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

_TOP = (
    "## Executive Summary\n\nAdds a rate limiter.\n\n## Findings\n\n"
    "### I1 — Refill uses wall-clock time (`limiter.py:44`)\n\nA clock jump lets a burst "
    "through.\n\nTo fix:\n\n- [ ] switch the refill to `time.monotonic()`\n"
)


@pytest.mark.parametrize(
    "last",
    [
        "- [ ] the same bug is in `quota.py:20` which",
        "- [ ] note that the quota window is",
        "- [ ] the quota refill should",
        "- [ ] and the window is reset by",
    ],
)
def test_a_step_stopping_on_a_clause_word_is_cut_off(last: str) -> None:
    assert parse_review(f"{_TOP}{last}\n", seat="alpha").cut_off


def test_whole_steps_still_end_whole() -> None:
    text = f"{_TOP}- [ ] add a test that moves the clock back\n"
    assert parse_review(text, seat="alpha").cut_off == ""
