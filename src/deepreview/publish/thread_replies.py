"""What a later round says on the PR's earlier inline comments: the replies `followup` and
`declined` plan, sent, and the threads of findings now gone resolved (GraphQL, best-effort).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from deepreview.errors import GitHubError, UsageError
from deepreview.github.client import GitHubClient
from deepreview.github.review_threads import RESOLVE, thread_ids
from deepreview.publish.declined import plan_declined
from deepreview.publish.followup import plan_replies
from deepreview.publish.sender import Sender
from deepreview.publish.stored_review import StoredReview


def follow_up(
    client: GitHubClient,
    sender: Sender,
    stored: StoredReview,
    comments: Sequence[dict[str, Any]],
    last_word: Mapping[int, int],
) -> tuple[list[str], list[str], list[str]]:
    """Round N >= 2: a reply on each inline comment of a round N-1 finding this round found
    fixed, and its thread resolved when the finding is gone. Resolving is GraphQL and
    best-effort: when GitHub refuses it, a note says so and the replies stand; publishing the
    round again resolves the threads its replies left open. (replies, resolved, notes), as
    finding IDs of round N-1."""
    plan = plan_replies(
        stored.report,
        stored.previous,
        comments,
        stored.review_id,
        last_word,
        stored.previous_fingerprints,
    ) + plan_declined(stored.report, comments, stored.by_round, stored.review_id)
    replies: list[str] = []
    resolved: list[str] = []
    notes: list[str] = []
    threads: dict[int, tuple[str, bool]] | None = None
    for reply in plan:
        if not reply.sent:
            sender.send(
                "POST",
                f"repos/{stored.repo}/pulls/{stored.number}/comments/{reply.comment_id}/replies",
                {"body": reply.body},
                f"the reply on the inline comment of {reply.prior_id}",
            )
            if reply.prior_id not in replies:  # one finding may hold two threads
                replies.append(reply.prior_id)
        if not reply.resolve:
            continue
        try:
            if threads is None:
                threads = thread_ids(client, stored.repo, stored.number)
            thread = threads.get(reply.comment_id)
            if thread is None or thread[1]:
                continue  # no thread of ours, or someone resolved it already
            what = f"resolving the thread of {reply.prior_id}"
            sender.graphql(RESOLVE, {"thread": thread[0]}, what)
        except UsageError as exc:
            if isinstance(exc, GitHubError):
                raise
            notes.append(
                f"review thread of {reply.prior_id} not resolved: {exc.message}; "
                f"`deep-review publish {stored.review_id}` tries again"
            )
            threads = threads or {}
            continue
        if reply.prior_id not in resolved:
            resolved.append(reply.prior_id)
    return replies, resolved, notes
