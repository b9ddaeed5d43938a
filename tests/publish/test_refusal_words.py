"""`refusal.review_refusal`: what a 422 on the inline review blames, in GitHub's words."""

from __future__ import annotations

import pytest

from deepreview.publish.refusal import review_refusal


@pytest.mark.parametrize(
    ("detail", "blames"),
    [
        ("Unprocessable Entity; Pull request review thread line must be part of the diff", "place"),
        (
            "Validation Failed; pull_request_review_thread.line custom must be part of the diff",
            "place",
        ),
        ("Unprocessable Entity; Line could not be resolved", "place"),
        ("Unprocessable Entity; Path could not be resolved", "place"),
        ("Validation Failed; pull_request_review_thread.diff_hunk can't be blank", "place"),
        ("Validation Failed; start_line must be part of the same hunk as the line", "place"),
        ("Validation Failed; commit_id custom commit_id is not part of the pull request", "commit"),
        ("Unprocessable Entity; The commitOID is not part of the pull request", "commit"),
        ("Unprocessable Entity; No commit found for SHA: 0123abcd", "commit"),
        # Both: no line is right on a wrong commit.
        (
            "Unprocessable Entity; line must be part of the diff; No commit found for SHA: 01",
            "commit",
        ),
        ("Unprocessable Entity", "other"),
        ("Validation Failed: body is too long", "other"),
        ("", "other"),
    ],
)
def test_review_refusal_reads_githubs_words(detail: str, blames: str) -> None:
    assert review_refusal(detail) == blames
