"""Why GitHub refused a write, read from its own words: what publishing does next depends on it.

A 422 on the inline review names either a comment's place (a line not on the diff, a path
GitHub cannot resolve: splitting the batch isolates that comment) or the review's commit (the
PR's head moved since the review, e.g. a force-push dropped it: every comment would fail the
same way, so splitting only multiplies the POSTs), or neither (a field of no comment, words
nobody foresaw: every half would be refused alike, so `sender` posts no more and the findings
go to the summary). GitHub's wording varies between endpoints and years ("commit_id is not
part of the pull request", "The commitOID is not part of the pull request", "No commit found
for SHA: …"; "pull_request_review_thread.line must be part of the diff", "Line could not be
resolved"), so the match is on the words that name the cause.
"""

from __future__ import annotations

import re
from typing import Final, Literal

# A commit problem wins over a line problem: when the commit is wrong no line can be right.
_COMMIT: Final = re.compile(r"commit|\bsha\b", re.IGNORECASE)
_PLACE: Final = re.compile(
    r"\b(?:line|start_line|start_side|side|position|path|diff_hunk|hunk)\b"
    r"|part of the diff|could not be resolved",
    re.IGNORECASE,
)

Refusal = Literal["commit", "place", "other"]


def review_refusal(detail: str) -> Refusal:
    """What a 422 on `POST …/pulls/N/reviews` (GitHub's `message` and `errors`) blames."""
    if _COMMIT.search(detail):
        return "commit"
    if _PLACE.search(detail):
        return "place"
    return "other"


def head_moved_line(review_id: str, number: int, head_sha: str, *, listed: bool) -> str:
    """The one line for a review whose commit is no longer part of its PR. `listed`: the
    summary comment (posted before the inline review) now holds every finding instead."""
    instead = (
        "its summary comment lists the findings instead"
        if listed
        else "or publish this one without --inline (summary comment only)"
    )
    return (
        f"GitHub refused the inline comments of review {review_id} (HTTP 422): the review's "
        f"commit {head_sha[:12]} is no longer part of PR #{number}, whose head moved since the "
        f"review (a force-push?); review the PR again (`deep-review review {number}`) and "
        f"publish that review{'; ' if listed else ', '}{instead}"
    )


def fork_forbidden_line(what: str, number: int, fork: str, repo: str) -> str:
    """The one line for a write refused (403) on a PR from `fork` ("the fork o/n")."""
    return (
        f"GitHub refused {what} (HTTP 403): PR #{number} comes from {fork}, and "
        "on a `pull_request` event a fork's PR gets a read-only token whatever `permissions:` "
        "says; publish from a `workflow_run` or `pull_request_target` job, or with a token "
        f"that can write to {repo}"
    )


__all__ = ["Refusal", "fork_forbidden_line", "head_moved_line", "review_refusal"]


def retry_advice(review_id: str, *, inline: bool, dry_run: bool) -> str:
    """What to run after a publication GitHub refused or could not be reached for. A dry
    run's retry is the dry run: its user asked to see the writes, not to send them."""
    again = f"deep-review publish {review_id}{' --inline' if inline else ''}"
    if dry_run:
        return f"Nothing was sent; try the dry run again with `{again} --dry-run`"
    return f"The review is stored unchanged; publish it again with `{again}`"
