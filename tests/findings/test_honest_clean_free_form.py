"""Free-form reviews that find nothing, in a reviewer's own words and with no findings section:
a ✔ checklist closing "Nothing to fix. Approve.", "This PR is ready to merge.", "I don't have any
findings for this one.", "No correctness, security or performance concerns.", "I have no blocking
or non-blocking comments." They failed as "unparseable review" (1 of 2 seats failed). Under a
`## Findings` heading "Looks good to me — I have nothing to add." and "All clear." were findings
text that could not be read (Unverified).

A fault at a place beside such words is still read ("… Otherwise nothing to fix."), and "not
ready to merge" is no clean statement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from support.printing_seats import review_printed

_CHECKLIST = (
    "## Review of `jobs/budget.py`\n\nI read all three changed files. Everything checks out:\n\n"
    "- ✔ The budget is refilled once an hour (`jobs/budget.py:40-52`).\n"
    "- ✔ `tests/test_budget.py` covers the refill and the empty budget.\n\n"
)

CLEAN = [
    _CHECKLIST + "Nothing to fix. Approve.\n",
    _CHECKLIST + "This PR is ready to merge.\n",
    "## Review\n\nThe refill logic is correct and tested.\n\n"
    "I don't have any findings for this one. Approve.\n",
    "Reviewed the diff (2 files).\n\nNo correctness, security or performance concerns. The "
    "refill is bounded (`jobs/budget.py:40`) and tested.\n",
    "## Code Review: budget refill\n\n**Overall:** A clean, well-scoped change. I have no "
    "blocking or non-blocking comments.\n\n**Recommendation:** Approve\n",
]


@pytest.mark.parametrize(
    "text", CLEAN, ids=["checklist", "ready", "dont-have", "no-x-y-z", "no-comments"]
)
def test_a_free_form_clean_review_is_a_review(text: str) -> None:
    r = parse_review(text, seat="alpha")
    assert r.findings == () and r.unread_findings == (), r.unread_findings
    assert unparseable_reason(r) is None


@pytest.mark.parametrize(
    "sentence", ["Looks good to me — I have nothing to add.", "All clear. Every caller is updated."]
)
def test_a_clean_word_under_findings_is_none(sentence: str) -> None:
    r = parse_review(f"## Findings\n\n{sentence}\n\n## Verdict\n\nMerge as-is.\n", seat="alpha")
    assert r.findings == () and r.unread_findings == (), r.unread_findings


def test_otherwise_nothing_to_fix_after_a_fault_is_no_clean_review() -> None:
    text = (
        "## Review\n\n`jobs/budget.py:30` drops the last token when the hour rolls over, so "
        "the budget is one short. Otherwise nothing to fix. Approve once that is fixed.\n"
    )
    r = parse_review(text, seat="alpha")
    assert r.findings or r.unread_findings or unparseable_reason(r) is not None


NOT_CLEAN = [
    # a fault at a place beside the clean words: the review's findings, read or not
    "## Findings\n\nAll clear, except that `jobs/budget.py:30` drops the last token.\n",
    "## Findings\n\nLooks good to me — but `jobs/budget.py:30` drops the last token.\n",
]


@pytest.mark.parametrize("text", NOT_CLEAN)
def test_a_fault_beside_the_clean_words_is_still_read(text: str) -> None:
    r = parse_review(text, seat="alpha")
    assert r.findings or r.unread_findings


def test_not_ready_to_merge_is_no_clean_review() -> None:
    r = parse_review("## Review\n\nThe refill is wrong. Not ready to merge.\n", seat="alpha")
    assert r.findings or r.unread_findings or unparseable_reason(r) is not None


def test_the_checklist_review_is_merge_as_is(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": CLEAN[0]})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
