"""Publish a stored review on its pull request: what `publish`, `review --post` and `finish
--post` call.

It reads the review from the store (`stored_review`; never changes it), reads what the PR
already holds (our sticky comment, our inline comments by fingerprint: only those the token
wrote, `authorship`), then sends the summary comment (created, or PATCHed when a round before
left one), at most one review of inline comments (placed on the diff at the reviewed commit,
which the review names as its `commit_id`: `placement`; sent by `sender`), the summary again
when that review did not go as it said, and on a later round a reply on each earlier inline
comment whose finding is now fixed (resolving its thread: `thread_replies`). A summary about a
newer commit of the PR is left as it is (`newer`), and so is a PR closed or merged since it was
reviewed (`_not_open`): nothing is sent, and the result says why.
With `dry_run` it reads the same, refuses the same, but sends nothing and returns the writes it
would have sent.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from deepreview.errors import GitHubError, PublishError, UsageError
from deepreview.github.client import GitHubClient
from deepreview.github.pulls import PullDocument
from deepreview.github.viewer import viewer_login
from deepreview.publish.authorship import author, own_review_comments
from deepreview.publish.credit import lead_name
from deepreview.publish.declined import left_out
from deepreview.publish.followup import last_words, may_reply
from deepreview.publish.inline import InlinePlan
from deepreview.publish.newer import newer_summary
from deepreview.publish.placement import inline_plan
from deepreview.publish.refusal import (
    fork_forbidden_line,
    head_moved_line,
    retry_advice,
    review_refusal,
)
from deepreview.publish.safe import is_summary, marker_fingerprint
from deepreview.publish.sender import ApiRequest, Sender
from deepreview.publish.stored_review import StoredReview, load_stored_review
from deepreview.publish.summary import InlineMissing, SummaryInput, adopted, summary_body
from deepreview.publish.thread_replies import follow_up
from deepreview.render.sarif import review_failed
from deepreview.store.store import Store
from deepreview.untrusted_text import visible_bidi


@dataclass(frozen=True)
class PublishResult:
    review_id: str
    repo: str
    pr_number: int
    dry_run: bool
    writes: tuple[ApiRequest, ...]  # sent, or (dry run) what would be sent
    summary: Literal["created", "updated"] | None  # None: skipped (below)
    summary_url: str | None
    inline_posted: tuple[str, ...] = ()  # finding IDs now inline comments
    inline_already: tuple[str, ...] = ()  # inline from an earlier round (same fingerprint)
    unanchored: tuple[str, ...] = ()  # asked for inline, no diff line: in the summary instead
    replies: tuple[str, ...] = ()  # previous round's finding IDs whose inline comment got a reply
    resolved: tuple[str, ...] = ()  # ... and whose thread was resolved (fixed, no longer applies)
    notes: tuple[str, ...] = ()  # what could not be done and did not fail the publication
    not_adopted: tuple[str, ...] = ()  # authors of marker comments the token did not write
    skipped: str | None = None  # why nothing was sent: a newer commit's summary, a closed PR


class PublishFailed(PublishError):
    """GitHub refused a write (exit 5), with what was sent before it: `--json` reports both."""

    def __init__(self, message: str, *, stored: StoredReview, sender: Sender) -> None:
        super().__init__(message)
        self.review_id = stored.review_id
        self.repo, self.pr_number = stored.repo, stored.number
        self.sent = tuple(sender.writes)
        self.inline_posted = tuple(sender.posted)
        # The summary went out before the write that failed (it goes first): said as sent.
        self.summary, self.summary_url = sender.summary, sender.summary_url


def publish_review(
    store: Store,
    review_id: str,
    *,
    env: Mapping[str, str],
    cwd: Path,
    inline: bool = False,
    dry_run: bool = False,
    report_url: str | None = None,
    force: bool = False,
) -> PublishResult:
    """Publish stored review `review_id` on its PR. `report_url` is a template (`{id}`).
    `force`: post it all the same over a summary of a newer commit (`newer`), on a closed or
    merged PR, or, for a review where every seat failed, over the PR's summary."""
    stored = load_stored_review(store, review_id)
    root = Path(stored.state.target.repo_root)
    client = GitHubClient(env=env, cwd=root if root.is_dir() else cwd)
    sender = Sender(client, dry_run)
    pull = PullDocument(client, stored.repo, stored.number)
    try:
        return _publish(stored, pull, sender, inline, report_url, force)
    except GitHubError as exc:
        line = exc.message
        if exc.status == 403 and not exc.rate_limited and sender.refused is not None:
            fork = _fork_of(pull, stored)
            if fork is not None:
                line = fork_forbidden_line(sender.refused, stored.number, fork, stored.repo)
        advice = retry_advice(review_id, inline=inline, dry_run=sender.dry_run)
        raise PublishFailed(f"{line}. {advice}", stored=stored, sender=sender) from exc


def _skipped(
    stored: StoredReview,
    dry_run: bool,
    why: str,
    summary_url: str | None = None,
    not_adopted: tuple[str, ...] = (),
) -> PublishResult:
    """Nothing posted, and why (the PR is closed, or a newer review's summary is there)."""
    return PublishResult(
        review_id=stored.review_id,
        repo=stored.repo,
        pr_number=stored.number,
        dry_run=dry_run,
        writes=(),
        summary=None,
        summary_url=summary_url,
        not_adopted=not_adopted,
        skipped=why,
    )


def _publish(
    stored: StoredReview,
    pull: PullDocument,
    sender: Sender,
    inline: bool,
    report_url: str | None,
    force: bool,
) -> PublishResult:
    review_id, dry_run, client = stored.review_id, sender.dry_run, pull.client
    pr_path = f"repos/{stored.repo}/pulls/{stored.number}"
    closed = None if force else _not_open(pull, stored)
    if closed is not None:
        return _skipped(stored, dry_run, closed)
    issue_path = f"repos/{stored.repo}/issues/{stored.number}"
    existing = client.get_pages(
        f"{issue_path}/comments", what=f"the comments of PR #{stored.number}"
    )
    marked = [c for c in existing if isinstance(c, dict) and is_summary(str(c.get("body") or ""))]
    # Only a comment this token wrote is ours (`authorship`); who the token is matters only
    # when some comment carries a marker, and is asked once.
    viewer = functools.cache(lambda: viewer_login(client))
    ours, others = adopted(marked, viewer() if marked else None)
    not_adopted = tuple(author(c)[0] or "?" for c in others)

    if ours and not force:
        body, head_sha = str(ours[0].get("body") or ""), stored.state.target.head_sha
        why = newer_summary(client, stored.repo, stored.number, review_id, head_sha, body)
        if why is not None:
            url = ours[0].get("html_url")
            return _skipped(
                stored, dry_run, why, url if isinstance(url, str) else None, not_adopted
            )

    if ours and not force and review_failed(stored.report):
        raise UsageError(
            f"review {review_id}: every seat failed, so it reviewed nothing, and PR "
            f'#{stored.number} has a summary comment it would replace with "Failed": '
            f"publish a review whose seats ran, or pass --force to post {review_id} anyway"
        )

    plan = InlinePlan((), (), ())
    earlier: list[dict[str, Any]] = []  # our marked review comments: inline and replies
    last_word: dict[int, int] = {}  # a thread's first comment -> its newest reply (anyone's)
    notes: list[str] = []
    answers = stored.previous is not None and may_reply(stored.report)
    if inline or answers or left_out(stored.report):
        comments = client.get_pages(
            f"{pr_path}/comments", what=f"the review comments of PR #{stored.number}"
        )
        earlier, foreign = own_review_comments(comments, viewer)
        last_word = last_words([c for c in comments if isinstance(c, dict)])
        if foreign:
            notes.append(_foreign_note(foreign))
    if inline:
        fingerprints = frozenset(
            fp for c in earlier if (fp := marker_fingerprint(str(c.get("body") or "")))
        )
        target, findings = stored.state.target, stored.report.findings
        plan = inline_plan(pull, target, findings, fingerprints, stored.fingerprints)
        notes += plan.notes
    already = [f.id for f in plan.already]
    moved = {
        f.id: f"{visible_bidi(a.path)}:{a.line}"
        for f, a in plan.comments
        if a.moved_from is not None and a.moved_from != a.line
    }
    url = report_url.replace("{id}", review_id) if report_url else None
    # What the summary says while the inline comments it names go out (and after, when all
    # of them are taken): each planned comment is an inline one.
    told = SummaryInput(
        report=stored.report,
        inline_ids=frozenset(already + [f.id for f, _ in plan.comments]),
        moved=moved,
        unanchored_ids=frozenset(f.id for f in plan.unanchored),
        report_url=url,
        review_id=review_id,
    )
    # The summary goes out before the inline review, so a publication that stops half-way
    # never leaves inline comments without their summary. Not the summary as the review's
    # own body: the summary is one sticky issue comment, found again by its marker and edited
    # in place on every round, where a review's body would add one more on each. Both halves
    # stay idempotent on a retry: the summary is found and PATCHed (never a second one), an
    # inline comment already there is found by its fingerprint (never posted twice).
    if ours:
        cid = ours[0].get("id")
        answer = sender.send(
            "PATCH",
            f"repos/{stored.repo}/issues/comments/{cid}",
            {"body": summary_body(told)},
            "the summary comment",
        )
        action: Literal["created", "updated"] = "updated"
        summary_url = ours[0].get("html_url")
    else:
        answer = sender.send(
            "POST", f"{issue_path}/comments", {"body": summary_body(told)}, "the summary comment"
        )
        action = "created"
        cid, summary_url = None, None
    if isinstance(answer, dict):
        cid = answer.get("id", cid)
        summary_url = answer.get("html_url", summary_url)
    summary_url = summary_url if isinstance(summary_url, str) else None
    sender.summary, sender.summary_url = action, summary_url
    comment = f"repos/{stored.repo}/issues/comments/{cid}"

    head_sha = stored.state.target.head_sha
    try:
        outcome = sender.review(
            f"{pr_path}/reviews",
            plan.comments,
            head_sha,
            summary_url,
            lead_name(stored.report),
        )
    except GitHubError as exc:
        # The summary names inline comments that are not there: it says so now, and holds
        # the findings in full, until a publication that posts them (or for good, when the
        # review's commit is gone).
        commit = exc.status == 422 and review_refusal(exc.detail) == "commit"
        words = f"HTTP {exc.status}: {exc.detail}" if exc.status else exc.message
        inline_ids = frozenset(already + sender.posted)
        gone = InlineMissing(words, retry=not commit)
        listed = cid is not None and _amend(
            sender, comment, told, inline_ids, gone, best_effort=True
        )
        if not commit:
            raise
        # Publishing this review again would fail alike: no "publish it again" advice.
        raise PublishFailed(
            head_moved_line(review_id, stored.number, head_sha, listed=listed),
            stored=stored,
            sender=sender,
        ) from exc
    if outcome.refused is not None:
        notes.append(
            f"GitHub refused the inline comments (HTTP 422: {' '.join(outcome.refused.split())}"
            "), not for a line: the summary comment holds every finding instead"
        )
    missing = InlineMissing(outcome.refused, retry=False) if outcome.refused else None
    if cid is not None:
        inline_ids = frozenset(already + list(outcome.posted))
        _amend(sender, comment, told, inline_ids, missing, rejected=outcome.rejected)
    replies, resolved, follow_notes = follow_up(client, sender, stored, earlier, last_word)
    notes += follow_notes
    return PublishResult(
        review_id=review_id,
        repo=stored.repo,
        pr_number=stored.number,
        dry_run=dry_run,
        writes=tuple(sender.writes),
        summary=action,
        summary_url=summary_url,
        inline_posted=outcome.posted,
        inline_already=tuple(already),
        unanchored=tuple(f.id for f in plan.unanchored) + outcome.rejected,
        replies=tuple(replies),
        resolved=tuple(resolved),
        notes=tuple(notes),
        not_adopted=not_adopted,
    )


def _amend(
    sender: Sender,
    path: str,
    told: SummaryInput,
    inline_ids: frozenset[str],
    missing: InlineMissing | None,
    *,
    rejected: Sequence[str] = (),
    best_effort: bool = False,
) -> bool:
    """The summary sent (`told`, at `path`) made to say which inline comments are there
    (`inline_ids`, this round's and earlier ones): a finding without one is in full in its
    Details. PATCHed only when that changes what it says; with `best_effort` (the publication
    is failing already) a refusal is not raised. Whether the summary now says it."""
    now = dataclasses.replace(
        told,
        inline_ids=inline_ids,
        moved={fid: at for fid, at in told.moved.items() if fid in inline_ids},
        unanchored_ids=told.unanchored_ids | frozenset(rejected),
        inline_missing=missing,
    )
    if now == told:
        return True
    try:
        sender.send("PATCH", path, {"body": summary_body(now)}, "the summary comment")
    except GitHubError:
        if not best_effort:
            raise
        return False
    return True


def _not_open(pull: PullDocument, stored: StoredReview) -> str | None:
    """Why nothing goes on a PR closed or merged (GitHub takes comments on it all the same, and
    a review that ran for minutes may finish after the merge), or None when it is open."""
    data = pull.data
    if data.get("state") != "closed":
        return None
    how = "merged" if data.get("merged") is True or data.get("merged_at") else "closed"
    return (
        f"not posted: PR #{stored.number} is {how}, so review {stored.review_id} is not put on "
        f"it; `deep-review publish {stored.review_id} --force` posts it anyway"
    )


def _fork_of(pull: PullDocument, stored: StoredReview) -> str | None:
    """Which fork a PR comes from (its head repository, when not the base one), asked after a
    write was refused: a fork's PR gets a read-only token on `pull_request` events. None when
    the PR is not from a fork, or GitHub does not say."""
    try:
        data = pull.data
    except GitHubError:
        return None
    head = data.get("head")
    base = data.get("base")
    head_repo = head.get("repo", {}) if isinstance(head, dict) else {}
    base_repo = base.get("repo", {}) if isinstance(base, dict) else {}
    if isinstance(head, dict) and head_repo is None:
        return "a deleted fork"  # GitHub drops `head.repo` with the fork; its PR stays one
    name = head_repo.get("full_name") if isinstance(head_repo, dict) else None
    base_name = base_repo.get("full_name") if isinstance(base_repo, dict) else None
    if not isinstance(name, str):
        return None
    base_name = base_name if isinstance(base_name, str) else stored.repo
    return f"the fork {name}" if name.lower() != base_name.lower() else None


def _foreign_note(comments: Sequence[dict[str, Any]]) -> str:
    n = len(comments)
    who = ", ".join(sorted({author(c)[0] or "?" for c in comments}))
    return (
        f"{n} review comment{'s' if n != 1 else ''} on the PR start with a Deep Review marker "
        f"but this token did not write {'them' if n != 1 else 'it'} (by {who}): ignored"
    )


__all__ = ["ApiRequest", "PublishFailed", "PublishResult", "publish_review"]
