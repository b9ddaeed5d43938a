"""A short text that says "no issues" about a change the seat never read is no clean review.

Tried as a new user would: "I could not open src/x.py (permission denied), so no issues found."
and "No issues found; note this review is based on the PR title only." each made the report say
**Merge as-is — no issues found**: by their own account the seats read nothing of the change.
A clean review that names one thing it did not do ("I did not run the tests") stays clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import assert_seat_fails, review_printed

READ_NOTHING = {
    "file-not-opened": "I could not open src/x.py (permission denied), so no issues found.",
    "files-not-read": "I couldn't read `calc.py` or `util/strings.py`. No issues found.",
    "title-only": "No issues found; note this review is based on the PR title only.",
    "description-only": "Based solely on the pull request description, no issues found.",
    "without-the-diff": "No issues found. I reviewed this without access to the diff.",
}


@pytest.mark.parametrize("name", sorted(READ_NOTHING))
def test_no_issues_about_a_change_not_read_is_no_review(tmp_path: Path, name: str) -> None:
    assert_seat_fails(tmp_path, READ_NOTHING[name], "unparseable review")


_NONE_SECTIONS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)


def test_a_summary_saying_it_read_only_the_title_is_an_unfinished_review(
    tmp_path: Path,
) -> None:
    text = (
        "## Executive Summary\n\nThis review is based on the PR title only: git was blocked."
        f"\n\n{_NONE_SECTIONS}"
    )
    assert_seat_fails(tmp_path, text, "unfinished review")


STILL_CLEAN = {
    "tests-not-run": "No issues found. I did not run the tests.",
    "tests-denied": (
        "No issues found. I could not run the tests (permission denied), so I read them."
    ),
    "one-file-of-many": (
        "I could not open `package-lock.json` (too large), but I read the rest of the diff. "
        "No issues found."
    ),
    "title-checked-too": "No issues found; the PR title matches the change.",
    "based-on-the-diff": "No issues found; this review is based on the diff and the tests.",
}


@pytest.mark.parametrize("name", sorted(STILL_CLEAN))
def test_no_issues_with_an_honest_limitation_stays_clean(tmp_path: Path, name: str) -> None:
    res, out, report = review_printed(
        tmp_path, {"alpha": STILL_CLEAN[name]}, "--fail-on", "important"
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr
