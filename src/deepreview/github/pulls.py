"""Pull request metadata. Its title and body are untrusted: validated here, later fenced as
data in every prompt."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from deepreview.errors import GitHubError, UsageError
from deepreview.github.client import GitHubClient


@dataclass(frozen=True)
class PrInfo:
    title: str
    author: str
    author_url: str | None
    url: str | None
    base_ref: str
    head_ref: str
    head_sha: str | None
    body: str
    # The base tip GitHub compares the PR with (it follows the base branch, and a rebase onto
    # it): newer than a clone's stale `origin/<base>`.
    base_sha: str | None = None


def parse_pull(data: Any, number: int) -> PrInfo:
    # Only a PR review needs pydantic; every review imports this module before its first seat.
    from pydantic import BaseModel, ConfigDict, ValidationError

    class _User(BaseModel):
        model_config = ConfigDict(extra="ignore")
        login: str = ""
        html_url: str | None = None

    class _Ref(BaseModel):
        model_config = ConfigDict(extra="ignore")
        ref: str
        sha: str | None = None

    class _Pull(BaseModel):
        model_config = ConfigDict(extra="ignore")
        title: str = ""
        html_url: str | None = None
        body: str | None = None
        user: _User = _User()
        base: _Ref
        head: _Ref

    try:
        pull = _Pull.model_validate(data)
    except ValidationError as exc:
        raise UsageError(
            f"GitHub answered an unexpected document for PR #{number}: {exc.errors()[0]['msg']}"
        ) from exc
    return PrInfo(
        title=pull.title,
        author=pull.user.login,
        author_url=pull.user.html_url,
        url=pull.html_url,
        base_ref=pull.base.ref,
        head_ref=pull.head.ref,
        head_sha=pull.head.sha,
        body=pull.body or "",
        base_sha=pull.base.sha,
    )


class PullDocument:
    """A PR as GitHub answers `GET repos/R/pulls/N`, asked when first wanted and then kept: a
    publication reads from the one answer whether the PR is open, its head now and the fork it
    comes from. A failed ask is not kept (the next one asks again)."""

    def __init__(self, client: GitHubClient, repo: str, number: int) -> None:
        self.client, self.repo, self.number = client, repo, number

    @functools.cached_property
    def data(self) -> dict[str, Any]:
        answer = self.client.get_json(
            f"repos/{self.repo}/pulls/{self.number}", what=f"PR #{self.number}"
        )
        return answer if isinstance(answer, dict) else {}


def fetch_pr(client: GitHubClient, repo: str, number: int) -> PrInfo:
    missing = f"PR #{number} not found in {repo}"
    try:
        data = client.get_json(
            f"repos/{repo}/pulls/{number}",
            what=f"PR #{number}",
            not_found=f"{missing}; check the number",
        )
    except GitHubError as exc:
        # GitHub answers 404, not 401, to a stranger asking of a private repository: asked
        # without credentials, the number may be right and the token what is missing.
        if exc.status != 404 or client.has_credentials():
            raise
        raise GitHubError(
            f"{missing}; if {repo} is private, set GITHUB_TOKEN (or run `gh auth login`), "
            "else check the number",
            status=404,
            detail=exc.detail,
        ) from exc
    return parse_pull(data, number)


__all__ = ["PrInfo", "PullDocument", "fetch_pr", "parse_pull"]
