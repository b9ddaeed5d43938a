"""The writes of one publication: sent to GitHub (or, on a dry run, only recorded), and the
inline review posted so that no refusal costs more than it must.

A 422 on the inline review is read for its cause (`refusal`): one that blames a comment's place
splits the batch in halves, so one bad line loses only itself; one that blames the review's
commit is raised (every comment would fail alike, and the caller has its own line for it); any
other (a field of no comment, words nobody foresaw) would refuse every half alike, so nothing
more is posted: the comments left are for the summary, with GitHub's words (`InlineOutcome`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from deepreview.errors import GitHubError
from deepreview.github.client import GitHubClient
from deepreview.github.graphql import graphql, graphql_url
from deepreview.model import Finding
from deepreview.publish.inline import Anchor, review_payload
from deepreview.publish.refusal import review_refusal


@dataclass(frozen=True)
class ApiRequest:
    method: str
    url: str
    body: dict[str, Any]


@dataclass(frozen=True)
class InlineOutcome:
    posted: tuple[str, ...] = ()  # finding IDs now inline comments
    rejected: tuple[str, ...] = ()  # refused for their line: in the summary, "not on the diff"
    refused: str | None = None  # GitHub's words when it refused the rest for no line's sake


class Sender:
    """Sends writes (or, on a dry run, only records them)."""

    def __init__(self, client: GitHubClient, dry_run: bool) -> None:
        self.client, self.dry_run = client, dry_run
        self.writes: list[ApiRequest] = []  # sent (GitHub took them), or would be sent
        self.posted: list[str] = []  # finding IDs now inline comments
        self.refused: str | None = None  # the write GitHub refused with 403, if one was
        # The summary comment once sent (or, on a dry run, once it would be): what a
        # publication that fails after it reports (`PublishFailed`).
        self.summary: Literal["created", "updated"] | None = None
        self.summary_url: str | None = None

    def send(self, method: str, path: str, body: dict[str, Any], what: str) -> Any:
        answer = None
        if not self.dry_run:
            try:
                answer = self.client.request(method, path, body=body, what=what)
            except GitHubError as exc:
                if exc.status == 403:  # it stops the publication: the last write sent
                    self.refused = what
                raise
        self.writes.append(ApiRequest(method, f"{self.client.api_url}/{path}", body))
        return answer

    def graphql(self, query: str, variables: dict[str, str | int], what: str) -> None:
        """A GraphQL mutation (raises `UsageError`, GraphQL's one line, when refused)."""
        if not self.dry_run:
            graphql(self.client, query, variables, what=what)
        body = {"query": query, "variables": dict(variables)}
        self.writes.append(ApiRequest("POST", graphql_url(self.client), body))

    def review(
        self,
        path: str,
        comments: Sequence[tuple[Finding, Anchor]],
        head_sha: str,
        summary_url: str | None,
        lead: str = "",
    ) -> InlineOutcome:
        """Post `comments` as one review (split on a refused line, see the module's doc).
        Raises any failure that is no 422, and a 422 that blames the commit. `lead`: who led
        the review (`credit.lead_name`), named where a comment credits the lead."""
        posted: list[str] = []
        rejected: list[str] = []
        refused: list[str] = []  # at most one: once refused, nothing more is posted

        def post(batch: Sequence[tuple[Finding, Anchor]]) -> None:
            if not batch or refused:
                return
            try:
                payload = review_payload(batch, head_sha, summary_url, lead)
                self.send("POST", path, payload, "the inline review")
            except GitHubError as exc:
                why = review_refusal(exc.detail) if exc.status == 422 else None
                if why is None or why == "commit":
                    raise
                if why == "other":
                    refused.append(exc.detail or "HTTP 422")
                elif len(batch) == 1:
                    rejected.append(batch[0][0].id)
                else:
                    mid = len(batch) // 2
                    post(batch[:mid])
                    post(batch[mid:])
                return
            posted.extend(f.id for f, _ in batch)
            self.posted.extend(f.id for f, _ in batch)

        post(comments)
        return InlineOutcome(tuple(posted), tuple(rejected), refused[0] if refused else None)


__all__ = ["ApiRequest", "InlineOutcome", "Sender"]
