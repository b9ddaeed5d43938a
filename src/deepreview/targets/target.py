"""What is being reviewed, resolved to exact SHAs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from deepreview.runmodel import Commit
from deepreview.untrusted_text import clean_text


@dataclass(frozen=True)
class ChangedFile:
    path: str
    status: str  # A M D R C T (git name-status letter)
    old_path: str | None = None  # renames and copies
    binary: bool = False
    added: int = 0
    deleted: int = 0
    size: int | None = None  # bytes at the review SHA (None when deleted)
    submodule: bool = False
    # git's file modes ("100644", "100755", "120000" for a symlink); "" when not known
    old_mode: str = ""
    new_mode: str = ""
    # A text file the change's own `.gitattributes` mark `-diff`/`binary`: a plain `git diff`
    # calls it binary. The review's diffs ignore attributes (`targets.attributes`); this says
    # the change tried to hide it.
    hidden: bool = False
    # A text file git calls binary for its NUL bytes (`targets.nul_text`): the seats' diff shows
    # it as text, its NULs as `␀`.
    nul_text: bool = False


@dataclass(frozen=True)
class PullRequest:
    number: int
    title: str = ""
    author: str = ""
    author_url: str | None = None
    url: str | None = None
    base_ref: str = ""
    head_ref: str = ""
    body: str = ""
    repo: str | None = None  # owner/name


@dataclass(frozen=True)
class Target:
    kind: Literal["branch", "range", "uncommitted", "pr"]
    repo_root: Path
    base_sha: str
    head_sha: str  # the review SHA; for --uncommitted a synthetic commit holding the work tree
    commits: tuple[Commit, ...]
    changed_files: tuple[ChangedFile, ...]
    diff: str
    spec: str  # what the user asked for: "", "A..B", "#123", "--uncommitted"
    branch: str | None = None
    title: str = ""
    pr: PullRequest | None = None
    author: str | None = None  # "Name <email>" for branches
    repo_name: str = ""  # owner/name when known, else the directory name
    repo_url: str | None = None
    base_ref: str | None = None
    notes: tuple[str, ...] = field(default=())
    # A branch (or `A..B` of a branch) that is the head of an open PR, looked up on GitHub: the
    # review continues that PR's round series (`pipeline/pr_series.py`).
    series_pr: int | None = None
    # Which repository this is, as the store tells repositories apart (`targets.identity`);
    # "" in a run.json from before it was kept (the store then goes by `repo_name`).
    repo_key: str = ""
    # Keys this repository's earlier reviews in the store may have: the path of its git folder,
    # which was its key before it gained a GitHub `origin` (or a GH_REPO named it). Its rounds
    # and declines from then are of the same series.
    repo_aliases: tuple[str, ...] = ()
    # Where reviewer instructions and the repository config are read from, when not the base:
    # a range's or --uncommitted review's base off the default branch may be the change's own
    # commit (`targets.steering`); "" (every branch and PR review): the base revision.
    steering_sha: str = ""
    # B of `A..B` when it names a local branch (`main..topic`): the report's Branch row. Not
    # `branch`, which makes a review a round of that branch's series.
    range_branch: str = ""

    @property
    def steering_rev(self) -> str:
        return self.steering_sha or self.base_sha

    @property
    def changed_paths(self) -> tuple[str, ...]:
        return tuple(f.path for f in self.changed_files)

    @property
    def removed_paths(self) -> dict[str, str | None]:
        """The paths this change takes away: each deleted file (-> None) and each rename's
        source (-> its new path). Findings about them are about the change (removed code)."""
        removed: dict[str, str | None] = {}
        for f in self.changed_files:
            if f.status == "D":
                removed[f.path] = None
            elif f.status == "R" and f.old_path:
                removed[f.old_path] = f.path
        return removed

    @property
    def lineless_paths(self) -> frozenset[str]:
        """The changed files with no changed line at the review SHA for a review to read or
        cite: deletions, binary files (not those shown as text), submodules and renames with no
        edit. A seat that skips or does not name one missed nothing (`consolidate.coverage`);
        a model may still review what a deletion removes."""
        return frozenset(
            f.path
            for f in self.changed_files
            if f.status == "D"
            or f.binary
            or f.submodule
            or (f.status == "R" and f.added == 0 and f.deleted == 0)
        )

    def label(self) -> str:
        """What is reviewed, as the terminal and the store's index show it: a branch's name is
        the repository's text, and git allows the 8-bit CSI (U+009B) in one."""
        return clean_text(self._label())

    def _label(self) -> str:
        if self.pr is not None:
            return f"PR #{self.pr.number}"
        if self.kind == "range":
            return self.spec
        if self.kind == "uncommitted":
            return f"uncommitted changes on {self.branch or 'HEAD'}"
        return f"branch {self.branch}" if self.branch else self.head_sha[:12]


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
# A range side that reads as a name in an ID: a branch or tag, not `HEAD~1` or `@{u}`.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_HEX = re.compile(r"^[0-9a-f]{8,40}$")


def _range_slug(target: Target) -> str:
    """`main..topic` for named sides (SHAs shortened), else the head's short SHA."""
    dots = "..." if "..." in target.spec else ".."
    a, _, b = target.spec.partition(dots)
    sides = []
    for side in (a, b):
        # judged by its ASCII spelling, as `review_id` writes it: `feat/ünï/x` is a name
        if side == "HEAD" or not _NAME.match(_ascii(side)) or ".." in side:
            return target.head_sha[:7]
        sides.append(side[:7] if _HEX.match(side) else side)
    return dots.join(sides)


def review_id(
    target: Target, now: datetime, redact: Callable[[str], str] = lambda name: name
) -> str:
    """`<ts>-pr-<N>`, `<ts>-<branch>` (`/` → `-`), `<ts>-main..topic` or `<ts>-<short SHA>`.
    `redact` masks the secrets a branch name may hold (`Redactor.name`): the ID names the
    review's folder and files and is in every report, which hold no secret."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    if target.pr is not None:
        return f"{stamp}-pr-{target.pr.number}"
    if target.kind == "range":
        suffix = _range_slug(target)
    elif target.kind == "uncommitted":
        suffix = f"{target.branch or 'head'}-uncommitted"
    else:
        suffix = target.branch or target.head_sha[:7]  # the short SHA, as for a range
    # A name with no ASCII spelling (`修正/バグ`) leaves nothing: the commit names the review.
    slug = _SAFE.sub("-", _ascii(redact(suffix)).replace("/", "-"))[:80].strip("-.")
    return f"{stamp}-{slug or target.head_sha[:7]}"


def _ascii(text: str) -> str:
    """`ü` → `u`, `ß` → `ss`: a branch's letters survive in an ID made of ASCII (file names,
    URLs); what has no ASCII spelling is left out."""
    if text.isascii():
        return text
    import unicodedata  # only for such a name: not on every review's path to its first seat

    text = text.replace("ß", "ss").replace("ẞ", "SS")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
