"""Publish a stored review on its pull request: the one module of `publish` that does I/O.

It reads the review from the store (never changes it), reads what the PR already holds (our
sticky comment, our inline comments by fingerprint, the PR's files), then sends at most one
review of inline comments and one summary comment (created, or PATCHed when a round before
left one). With `dry_run` it reads the same but sends nothing and returns the writes it would
have sent.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from deepreview.errors import GitHubError, PublishError, StoreError, UsageError
from deepreview.formats import renderer
from deepreview.github.client import GitHubClient
from deepreview.github.viewer import viewer_login
from deepreview.model import Finding, Report
from deepreview.pipeline.runstate import RunState, load_state
from deepreview.publish.inline import (
    Anchor,
    diff_lines_by_file,
    needs_head_file,
    plan_inline,
    review_payload,
)
from deepreview.publish.safe import is_summary, marker_fingerprint
from deepreview.publish.summary import SummaryInput, adopted, author, summary_body
from deepreview.serialize import report_from_data
from deepreview.store.store import Store
from deepreview.targets.git import Git


@dataclass(frozen=True)
class ApiRequest:
    method: str
    url: str
    body: dict[str, Any]


@dataclass(frozen=True)
class PublishResult:
    review_id: str
    repo: str
    pr_number: int
    dry_run: bool
    writes: tuple[ApiRequest, ...]  # sent, or (dry run) what would be sent
    summary: Literal["created", "updated"]
    summary_url: str | None
    inline_posted: tuple[str, ...] = ()  # finding IDs now inline comments
    inline_already: tuple[str, ...] = ()  # inline from an earlier round (same fingerprint)
    unanchored: tuple[str, ...] = ()  # asked for inline, no diff line: in the summary instead
    not_adopted: tuple[str, ...] = ()  # authors of marker comments the token did not write


@dataclass(frozen=True)
class _Stored:
    state: RunState
    report: Report
    repo: str
    number: int


def _load(store: Store, review_id: str) -> _Stored:
    state = load_state(store.review_dir(review_id))
    pr = state.target.pr
    if pr is None:
        raise UsageError(
            f"publish needs a PR review, and {review_id} reviewed "
            f"{state.target.kind} {state.target.branch or state.target.spec or ''}".rstrip()
            + "; run `deep-review review 123` (the PR's number) to review the pull request"
        )
    repo = pr.repo or (state.target.repo_name if "/" in state.target.repo_name else None)
    if repo is None:
        raise UsageError(
            f"review {review_id} does not know the PR's repository; set GH_REPO=owner/name "
            "and review the PR again"
        )
    path = store.root / renderer("json").file_name(review_id)
    if not path.exists():
        raise UsageError(
            f"review {review_id} has no report yet (status: {state.status}); "
            f"finish it with `deep-review resume {review_id}`"
        )
    try:
        report = report_from_data(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc
    return _Stored(state, report, repo, pr.number)


def _head_files(
    client: GitHubClient,
    stored: _Stored,
    findings: Sequence[Finding],
    diff_lines: Mapping[str, frozenset[int]],
) -> dict[str, str]:
    """Head texts of the files re-anchoring searches: from the local clone when it has the
    head commit, else from GitHub at the head SHA."""
    paths = sorted({p for f in findings if (p := needs_head_file(f, diff_lines)) is not None})
    if not paths:
        return {}
    sha = stored.state.target.head_sha
    root = Path(stored.state.target.repo_root)
    found: dict[str, str] = {}
    if root.is_dir() and Git(root).rev(f"{sha}^{{commit}}") is not None:
        found = Git(root).show_files(sha, paths)
    for path in paths:
        if path in found:
            continue
        data = client.get_json(
            f"repos/{stored.repo}/contents/{path}?ref={sha}", what=f"{path} at {sha[:12]}"
        )
        content = data.get("content") if isinstance(data, dict) else None
        if isinstance(content, str):
            try:
                found[path] = base64.b64decode(content).decode("utf-8", errors="replace")
            except (binascii.Error, ValueError):
                continue
    return found


class _Sender:
    """Sends writes (or, on a dry run, only records them)."""

    def __init__(self, client: GitHubClient, dry_run: bool) -> None:
        self.client, self.dry_run = client, dry_run
        self.writes: list[ApiRequest] = []

    def send(self, method: str, path: str, body: dict[str, Any], what: str) -> Any:
        self.writes.append(ApiRequest(method, f"{self.client.api_url}/{path}", body))
        if self.dry_run:
            return None
        return self.client.request(method, path, body=body, what=what)

    def review(
        self, path: str, comments: Sequence[tuple[Finding, Anchor]], head_sha: str
    ) -> tuple[list[str], list[str]]:
        """Post `comments` as one review; on a 422 (some line GitHub will not take) split the
        batch in halves and retry, so one bad line loses only itself. (posted, rejected) IDs."""
        if not comments:
            return [], []
        try:
            self.send("POST", path, review_payload(comments, head_sha), "the inline review")
        except GitHubError as exc:
            if exc.status != 422:
                raise
            self.writes.pop()
            if len(comments) == 1:
                return [], [comments[0][0].id]
            mid = len(comments) // 2
            a_ok, a_bad = self.review(path, comments[:mid], head_sha)
            b_ok, b_bad = self.review(path, comments[mid:], head_sha)
            return a_ok + b_ok, a_bad + b_bad
        return [f.id for f, _ in comments], []


def publish_review(
    store: Store,
    review_id: str,
    *,
    env: Mapping[str, str],
    cwd: Path,
    inline: bool = False,
    dry_run: bool = False,
    report_url: str | None = None,
) -> PublishResult:
    """Publish stored review `review_id` on its PR. `report_url` is a template (`{id}`)."""
    stored = _load(store, review_id)
    try:
        return _publish(stored, review_id, env, cwd, inline, dry_run, report_url)
    except GitHubError as exc:
        raise PublishError(
            f"{exc.message}. The review is stored unchanged; publish it again with "
            f"`deep-review publish {review_id}`"
        ) from exc


def _publish(
    stored: _Stored,
    review_id: str,
    env: Mapping[str, str],
    cwd: Path,
    inline: bool,
    dry_run: bool,
    report_url: str | None,
) -> PublishResult:
    root = Path(stored.state.target.repo_root)
    client = GitHubClient(env=env, cwd=root if root.is_dir() else cwd)
    pr_path = f"repos/{stored.repo}/pulls/{stored.number}"
    issue_path = f"repos/{stored.repo}/issues/{stored.number}"
    sender = _Sender(client, dry_run)
    existing = client.get_pages(
        f"{issue_path}/comments", what=f"the comments of PR #{stored.number}"
    )
    marked = [c for c in existing if isinstance(c, dict) and is_summary(str(c.get("body") or ""))]
    # Only a comment this token wrote is ours to edit; who it is matters only when one is marked.
    ours, others = adopted(marked, viewer_login(client) if marked else None)

    posted: list[str] = []
    moved: dict[str, str] = {}
    already: list[str] = []
    unanchored: list[str] = []
    if inline:
        files = client.get_pages(f"{pr_path}/files", what=f"the files of PR #{stored.number}")
        diff_lines = diff_lines_by_file([f for f in files if isinstance(f, dict)])
        earlier = client.get_pages(
            f"{pr_path}/comments", what=f"the review comments of PR #{stored.number}"
        )
        fingerprints = frozenset(
            fp
            for c in earlier
            if isinstance(c, dict) and (fp := marker_fingerprint(str(c.get("body") or "")))
        )
        findings = stored.report.findings
        heads = _head_files(client, stored, findings, diff_lines)
        plan = plan_inline(findings, diff_lines, heads, fingerprints)
        already = [f.id for f in plan.already]
        unanchored = [f.id for f in plan.unanchored]
        moved = {
            f.id: f"{a.path}:{a.line}"
            for f, a in plan.comments
            if a.moved_from is not None and a.moved_from != a.line
        }
        posted, rejected = sender.review(
            f"{pr_path}/reviews", plan.comments, stored.state.target.head_sha
        )
        unanchored += rejected

    url = report_url.replace("{id}", review_id) if report_url else None
    body = summary_body(
        SummaryInput(
            report=stored.report,
            inline_ids=frozenset(posted + already),
            moved={fid: at for fid, at in moved.items() if fid in posted},
            unanchored_ids=frozenset(unanchored),
            report_url=url,
            review_id=review_id,
        )
    )
    if ours:
        cid = ours[0].get("id")
        answer = sender.send(
            "PATCH",
            f"repos/{stored.repo}/issues/comments/{cid}",
            {"body": body},
            "the summary comment",
        )
        action: Literal["created", "updated"] = "updated"
        summary_url = ours[0].get("html_url")
    else:
        answer = sender.send(
            "POST", f"{issue_path}/comments", {"body": body}, "the summary comment"
        )
        action = "created"
        summary_url = None
    if isinstance(answer, dict) and isinstance(answer.get("html_url"), str):
        summary_url = answer["html_url"]
    return PublishResult(
        review_id=review_id,
        repo=stored.repo,
        pr_number=stored.number,
        dry_run=dry_run,
        writes=tuple(sender.writes),
        summary=action,
        summary_url=summary_url if isinstance(summary_url, str) else None,
        inline_posted=tuple(posted),
        inline_already=tuple(already),
        unanchored=tuple(unanchored),
        not_adopted=tuple(author(c)[0] or "?" for c in others),
    )


__all__ = ["ApiRequest", "PublishResult", "publish_review"]
