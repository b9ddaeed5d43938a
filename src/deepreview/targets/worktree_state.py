"""What a review with nothing to review says instead (another branch, the last commit, the
work tree's edits), and the work tree's own state: its uncommitted edits, and the folders
deep-review wrote inside the checkout, which are never the user's change."""

from __future__ import annotations

import re
from pathlib import Path

from deepreview.runfiles import SEAT_RESULT_JSON, STORE_MARK
from deepreview.targets.git import Git
from deepreview.targets.refs import require_full_history
from deepreview.targets.target import Target


def elsewhere(git: Git, target: Target, spec: str) -> str:
    """What a branch review with nothing to review offers instead. On the base branch itself
    (`main` against `main`: where a new user starts), its last commit; in a repository of one
    commit, nothing: that commit has no parent to review it against."""
    if target.head_sha == target.base_sha and not git.ok(
        "rev-parse", "--verify", "--quiet", f"{target.head_sha}^"
    ):
        # a `--depth 1` clone's tip has a parent, only not fetched: no "only commit" then
        require_full_history(git, f"nothing to review on {target.branch or 'HEAD'} itself")
        base = target.base_ref or ""
        ahead = branch_ahead(git, target.head_sha, base)
        alone = f"{target.branch or 'HEAD'} is one commit with no parent to review it against"
        if ahead is not None:
            return f"{alone}; `deep-review review {ahead}` reviews that branch's changes"
        if base and git.rev(base) not in (None, target.head_sha):
            return f"{alone}; commit a change on it first"  # its base went on: not the only one
        return (
            f"{target.branch or 'HEAD'} holds the repository's only commit, which has no parent "
            "to review it against; commit the next change and review that"
        )
    base, branch = target.base_ref or "", target.branch or ""
    if branch and base in (branch, f"origin/{branch}") and is_checkout(git, spec):
        return "`deep-review review HEAD~1..HEAD` reviews its last commit; or --base REF"
    if branch and target.head_sha == target.base_sha:
        # a branch just made from its base (`git checkout -b fresh`): nothing committed yet
        ahead = branch_ahead(git, target.head_sha, base)
        if ahead is not None:
            return (
                f"commit a change on {branch} first, or `deep-review review {ahead}` reviews "
                "that branch's changes"
            )
    return "pick another target or --base REF"


def branch_ahead(git: Git, head_sha: str, base: str = "") -> str | None:
    """The local branch committed to last of those whose tip `head_sha` does not hold: on a
    root commit the repository's other work, no "only commit" (None: there is none). The
    base branch is none of them: reviewed against itself, it has nothing either."""
    found = git.run(
        ["for-each-ref", "--sort=-committerdate", "--format=%(refname:short)",
         "--no-merged", head_sha, "refs/heads"],
        check=False,
    )  # fmt: skip
    names = found.stdout_text.split("\n") if found.ok else []
    # a name a code span or a shell would garble is not offered
    skip = {base, base.removeprefix("origin/")}
    return next((n for n in names if n and n not in skip and not set(n) & set("`'\" \t$")), None)


def other_range(git: Git, target: Target) -> str:
    """What an empty range offers instead: `HEAD..HEAD` (both sides one commit) is a slip for
    the range of its last commit, when it has a parent; anything else, another target."""
    sides = re.fullmatch(r"(.+?)\.{2,3}(.+)", target.spec)
    same = target.kind == "range" and target.base_sha == target.head_sha
    if not same and sides is not None:
        return _changes_nothing(git, target, sides[2])
    if not same or sides is None or git.rev(f"{target.head_sha}~1") is None:
        return "pick another target"
    head = sides[2]
    return f"both sides are commit {target.head_sha[:12]}; {head}~1..{head} reviews its last commit"


def _changes_nothing(git: Git, target: Target, head: str) -> str:
    """Why a range with commits in it has nothing to review: they change no file (a CI
    trigger's `git commit --allow-empty`, or a change and its revert), said so the range does
    not read as mistyped; one empty commit offers the commit before it."""
    found = git.run(["rev-list", "--count", f"{target.base_sha}..{target.head_sha}"], check=False)
    count = int(found.stdout_text.strip() or 0) if found.ok else 0
    if count == 1:
        said = "its 1 commit changes no file (an empty commit, as `git commit --allow-empty` makes)"
        before = git.rev(f"{target.head_sha}~2")
        if before is not None and git.rev(f"{target.head_sha}~1") == target.base_sha:
            return f"{said}; `deep-review review {head}~2..{head}~1` reviews the commit before it"
        return f"{said}; pick another target"
    if count > 1:
        return (
            f"its {count} commits change no file together (empty commits, or changes undone "
            "by later ones); pick another target"
        )
    return "pick another target"


def is_checkout(git: Git, spec: str) -> bool:
    """Whether the review reads the checked-out branch (no target, or its own name)."""
    if not spec:
        return True
    current = git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], check=False).stdout_text
    return current.strip() == spec


def work_tree_edits(git: Git) -> str:
    """`2 uncommitted changes (1 modified, 1 untracked)`, or "" for a clean work tree."""
    argv = ["status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=normal"]
    argv += ["--", ".", *leave_out_ours(git)]
    entries = [e for e in git.run(argv, check=False).stdout_text.split("\0") if len(e) > 3]
    if not entries:
        return ""
    counts: dict[str, int] = {}
    for entry in entries:
        code = entry[:2]
        word = (
            "untracked"
            if code == "??"
            else "deleted"
            if "D" in code
            else "added"
            if "A" in code
            else "modified"
        )
        counts[word] = counts.get(word, 0) + 1
    kinds = ", ".join(
        f"{counts[w]} {w}" for w in ("modified", "added", "deleted", "untracked") if w in counts
    )
    noun = "change" if len(entries) == 1 else "changes"
    return f"{len(entries)} uncommitted {noun} ({kinds})"


def leave_out_ours(git: Git) -> list[str]:
    """Pathspecs that leave out the folders deep-review wrote inside the checkout: a review
    store (`--store reviews`, a config's `store`) and a `--seat-only` result folder, each
    known by the file that marks it. They are never the user's change: an `--uncommitted`
    review would review earlier reviews' prompts and transcripts (and write them into
    `.git/objects`), growing with each review, and never say "nothing to review"."""
    marks = [f":(glob)**/{name}" for name in (STORE_MARK, SEAT_RESULT_JSON)]
    argv = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *marks]
    listed = git.run(argv, check=False).stdout_text.split("\0")
    folders = {str(Path(path).parent) for path in listed if path}
    # a mark at the top would make the checkout itself the store: nothing is left out then
    return [f":(exclude,literal){folder}" for folder in sorted(folders - {"."})]


__all__ = [
    "branch_ahead",
    "elsewhere",
    "is_checkout",
    "leave_out_ours",
    "other_range",
    "work_tree_edits",
]
