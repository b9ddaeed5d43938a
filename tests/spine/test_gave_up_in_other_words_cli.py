"""A seat that says in its own words that it could not do the review is never approval.

Tried as a new user would: a summary saying "I was unable to complete the review because every
tool call was denied" above three `None.` sections read as a clean review, and the report said
**Merge as-is — no issues found**; so did the same sentence followed by "No issues found." with
no sections at all. Only "could not access the repository" and "reviewed nothing" were known.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import assert_seat_fails, review_printed

_NONE_SECTIONS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)
SAID_IN_ITS_SUMMARY = {
    "unable-to-complete": (
        "I was unable to complete the review because every tool call was denied."
    ),
    "could-not-complete": "I could not complete the review: the shell tool kept failing.",
    "could-not-review": "I could not review the changes because the sandbox blocked git.",
    "not-able-to-finish": "I was not able to finish the review.",
    "review-incomplete": "The review is incomplete: `git diff` failed in the sandbox.",
    "did-not-get-to": "I did not get to review the diff; the shell tool was unavailable.",
    "unable-without-i": "Unable to review the change: the worktree was empty.",
}


@pytest.mark.parametrize("name", sorted(SAID_IN_ITS_SUMMARY))
def test_a_summary_saying_the_review_was_not_done_is_an_unfinished_review(
    tmp_path: Path, name: str
) -> None:
    text = f"## Executive Summary\n\n{SAID_IN_ITS_SUMMARY[name]}\n\n{_NONE_SECTIONS}"
    assert_seat_fails(tmp_path, text, "unfinished review")


SAID_WITH_NO_SECTIONS = {
    "not-able-to-finish": "I was not able to finish the review.",
    "review-incomplete": "The review is incomplete: git diff failed in the sandbox.",
    "did-not-get-to": "I did not get to review the diff.",
    "could-not-see": "Git commands failed in the sandbox, so I could not see the diff.",
    "unable-without-i": "Unable to review the change: the worktree was empty.",
}


@pytest.mark.parametrize("name", sorted(SAID_WITH_NO_SECTIONS))
def test_a_short_text_saying_the_review_was_not_done_is_no_review(
    tmp_path: Path, name: str
) -> None:
    text = f"{SAID_WITH_NO_SECTIONS[name]}\n\nNo issues found.\n"
    assert_seat_fails(tmp_path, text, "unparseable review")


def test_findings_beside_such_a_summary_are_kept_and_the_review_is_cut_off(
    tmp_path: Path,
) -> None:
    text = (
        "## Executive Summary\n\nI could not complete the review: the shell tool kept failing."
        "\n\n## Findings\n\n### Important Issues\n\n"
        "I1. **`sub` ignores its second argument** — `calc.py:5`\n\n"
        "It returns `a` alone.\n"
    )
    _, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert [f["id"] for f in report["findings"]] == ["I1"]
    assert "Alpha's review is cut off" in report["header"]["verdict"]["reason"]


STILL_CLEAN = {
    # one part of the work left undone, or a thing the code does, is no review left undone
    "tests-not-run": "I could not run the tests, but I read the whole diff.",
    "one-file-skipped": "I did not review the generated lock file; the rest is fine.",
    "sees-no-risk": "I did not see the change to `sub` break any caller.",
    "review-of-a-part": "I could not complete the review of the PR description: it is empty.",
    "code-about-reviews": "`shout` no longer marks the review incomplete when a file is empty.",
}


@pytest.mark.parametrize("name", sorted(STILL_CLEAN))
def test_a_clean_review_naming_one_thing_it_did_not_do_stays_clean(
    tmp_path: Path, name: str
) -> None:
    text = f"## Executive Summary\n\n{STILL_CLEAN[name]}\n\n{_NONE_SECTIONS}"
    res, out, report = review_printed(tmp_path, {"alpha": text}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr
