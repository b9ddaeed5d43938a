"""A pull request's unresolved review threads, from GitHub's GraphQL `reviewThreads`.

GitHub's answer is untrusted: validated here with pydantic, comment bodies clipped. Fetching
never fails a review: `fetch_threads` returns the threads, or a note saying why there are none
("unresolved threads not fetched: ..."), which the report shows under Review Process Notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from deepreview.errors import DeepReviewError, first_problem
from deepreview.feedback import FetchedThreads, ReviewThread, ThreadComment
from deepreview.github.client import GitHubClient
from deepreview.github.graphql import graphql

PAGE_SIZE: Final = 100
COMMENTS_PER_THREAD: Final = 20
MAX_PAGES: Final = 30  # 3,000 threads: beyond that a PR is not reviewed thread by thread
MAX_BODY_CHARS: Final = 4_000
NOT_FETCHED: Final = "unresolved threads not fetched"

QUERY: Final = f"""\
query reviewThreads($owner: String!, $name: String!, $number: Int!, $after: String) {{
  repository(owner: $owner, name: $name) {{
    pullRequest(number: $number) {{
      reviewThreads(first: {PAGE_SIZE}, after: $after) {{
        pageInfo {{ hasNextPage endCursor }}
        nodes {{
          isResolved
          isOutdated
          path
          line
          originalLine
          comments(first: {COMMENTS_PER_THREAD}) {{
            nodes {{ author {{ login }} body url createdAt }}
          }}
        }}
      }}
    }}
  }}
}}"""


@dataclass(frozen=True)
class RawThread:
    """One thread as GitHub described it, resolved or not (before references are given)."""

    resolved: bool
    outdated: bool
    path: str | None
    line: int | None
    original_line: int | None
    comments: tuple[ThreadComment, ...]


@dataclass(frozen=True)
class Page:
    threads: tuple[RawThread, ...]
    has_next: bool
    cursor: str | None


def parse_page(data: Any) -> Page:
    """One GraphQL answer's `data` -> its threads and where the next page starts.

    Raises `ValueError` for a document of another shape (no such PR included)."""
    # Only a PR review needs pydantic; every review imports this package before its first seat.
    from pydantic import BaseModel, ConfigDict, Field, ValidationError

    class _Author(BaseModel):
        model_config = ConfigDict(extra="ignore")
        login: str = ""

    class _Comment(BaseModel):
        model_config = ConfigDict(extra="ignore", populate_by_name=True)
        author: _Author | None = None  # a deleted account ("ghost") has no author
        body: str = ""
        url: str | None = None
        created_at: str = Field("", alias="createdAt")

    class _Comments(BaseModel):
        model_config = ConfigDict(extra="ignore")
        nodes: list[_Comment | None] = []

    class _Thread(BaseModel):
        model_config = ConfigDict(extra="ignore", populate_by_name=True)
        is_resolved: bool = Field(alias="isResolved")
        is_outdated: bool = Field(False, alias="isOutdated")
        path: str | None = None
        line: int | None = None
        original_line: int | None = Field(None, alias="originalLine")
        comments: _Comments = _Comments()

    class _PageInfo(BaseModel):
        model_config = ConfigDict(extra="ignore", populate_by_name=True)
        has_next: bool = Field(False, alias="hasNextPage")
        cursor: str | None = Field(None, alias="endCursor")

    class _Threads(BaseModel):
        model_config = ConfigDict(extra="ignore", populate_by_name=True)
        page_info: _PageInfo = Field(alias="pageInfo")
        nodes: list[_Thread | None] = []

    class _Pull(BaseModel):
        model_config = ConfigDict(extra="ignore", populate_by_name=True)
        threads: _Threads = Field(alias="reviewThreads")

    class _Repo(BaseModel):
        model_config = ConfigDict(extra="ignore", populate_by_name=True)
        pull: _Pull | None = Field(alias="pullRequest")

    class _Data(BaseModel):
        model_config = ConfigDict(extra="ignore")
        repository: _Repo | None

    try:
        doc = _Data.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"unexpected answer ({first_problem(exc, top='')})") from exc
    if doc.repository is None or doc.repository.pull is None:
        raise ValueError("GitHub found no such pull request")
    threads = doc.repository.pull.threads
    raw = tuple(
        RawThread(
            resolved=t.is_resolved,
            outdated=t.is_outdated,
            path=t.path,
            line=t.line,
            original_line=t.original_line,
            comments=tuple(
                ThreadComment(
                    author=c.author.login if c.author else "",
                    body=_clip(c.body),
                    url=c.url,
                    created_at=c.created_at,
                )
                for c in t.comments.nodes
                if c is not None
            ),
        )
        for t in threads.nodes
        if t is not None
    )
    info = threads.page_info
    return Page(raw, has_next=info.has_next and bool(info.cursor), cursor=info.cursor)


def _clip(body: str) -> str:
    return body if len(body) <= MAX_BODY_CHARS else body[:MAX_BODY_CHARS] + " [... truncated ...]"


def unresolved(threads: Iterable[RawThread]) -> tuple[ReviewThread, ...]:
    """The unresolved threads in GitHub's order, referenced `T1`, `T2`, ..."""
    kept = [t for t in threads if not t.resolved]
    return tuple(
        ReviewThread(
            ref=f"T{i}",
            path=t.path,
            line=t.line,
            original_line=t.original_line,
            outdated=t.outdated,
            comments=t.comments,
        )
        for i, t in enumerate(kept, start=1)
    )


def fetch_threads(
    client: GitHubClient, repo: str, number: int, *, timeout: float = 30.0
) -> FetchedThreads:
    """The PR's unresolved threads, or none and a note saying why (never raises for GitHub)."""
    owner, _, name = repo.partition("/")
    pages: list[Page] = []
    after: str | None = None
    try:
        for _ in range(MAX_PAGES):
            variables: dict[str, str | int] = {"owner": owner, "name": name, "number": number}
            if after is not None:
                variables["after"] = after
            what = f"the review threads of PR #{number}"
            data = graphql(client, QUERY, variables, what=what, timeout=timeout)
            page = parse_page(data)
            pages.append(page)
            if not page.has_next:
                break
            after = page.cursor
    except (DeepReviewError, ValueError) as exc:
        return FetchedThreads(note=f"{NOT_FETCHED}: {exc}")
    threads = unresolved(t for p in pages for t in p.threads)
    note = ""
    if pages and pages[-1].has_next:
        note = f"only the first {len(threads)} unresolved threads were fetched (of more)"
    return FetchedThreads(threads=threads, note=note)


__all__ = [
    "NOT_FETCHED",
    "QUERY",
    "Page",
    "RawThread",
    "fetch_threads",
    "parse_page",
    "unresolved",
]
