"""The reviewed commit's PR diff as GitHub lists it, for a publication whose clone lacks the
PR's commits. GitHub's compare of two commits lists the first 300 files of their diff and no
more; a PR's own file list (`GET pulls/N/files`, a page of 100 at a time) goes to 3,000, but
only for the PR's head as it is now. A list cut short is said in a note, never silently: a
finding on a file past it could only go in the summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from deepreview.github.client import PER_PAGE
from deepreview.github.pulls import PullDocument
from deepreview.publish.inline import diff_lines_by_file
from deepreview.targets.target import Target

COMPARE_FILES: Final = 300  # the files GitHub's compare lists at most
PR_FILES: Final = 3000  # the files GitHub's `pulls/N/files` lists at most, over its pages


def github_diff_lines(
    pull: PullDocument, t: Target, paths: Sequence[str]
) -> tuple[dict[str, frozenset[int]], str | None]:
    """The commentable lines of the reviewed commit's PR diff, from GitHub, and a note when
    its list stopped short of a file in `paths` (the files the findings are on)."""
    client, repo, number = pull.client, pull.repo, pull.number
    data = client.get_json(
        f"repos/{repo}/compare/{t.base_sha}...{t.head_sha}",
        what=f"the diff of PR #{number} at {t.head_sha[:12]}",
    )
    files = _dicts(data.get("files") if isinstance(data, dict) else None)
    cap = COMPARE_FILES
    if len(files) >= COMPARE_FILES and _head_now(pull) == t.head_sha:
        # the reviewed commit is still the PR's head: the PR's own list goes further
        files = _dicts(
            client.get_pages(
                f"repos/{repo}/pulls/{number}/files",
                what=f"the files of PR #{number}",
                max_pages=PR_FILES // PER_PAGE,
            )
        )
        cap = PR_FILES
    lines = diff_lines_by_file(files)
    if len(files) < cap or all(p in lines for p in paths):
        return lines, None
    return lines, _cut_short(t, number, cap)


def _head_now(pull: PullDocument) -> str | None:
    head = pull.data.get("head")
    sha = head.get("sha") if isinstance(head, dict) else None
    return sha if isinstance(sha, str) else None


def _dicts(items: Any) -> list[dict[str, Any]]:
    return [f for f in items or [] if isinstance(f, dict)] if isinstance(items, list) else []


def _cut_short(t: Target, number: int, cap: int) -> str:
    listed = (
        f"GitHub lists only the first {cap} files of this PR"
        if cap == PR_FILES
        else f"GitHub's compare lists only the first {cap} files of the reviewed commit "
        f"{t.head_sha[:12]} (the PR has moved on since)"
    )
    return (
        f"{listed}: findings on files past them are in the summary, not inline; fetch the "
        f"PR's commits locally (`git fetch origin pull/{number}/head`) in the clone the review "
        f"ran in ({t.repo_root}) and publish again to place them all"
    )


__all__ = ["COMPARE_FILES", "PR_FILES", "github_diff_lines"]
