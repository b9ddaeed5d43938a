"""A branch review whose branch is the head of an open PR continues the PR's round series
(`pr:<N>`, header `Round | 3 (of PR #711)`), even when the store has no review of the PR yet.

The PR is looked up on GitHub (`github.branch_pr`) in a thread started once the seats are on
their way (it must not delay the first one) and joined after them: the seats' prompt does not
need it (stored reviews of the PR carry its head branch, so the previous round is found through
the branch either way), only the report's header, round info and index row do. An `A..B`
review of branch B has no branch series to fall back on, so it asks before its prompt is built.
Nothing is asked without a GitHub repository, a branch, and a token or a `gh` on PATH; any
failure only means the branch's own series (a debug log line says why).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from deepreview import proc
from deepreview.errors import DeepReviewError
from deepreview.github.remote import gh_repo
from deepreview.late_imports import LATE_IMPORTS
from deepreview.pipeline.context import Prepared, StateWriter
from deepreview.targets.git import Git
from deepreview.targets.target import Target

if TYPE_CHECKING:
    from deepreview.github.client import GitHubClient

_LOGGER: Final = logging.getLogger(__name__)
# The GitHub client (urllib, ssl) is imported only when there is someone to ask: every other
# review would import it before its first seat for nothing. `github.branch_pr` bounds a lookup
# by this many seconds; we wait a little longer for its thread.
_JOIN_S: Final = 6.0


def lookup_branch(target: Target, *, ranges: bool) -> str | None:
    """The branch whose open PR this review would join: the reviewed branch, or (with
    `ranges`) B of `A..B` when B is a local branch; None when the review has its series."""
    if target.pr is not None or target.series_pr is not None:
        return None
    if target.kind == "branch":
        return target.branch
    if target.kind == "range" and ranges:
        dots = "..." if "..." in target.spec else ".."
        head = target.spec.partition(dots)[2]
        if head and head != "HEAD" and Git(target.repo_root).is_branch(head):
            return head
    return None


class PrLookup:
    """One lookup, running in a daemon thread from construction on."""

    def __init__(self, client: GitHubClient, repo: str, branch: str) -> None:
        self.repo, self.branch = repo, branch
        self._number: int | None = None
        self._cancel = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(client,), name="pr-lookup", daemon=True
        )
        self._thread.start()

    def _run(self, client: GitHubClient) -> None:
        with LATE_IMPORTS:
            from deepreview.github.branch_pr import open_pr_for_branch

        try:
            found = open_pr_for_branch(client, self.repo, self.branch, cancel=self._cancel)
        except DeepReviewError as exc:
            _LOGGER.debug("no PR lookup for %s: %s", self.branch, exc.message)
            return
        except Exception:  # only ever an optional nicety: never fail the review
            _LOGGER.debug("PR lookup for %s failed", self.branch, exc_info=True)
            return
        _LOGGER.debug("open PR of %s in %s: %s", self.branch, self.repo, found)
        self._number = found.number if found else None

    def cancel(self) -> None:
        """Stop asking (Ctrl-C): a running `gh` is killed, an HTTPS request times out."""
        self._cancel.set()

    def number(self) -> int | None:
        """The PR's number, waiting at most a little longer than the lookup's own timeout."""
        # Cancelled, a killed `gh` ends at once; an HTTPS request is not worth waiting for.
        self._thread.join(1.0 if self._cancel.is_set() else _JOIN_S)
        return self._number


def start(target: Target, env: Mapping[str, str], *, ranges: bool = False) -> PrLookup | None:
    """Start looking the PR up, when there is anything to look up and anyone to ask."""
    branch = lookup_branch(target, ranges=ranges)
    named = gh_repo(env)
    repo = named.name if named else (target.repo_name if target.repo_url else None)
    if not branch or not repo:
        return None
    if not (env.get("GITHUB_TOKEN") or env.get("GH_TOKEN") or proc.which("gh", env)):
        _LOGGER.debug("no PR lookup for %s: no gh and no GITHUB_TOKEN", branch)
        return None
    from deepreview.github.client import GitHubClient

    return PrLookup(GitHubClient(env, target.repo_root), repo, branch)


def joined(p: Prepared, lookup: PrLookup | None, writer: StateWriter | None = None) -> Prepared:
    """`p` (and run.json) in the PR's series, once the lookup found one."""
    number = lookup.number() if lookup is not None else None
    if number is None:
        return p
    if writer is not None:
        writer.update(
            lambda s: dataclasses.replace(s, target=dataclasses.replace(s.target, series_pr=number))
        )
    return dataclasses.replace(p, target=dataclasses.replace(p.target, series_pr=number))


def for_range(p: Prepared) -> Prepared:
    """An `A..B` review of branch B asks before its prompt is built (its previous round is
    found only through the PR's series); every other review asks while its seats run."""
    if p.target.kind != "range":
        return p
    return joined(p, start(p.target, p.env, ranges=True))
