"""Where a publication's inline comments go, read from the local clone when it has the
commits, else from GitHub: the reviewed commit's diff lines and the head files re-anchoring
searches, planned (`inline.plan_inline`) against the comments earlier rounds posted."""

from __future__ import annotations

import base64
import binascii
import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from deepreview.errors import GitError, UsageError
from deepreview.github.client import GitHubClient
from deepreview.github.pulls import PullDocument
from deepreview.model import Finding
from deepreview.publish.github_diff import github_diff_lines
from deepreview.publish.inline import (
    InlinePlan,
    diff_lines_of,
    needs_head_file,
    plan_inline,
)
from deepreview.targets.attributes import blind_run
from deepreview.targets.build import shown_as_text
from deepreview.targets.git import Git
from deepreview.targets.nul_text import text_attributes
from deepreview.targets.pr_head import fetch_pr_head
from deepreview.targets.remote import remote_of
from deepreview.targets.target import Target


def inline_plan(
    pull: PullDocument,
    target: Target,
    findings: Sequence[Finding],
    posted: frozenset[str],
    earlier: Mapping[str, frozenset[str]] | None = None,
) -> InlinePlan:
    """Each finding placed on a line of the PR diff at the reviewed commit, unless `posted`
    (fingerprints of inline comments already on the PR) has it, or one it had in an earlier
    round (`earlier`, by finding ID)."""
    client, repo = pull.client, pull.repo
    paths = sorted({loc.path for f in findings for loc in f.locations})
    diff_lines, note = _reviewed_diff_lines(pull, target, paths)
    heads = _head_files(client, target, repo, findings, diff_lines)
    plan = plan_inline(findings, diff_lines, heads, posted, earlier)
    return dataclasses.replace(plan, notes=(note,)) if note else plan


def _reviewed_diff_lines(
    pull: PullDocument, t: Target, paths: Sequence[str]
) -> tuple[dict[str, frozenset[int]], str | None]:
    """The commentable lines of the PR diff at the reviewed commit. The review names that
    commit (`commit_id`) and GitHub places its comments on that commit's diff, not the PR's
    current one: a push since the review moves or drops lines. From the local clone when it has
    both commits (fetching the PR's head when it lost them), else from GitHub, whose lists stop
    at 300 or 3,000 files (`github_diff`: a note says so when a finding's file is past them)."""
    root = Path(t.repo_root)
    if root.is_dir():
        git = Git(root)
        if _has_commits(git, t) or (
            _fetched_head(git, pull.number, pull.repo, pull.client.env) and _has_commits(git, t)
        ):
            # The lines GitHub's PR diff shows, not what the user's `diff.context` /
            # `diff.interHunkContext` make `git diff` print: three lines of context around
            # each change, hunks kept apart (a line GitHub does not show is refused, 422).
            argv = ["diff", "--no-color", "--no-ext-diff", "-M", "-U3", "--inter-hunk-context=0"]
            argv += ["--src-prefix=a/", "--dst-prefix=b/", t.base_sha, t.head_sha]
            # Blind to `.gitattributes`, as the seats' diff was: with the PR checked out, its
            # `-diff` made a reviewed file "Binary files … differ", with no line to comment on.
            # A file shown to the seats as text for all its NUL bytes is text here too.
            try:
                with text_attributes(shown_as_text(t.changed_files)) as as_text:
                    out: bytes | None = blind_run(git, [*as_text, *argv], timeout=900)
            except GitError:
                out = None  # GitHub's compare below
            lines = diff_lines_of(out.decode("utf-8", "replace")) if out is not None else None
            if lines is not None:
                return lines, None
    return github_diff_lines(pull, t, paths)


def _has_commits(git: Git, t: Target) -> bool:
    return bool(git.rev(f"{t.base_sha}^{{commit}}") and git.rev(f"{t.head_sha}^{{commit}}"))


def _fetched_head(git: Git, number: int, repo: str, env: Mapping[str, str]) -> bool:
    """The PR's head fetched again (`refs/pull/N/head`) from the remote of its repository, as
    the review did: a clone that lost it (a `git gc` after its ref went) reads the whole diff
    itself, where GitHub would list the first 300 files of it. False when no remote gives it."""
    try:
        fetch_pr_head(git, number, repo, remote_of(git, repo, env))
    except (GitError, UsageError):
        return False
    return True


def _head_files(
    client: GitHubClient,
    t: Target,
    repo: str,
    findings: Sequence[Finding],
    diff_lines: Mapping[str, frozenset[int]],
) -> dict[str, str]:
    """Head texts of the files re-anchoring searches: from the local clone when it has the
    head commit, else from GitHub at the head SHA."""
    paths = sorted({p for f in findings if (p := needs_head_file(f, diff_lines)) is not None})
    if not paths:
        return {}
    sha = t.head_sha
    root = Path(t.repo_root)
    found: dict[str, str] = {}
    if root.is_dir() and Git(root).rev(f"{sha}^{{commit}}") is not None:
        found = Git(root).show_files(sha, paths)
    for path in paths:
        if path in found:
            continue
        # A file name is no URL: a space, `ü`, `#` or `?` in it are percent-encoded.
        data = client.get_json(
            f"repos/{repo}/contents/{quote(path, safe='/')}?ref={sha}",
            what=f"{path} at {sha[:12]}",
        )
        content = data.get("content") if isinstance(data, dict) else None
        if isinstance(content, str):
            try:
                found[path] = base64.b64decode(content).decode("utf-8", errors="replace")
            except (binascii.Error, ValueError):
                continue
    return found


__all__ = ["inline_plan"]
