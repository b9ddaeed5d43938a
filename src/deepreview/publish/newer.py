"""Whether the PR's summary comment is about a newer commit than the review that would replace it.

CI runs for two pushes of one PR may finish out of order, and each job has its own store, so
the store cannot tell: the run for the older commit would edit the summary back to it. The
summary names the commit it reviewed (`reviewed `48e764080d3f``), and the PR's commits
(GitHub's list, oldest first) say which of the two came later: a summary whose commit comes
after the review's, or that is still on the PR when the review's commit is not (a force-push
took it off), is left as it is. A summary of the same commit, of a commit the PR no longer
holds, or that names none, is replaced as ever.
"""

from __future__ import annotations

from typing import Final

from deepreview.github.client import GitHubClient
from deepreview.publish.summary import reviewed_in

# GitHub lists at most 250 commits of a PR: past that, a commit not listed may be a new one.
_LISTED: Final = 250


def newer_summary(
    client: GitHubClient, repo: str, number: int, review_id: str, head_sha: str, body: str
) -> str | None:
    """The one line saying why review `review_id` (of commit `head_sha`) leaves the summary
    `body`, or None when it may replace it. Raises `GitHubError` when the commits cannot be
    read."""
    theirs, their_id = reviewed_in(body)
    if theirs is None or head_sha.startswith(theirs):
        return None
    listed = client.get_pages(
        f"repos/{repo}/pulls/{number}/commits", what=f"the commits of PR #{number}"
    )
    shas = [c["sha"] for c in listed if isinstance(c, dict) and isinstance(c.get("sha"), str)]
    theirs_at = next((i for i, sha in enumerate(shas) if sha.startswith(theirs)), None)
    ours_at = next((i for i, sha in enumerate(shas) if sha == head_sha), None)
    if theirs_at is None:
        return None
    if ours_at is None and len(shas) >= _LISTED:
        return None  # the review's commit may be past GitHub's list: it cannot tell
    if ours_at is not None and ours_at > theirs_at:
        return None
    gone = ", which is no longer part of the PR" if ours_at is None else ""
    review = f" (review {their_id})" if their_id else ""
    return (
        f"not posted: PR #{number}'s summary comment is about a newer commit, {theirs[:12]}"
        f"{review}, than review {review_id} of {head_sha[:12]}{gone}, so the newer review "
        f"stands; `deep-review publish {review_id} --force` puts this one there instead"
    )


__all__ = ["newer_summary"]
