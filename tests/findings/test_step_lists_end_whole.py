"""A review whose last finding ends with a list of steps written as notes, none with a full
stop (`- [ ] move the clock past the limit`), is complete: it was "cut off mid-sentence", and a
clean review's verdict became Unverified. A list item that stops on an open word, or the one
unstopped item after items that end their sentences, is still cut off.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_TOP = (
    "## Executive Summary\n\nAdds expiry to the token cache; correct as far as I can tell.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\n**S1. Expiry has no test** — `tests/test_tokens.py` (suggestion, gap)\n\n"
    "A test would pin it down:\n\n"
)
_STEPS = (
    _TOP + "- [ ] issue a token, then move the fake clock past its lifetime\n"
    "- [ ] assert that `lookup()` returns nothing for that token afterwards\n"
)


def test_a_closing_list_of_unstopped_steps_is_whole() -> None:
    assert parse_review(_STEPS, seat="alpha").cut_off == ""
    plain = _STEPS.replace("- [ ] ", "- ")
    assert parse_review(plain, seat="alpha").cut_off == ""


def test_a_step_that_stops_on_an_open_word_is_cut_off() -> None:
    text = (
        _TOP
        + "- [ ] issue a token, then move the fake clock\n- [ ] assert that `lookup()` for the\n"
    )
    assert parse_review(text, seat="alpha").cut_off


def test_the_one_unstopped_item_after_stopped_ones_is_cut_off() -> None:
    text = (
        _TOP + "- Issue a token and move the fake clock past its lifetime.\n"
        "- Then assert that the lookup returns nothing and that the cache shrank back\n"
    )
    assert parse_review(text, seat="alpha").cut_off


def test_the_verdict_is_not_held_back(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _STEPS})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
