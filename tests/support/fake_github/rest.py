"""The REST routes of the fake GitHub: pull requests, their files, commits, comments and
reviews, file contents and compares, each answered from and into the fake's state.

A review whose comments are not all on RIGHT-side lines of the PR diff at its `commit_id` is
refused with 422, as GitHub does (the whole review, not just the bad comment).
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from support.fake_github.reply import Answer, Reply, not_found
from support.fake_github.state import PullState, right_side_lines

if TYPE_CHECKING:
    from support.fake_github.server import FakeGitHub

_MAX_BODY = 65536  # as GitHub: one comment's limit
COMPARE_FILES = 300  # the files GitHub's compare lists at most
PR_FILES = 3000  # the files `GET pulls/N/files` lists at most, over all its pages


def route(
    fake: FakeGitHub, method: str, path: str, query: dict[str, list[str]], body: Any
) -> Reply:
    """The answer to a REST request (`path` without a trailing slash); `Answer` for errors."""
    m = re.fullmatch(r"/repos/([^/]+/[^/]+)/(.+)", path)
    if not m:
        raise not_found()
    repo, rest = m.group(1), m.group(2)
    if method == "GET" and rest.startswith("contents/"):
        ref = query.get("ref", [""])[0]
        # GitHub reads the path percent-decoded (`dir%20%C3%BC/a.py` is `dir ü/a.py`)
        text = fake.contents.get((repo, unquote(rest.removeprefix("contents/")), ref))
        if text is None:
            raise not_found()
        encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
        return Reply(200, {"type": "file", "encoding": "base64", "content": encoded})
    m = re.fullmatch(r"compare/([0-9a-f]+)\.\.\.([0-9a-f]+)", rest)
    if m and method == "GET":
        # The files of a PR head (the base is the PR's merge-base in every test).
        for other in fake.pulls.values():
            files = other.files_of(m.group(2)) if other.repo == repo else None
            if files is not None:
                # as GitHub: a compare lists the first 300 files of the diff, no more
                return Reply(200, {"status": "ahead", "files": files[:COMPARE_FILES]})
        raise not_found()
    m = re.fullmatch(r"issues/comments/(\d+)", rest)
    if m and method == "PATCH":
        return _patch_comment(fake, repo, int(m.group(1)), body or {})
    if method == "GET" and rest == "pulls":
        return _page(fake, path, _open_pulls(fake, repo, query), query)
    m = re.fullmatch(r"(pulls|issues)/(\d+)(?:/(.+))?", rest)
    if not m:
        raise not_found()
    pull = fake.pulls.get((repo, int(m.group(2))))
    if pull is None:
        raise not_found()
    kind, sub = m.group(1), m.group(3) or ""
    if method == "GET" and kind == "pulls" and sub == "":
        return Reply(200, pull.data)
    if method == "GET" and kind == "pulls" and sub == "commits":
        return _page(fake, path, [{"sha": sha} for sha in pull.commits()], query)
    if method == "GET" and kind == "pulls" and sub == "files":
        # as GitHub: the first 3,000 files of the PR, pages past them empty
        return _page(fake, path, pull.files[:PR_FILES], query)
    if method == "GET" and kind == "issues" and sub == "comments":
        return _page(fake, path, pull.issue_comments, query)
    if method == "POST" and kind == "issues" and sub == "comments":
        return Reply(201, _new_issue_comment(fake, pull, body or {}))
    if method == "GET" and kind == "pulls" and sub == "reviews":
        return _page(fake, path, pull.reviews, query)
    if method == "GET" and kind == "pulls" and sub == "comments":
        return _page(fake, path, pull.review_comments, query)
    if method == "POST" and kind == "pulls" and sub == "reviews":
        return Reply(200, _new_review(fake, pull, body or {}))
    if method == "POST" and kind == "pulls" and re.fullmatch(r"comments/\d+/replies", sub):
        return Reply(201, _reply(fake, pull, int(sub.split("/")[1]), body or {}))
    raise not_found()


def _page(fake: FakeGitHub, path: str, items: list[Any], query: dict[str, list[str]]) -> Reply:
    """One page of `items` (`per_page`, `page`), with a `Link: rel="next"` when more follow."""
    per_page = min(int(query.get("per_page", ["30"])[0]), 100)
    page = int(query.get("page", ["1"])[0])
    start = (page - 1) * per_page
    headers = {}
    if start + per_page < len(items):
        nxt = f"{fake.url}{path}?per_page={per_page}&page={page + 1}"
        headers["Link"] = f'<{nxt}>; rel="next"'
    return Reply(200, items[start : start + per_page], headers)


def _open_pulls(fake: FakeGitHub, repo: str, query: dict[str, list[str]]) -> list[Any]:
    """`GET repos/{repo}/pulls?head=owner:branch&state=open`: every PR here is open."""
    head = query.get("head", [""])[0]
    owner = repo.split("/", 1)[0]
    return [
        p.data
        for (r, _), p in sorted(fake.pulls.items())
        if r == repo and (not head or head == f"{owner}:{p.data['head']['ref']}")
    ]


def _user(fake: FakeGitHub) -> dict[str, Any]:
    return {"login": fake.login, "type": "Bot"}


def _text(body: dict[str, Any]) -> str:
    """A comment's `body`, refused with GitHub's 422 when missing or too long."""
    text = body.get("body")
    if not isinstance(text, str) or not text:
        raise Answer(422, {"message": "Validation Failed: body is missing"})
    if len(text) > _MAX_BODY:
        raise Answer(422, {"message": "Validation Failed: body is too long"})
    return text


def _new_issue_comment(fake: FakeGitHub, pull: PullState, body: dict[str, Any]) -> dict[str, Any]:
    text = _text(body)
    cid = fake.next_id()
    comment = {
        "id": cid,
        "body": text,
        "user": _user(fake),
        "html_url": f"https://github.com/{pull.repo}/pull/{pull.number}#issuecomment-{cid}",
    }
    pull.issue_comments.append(comment)
    return comment


def _patch_comment(fake: FakeGitHub, repo: str, cid: int, body: dict[str, Any]) -> Reply:
    text = body.get("body")
    if not isinstance(text, str) or not text or len(text) > _MAX_BODY:
        raise Answer(422, {"message": "Validation Failed: body"})
    for pull in fake.pulls.values():
        if pull.repo != repo:
            continue
        for comment in pull.issue_comments:
            if comment["id"] == cid:
                comment["body"] = text
                return Reply(200, comment)
    raise not_found()


def _new_review(fake: FakeGitHub, pull: PullState, body: dict[str, Any]) -> dict[str, Any]:
    comments = body.get("comments") or []
    sha = body.get("commit_id") or pull.data["head"]["sha"]
    files = pull.files_of(sha)
    if files is None:
        # GitHub's words: a commit it knows but the PR lost, or one it never saw.
        said = (
            "The commitOID is not part of the pull request"
            if sha in pull.forgotten
            else f"No commit found for SHA: {sha}"
        )
        raise Answer(422, {"message": "Unprocessable Entity", "errors": [said]})
    diff_lines = {f["filename"]: right_side_lines(f.get("patch") or "") for f in files}
    for c in comments:
        if not isinstance(c, dict) or not isinstance(c.get("body"), str):
            raise Answer(422, {"message": "Validation Failed: comment body"})
        if len(c["body"]) > _MAX_BODY:
            raise Answer(422, {"message": "Validation Failed: body is too long"})
        if c.get("side", "RIGHT") != "RIGHT" or c.get("line") not in diff_lines.get(
            c.get("path"), set()
        ):
            raise Answer(
                422,
                {
                    "message": "Unprocessable Entity",
                    "errors": ["Pull request review thread line must be part of the diff"],
                },
            )
    if body.get("event", "COMMENT") not in ("COMMENT", "APPROVE", "REQUEST_CHANGES"):
        raise Answer(422, {"message": "Validation Failed: event"})
    rid = fake.next_id()
    review = {
        "id": rid,
        "body": body.get("body") or "",
        "state": "COMMENTED",
        "commit_id": body.get("commit_id") or pull.data["head"]["sha"],
        "user": _user(fake),
    }
    pull.reviews.append(review)
    for c in comments:
        pull.review_comments.append(
            {
                "id": fake.next_id(),
                "pull_request_review_id": rid,
                "path": c["path"],
                "line": c["line"],
                "side": c.get("side", "RIGHT"),
                "body": c["body"],
                "commit_id": review["commit_id"],
                "user": _user(fake),
            }
        )
    return review


def _reply(fake: FakeGitHub, pull: PullState, cid: int, body: dict[str, Any]) -> dict[str, Any]:
    parent = next((c for c in pull.review_comments if c["id"] == cid), None)
    if parent is None:
        raise not_found()
    text = _text(body)
    reply = {
        **{k: parent[k] for k in ("pull_request_review_id", "path", "line", "side")},
        "id": fake.next_id(),
        "in_reply_to_id": cid,
        "body": text,
        "commit_id": parent["commit_id"],
        "user": _user(fake),
    }
    pull.review_comments.append(reply)
    return reply
