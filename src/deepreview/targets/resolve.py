"""Turn what the user typed (`A..B`, `#123`, a branch name, nothing, `--uncommitted`) into a
`Target`."""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deepreview.errors import DeepReviewError, GitError, NoBranchHereError, UsageError
from deepreview.github.actions import in_actions
from deepreview.github.remote import (
    DEFAULT_HOST,
    RemoteRepo,
    gh_repo,
    github_hosts,
    url_host,
)
from deepreview.targets.build import build_target, hidden_note, nul_note
from deepreview.targets.default_base import base_and_tip, default_base_if_any
from deepreview.targets.git import Git
from deepreview.targets.identity import github_identity, repo_aliases
from deepreview.targets.pull import pull_request
from deepreview.targets.refs import (
    ambiguity_note,
    branch_and_tag_note,
    branch_over_tag,
    detached_head,
    need,
    not_a_target,
    range_side,
    require_commits,
    require_full_history,
)
from deepreview.targets.remote import github_remote
from deepreview.targets.steering import off_default_branch
from deepreview.targets.target import Target
from deepreview.targets.worktree_state import (
    elsewhere,
    is_checkout,
    leave_out_ours,
    other_range,
    work_tree_edits,
)

_PR_URL = re.compile(
    r"^https?://(?P<host>[^/]+)/(?P<repo>[^/]+/[^/]+)/pull/(?P<num>\d+)(?:[/?#].*)?$"
)
_PR_NUM = re.compile(r"^#?(?P<num>\d+)$")
# `owner/name#123`, as GitHub writes a reference to a PR of another repository
_PR_REF = re.compile(r"^(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?P<num>\d+)$")
_RANGE = re.compile(r"^(?P<a>[^.\s][^\s]*?)(?P<dots>\.\.\.?)(?P<b>[^\s]+)$")
# `..topic`, `main..`: a range with a side left empty, which git reads as HEAD
_OPEN_RANGE = re.compile(r"^(?P<a>[^.\s][^\s]*?)?(?P<dots>\.\.\.?)(?P<b>[^.\s][^\s]*)?$")
_SYNTHETIC_IDENT = {
    "GIT_AUTHOR_NAME": "deep-review",
    "GIT_AUTHOR_EMAIL": "deep-review@localhost",
    "GIT_COMMITTER_NAME": "deep-review",
    "GIT_COMMITTER_EMAIL": "deep-review@localhost",
}


def resolve_target(
    repo_root: Path,
    spec: str | None,
    *,
    base: str | None = None,
    uncommitted: bool = False,
    env: Mapping[str, str] | None = None,
    exact_range: bool = False,
) -> Target:
    git = Git(repo_root)
    env = dict(os.environ if env is None else env)
    spec = (spec or "").strip()
    head = require_commits(git, needs_head=uncommitted or not spec)
    if exact_range and not (_RANGE.match(spec) and "..." not in spec):
        raise UsageError("--exact-range applies to an A..B target only; drop it or give A..B")
    pr, named_branch = _pr_or_branch(git, spec, uncommitted, env)
    _check_base(spec, base, uncommitted, named_branch)
    asked = _Asked(spec, base, head, pr, named_branch, uncommitted, exact_range)
    target = _reviewed(git, repo_root, asked, env)
    target = _with_repository(git, _with_change_notes(git, target), env)
    # A review of the checked-out branch reads its commits only: edits not yet committed are
    # left out, and with nothing committed "no changes" would not say where the work is.
    edits = work_tree_edits(git) if target.kind == "branch" and is_checkout(git, spec) else ""
    target = _with_work_tree_note(target, edits)
    _require_changes(git, target, spec, edits)
    return target


@dataclasses.dataclass(frozen=True)
class _Asked:
    """What the user asked to review, read from the command line."""

    spec: str
    base: str | None
    head: str | None
    pr: re.Match[str] | None  # `#123`, `owner/name#123` or a PR URL
    named_branch: str | None  # a local branch by name
    uncommitted: bool
    exact_range: bool


def _pr_or_branch(
    git: Git, spec: str, uncommitted: bool, env: Mapping[str, str]
) -> tuple[re.Match[str] | None, str | None]:
    """The PR `spec` names (its match), and the local branch it names: a URL no GitHub PR and
    `#0` are refused, a branch named `0` is the branch."""
    # A local branch by name: reviewed as a bare `review` reviews it when checked out.
    named_branch = spec if spec and not uncommitted and _is_branch_name(git, spec) else None
    if not uncommitted and (problem := _not_a_github_pr_url(spec, env)) is not None:
        raise UsageError(problem)
    pr = None if uncommitted else _PR_URL.match(spec) or _PR_REF.match(spec) or _PR_NUM.match(spec)
    if pr is not None and int(pr["num"]) == 0:
        if spec.isdigit() and git.is_branch(spec):
            named_branch = spec  # a local branch named `0`: reviewed as the branch
        else:
            # GitHub numbers them from 1: asking it would only cost a round trip and a 404
            raise UsageError(
                f"{spec!r}: pull requests are numbered from 1: #0 names none; give the PR's "
                "number (e.g. 123) or its URL"
            )
        pr = None
    return pr, named_branch


def _check_base(spec: str, base: str | None, uncommitted: bool, named_branch: str | None) -> None:
    """Refuse a `--base` that a branch review would not use."""
    if base is not None and (uncommitted or spec) and not named_branch:
        # a range, a PR and the work tree name their own base: a --base would be ignored
        what = "--uncommitted reviews against HEAD" if uncommitted else f"{spec} names its own base"
        raise UsageError(f"--base applies to a review of the current branch; {what}: drop --base")


def _reviewed(git: Git, repo_root: Path, asked: _Asked, env: dict[str, str]) -> Target:
    """The target of the first kind `asked` is: the work tree, a PR, a range, a local branch,
    else the checked-out branch; an open range or an unknown name is refused."""
    spec = asked.spec
    if asked.uncommitted:
        if spec:
            raise UsageError("--uncommitted reviews the work tree; drop the TARGET argument")
        return _uncommitted(git, repo_root, asked.head)
    if asked.pr is not None:
        return _pull_request(git, repo_root, asked.pr, spec, env)
    if m := _RANGE.match(spec):
        return _asked_range(git, repo_root, m, spec, asked.exact_range)
    if m := _OPEN_RANGE.match(spec):
        full = f"{m['a'] or 'HEAD'}{m['dots']}{m['b'] or 'HEAD'}"
        raise UsageError(
            f"{spec!r} leaves a side of the range empty (git reads it as HEAD); name both "
            f"sides: {full}"
        )
    if asked.named_branch:
        return _named_branch(git, repo_root, asked.base, spec)
    if spec:
        default = default_base_if_any(git)
        raise UsageError(not_a_target(git, spec, default[0] if default else None))
    return _branch(git, repo_root, asked.base, asked.head)


def _pull_request(
    git: Git, repo_root: Path, m: re.Match[str], spec: str, env: dict[str, str]
) -> Target:
    """The PR `m` names; a bare `123` that is also a local branch is said to be one."""
    groups = m.groupdict()
    url = (groups.get("host"), m["repo"]) if "repo" in groups else None
    # a bare `123` is a PR number, and may also be a local branch (an issue's number)
    also = spec if spec.isdigit() and git.is_branch(spec) else None
    try:
        target = pull_request(git, repo_root, int(m.group("num")), url, env, spec)
    except DeepReviewError as exc:
        if also is not None:
            exc.message = f"{exc.message}; {_branch_too(git, also)}"
            exc.args = (exc.message,)
        raise
    if also is not None:
        said = f"reviewed PR #{spec}; {_branch_too(git, also)}."
        target = dataclasses.replace(target, notes=(*target.notes, said))
    return target


def _asked_range(git: Git, repo_root: Path, m: re.Match[str], spec: str, exact: bool) -> Target:
    """The range `m` matched, unless it is no range git could read."""
    if m["b"].startswith(".") or ".." in m["a"] or ".." in m["b"]:
        # four dots, or two ranges in one: git's ref names never hold `..` nor start a
        # part with `.`, so git would only say it knows no such ref
        raise UsageError(
            f"{spec!r} is no range: use A..B (what B changed since A) or A...B (what B "
            "changed since its merge-base with A)"
        )
    return _range(git, repo_root, m.group("a"), m.group("b"), m.group("dots"), spec, exact=exact)


def _named_branch(git: Git, repo_root: Path, base: str | None, name: str) -> Target:
    """The local branch `name`, with what else its name may mean (a ref of another kind, a
    tag of the same name)."""
    target = _branch(git, repo_root, base, None, name=name)
    if note := ambiguity_note(git, name, target.head_sha):
        target = dataclasses.replace(target, notes=(*target.notes, note))
    if (tag := branch_over_tag(git, name)[1]) is not None:
        other = f"`deep-review review {target.base_ref}...{tag}`"
        said = branch_and_tag_note(name, target.head_sha, other)
        target = dataclasses.replace(target, notes=(*target.notes, said))
    return target


def _with_change_notes(git: Git, target: Target) -> Target:
    """Where a range's or the work tree's steering comes from, and the notes on files the
    change hides from a plain `git diff` or git calls binary for their NUL bytes."""
    if target.kind in ("range", "uncommitted"):
        target = off_default_branch(git, target, default_base_if_any(git))
    if note := hidden_note(target.changed_files):
        target = dataclasses.replace(target, notes=(*target.notes, note))
    if note := nul_note(target.changed_files):
        target = dataclasses.replace(target, notes=(*target.notes, note))
    return target


def _with_repository(git: Git, target: Target, env: Mapping[str, str]) -> Target:
    """Which GitHub repository this is: the one GH_REPO names, else a configured remote."""
    named = gh_repo(env)
    if named:
        # GH_REPO names the GitHub repository, as it does for a PR: every kind of review of
        # this checkout is of that repository (its store, its series, `stats`' scope)
        key = github_identity(named)
        target = dataclasses.replace(target, repo_key=key, repo_aliases=repo_aliases(git, key))
    if named and target.kind != "pr" and named.name != target.repo_name:
        target = dataclasses.replace(target, repo_name=named.name, repo_url=named.web_url)
    elif not named and target.repo_url is None and (found := _configured_remote(git, env)):
        target = dataclasses.replace(target, repo_name=found.name, repo_url=found.web_url)
    return target


def _with_work_tree_note(target: Target, edits: str) -> Target:
    """The note that the work tree's `edits` are not part of a branch review with changes."""
    if not (edits and target.changed_files):
        return target
    verb, them = ("is", "it") if edits.startswith("1 ") else ("are", "them")
    note = (
        f"{edits} in the work tree {verb} not part of this review, which reads the "
        f"branch's commits; `deep-review review --uncommitted` reviews {them}."
    )
    return dataclasses.replace(target, notes=(*target.notes, note))


def _require_changes(git: Git, target: Target, spec: str, edits: str) -> None:
    """Refuse a target with no changed file, saying where the work may be."""
    if target.changed_files:
        return
    if edits:
        raise UsageError(
            f"nothing to review: {target.label()} has no committed changes against "
            f"{target.base_ref or target.base_sha[:12]}, and the work tree has {edits}; "
            "`deep-review review --uncommitted` reviews them"
        )
    if target.kind == "uncommitted":
        raise UsageError(
            f"nothing to review: the work tree on {target.branch or 'HEAD'} has no "
            "uncommitted changes; edit files first, or review a branch or range"
        )
    branch = target.kind == "branch"
    hint = elsewhere(git, target, spec) if branch else other_range(git, target)
    raise UsageError(
        f"nothing to review: {target.label()} has no changes against "
        f"{target.base_ref or target.base_sha[:12]} ({hint})"
    )


def _branch_too(git: Git, name: str) -> str:
    """What a PR-number target says of the local branch of that name."""
    default = default_base_if_any(git)
    base = default[0] if default else "BASE"
    return f"{name!r} is also a local branch: `deep-review review {base}..{name}` reviews it"


def _configured_remote(git: Git, env: Mapping[str, str]) -> RemoteRepo | None:
    """The checkout's GitHub repository when it is more than a github.com `origin` (which
    `build_target` knows): an origin on the Enterprise host the environment names, or in
    Actions the run's own repository. `origin` is asked again only then."""
    if in_actions(env) or github_hosts(env) != {DEFAULT_HOST}:
        return github_remote(git, env)
    return None


def _not_a_github_pr_url(spec: str, env: Mapping[str, str]) -> str | None:
    """Why a URL `spec` is no pull request this tool can read, or None. A GitLab merge request
    or a Bitbucket pull request is no GitHub PR, and a PR-shaped URL on a host that is neither
    github.com nor the configured GitHub Enterprise host would only end in a network error
    (its API asked at github.com's or the configured host's address). A URL is never a branch
    name (git refuses `:` and `//` in ref names), so nothing reviewable is refused here."""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", spec, re.IGNORECASE):
        return None
    host = url_host(spec)
    m = _PR_URL.match(spec)
    if m is not None and host is not None:
        if host.removeprefix("www.") in github_hosts(env):
            return None
        why = (
            f" ({host} is neither github.com nor a GitHub Enterprise host named by GH_HOST, "
            "GITHUB_SERVER_URL or GITHUB_API_URL: set GH_HOST if it is one)"
        )
    else:
        why = " (https://github.com/OWNER/NAME/pull/N)"
    return (
        f"{spec!r} is not a GitHub pull request URL{why}; to review its change, fetch the "
        "branch and review it here: `deep-review review BRANCH` or "
        "`deep-review review BASE...BRANCH`"
    )


def _is_branch_name(git: Git, spec: str) -> bool:
    """`spec` names a local branch (`refs/heads/<spec>`); a PR number or a range does not."""
    if _PR_URL.match(spec) or _PR_REF.match(spec) or _PR_NUM.match(spec) or _RANGE.match(spec):
        return False
    return git.is_branch(spec)


def _branch(
    git: Git, root: Path, base: str | None, head: str | None, *, name: str | None = None
) -> Target:
    """The branch `name` (default: the checked-out one) against its base."""
    if name is not None:
        base_name, base_tip = base_and_tip(git, base)
        tip = head or need(git, f"refs/heads/{name}", "branch")
        return _against_base(git, root, tip, name, (base_name, base_tip), shown=name)
    head = head or need(git, "HEAD", "revision")
    # The branch and the base are independent lookups: asked at once (each `git` call is mostly
    # process start-up), their errors still reported in this order.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="git") as pool:
        symbolic_f = pool.submit(
            git.run, ["symbolic-ref", "--quiet", "--short", "HEAD"], check=False
        )
        base_f = pool.submit(base_and_tip, git, base)
        branch = symbolic_f.result().stdout_text.strip() or None
        if branch is None and base is None:
            try:
                default = base_f.result()[0]
            except DeepReviewError:
                default = None  # (the line names BASE then)
            raise NoBranchHereError(detached_head(git, default))
        base_ref = base_f.result()
    return _against_base(git, root, head, branch, base_ref, shown="HEAD")


def _against_base(
    git: Git, root: Path, head: str, branch: str | None, base: tuple[str, str], *, shown: str
) -> Target:
    """`head` (branch `branch`) reviewed from its merge-base with the base (name, tip)."""
    base_name, base_tip = base
    mb = git.run(["merge-base", base_tip, head], check=False).stdout_text.strip()
    if not mb:
        require_full_history(git, f"cannot find where {base_name} and {shown} meet")
        # Any other base would share none either (an orphan branch's own commits aside): the
        # range between the two is read as their literal tree diff, with a note.
        who = branch or shown
        spec = shlex.quote(f"{base_name}..{who}")
        raise GitError(
            f"{base_name} and {who} share no history; `deep-review review {spec}` reviews the "
            f"literal tree diff between them, or pass --base with a commit of {who}'s own history"
        )
    return build_target(git, root, "branch", mb, head, spec="", branch=branch, base_ref=base_name)


def _range(
    git: Git, root: Path, a: str, b: str, dots: str, spec: str, *, exact: bool = False
) -> Target:
    (a_ref, a_tag), (b_ref, b_tag) = branch_over_tag(git, a), branch_over_tag(git, b)
    a_sha = range_side(git, a_ref)
    b_sha = range_side(git, b_ref)
    base = a_sha
    notes: tuple[str, ...] = ()
    if a_tag is not None:
        notes += (branch_and_tag_note(a, a_sha, f"{a_tag}{dots}{b}"),)
    if b_tag is not None:
        notes += (branch_and_tag_note(b, b_sha, f"{a}{dots}{b_tag}"),)
    if dots == "...":
        base = git.run(["merge-base", a_sha, b_sha], check=False).stdout_text.strip()
        if not base:
            require_full_history(git, f"cannot find where {a} and {b} meet")
            raise GitError(f"{a} and {b} share no history; use A..B instead of A...B")
        if base == b_sha != a_sha:
            raise UsageError(_backwards(spec, a, b, dots))
    elif not exact and not git.ok("merge-base", "--is-ancestor", a_sha, b_sha):
        if git.ok("merge-base", "--is-ancestor", b_sha, a_sha):
            raise UsageError(_backwards(spec, a, b, dots))
        # `A..B` is git's tree diff: once A moved on, A's own new work shows up as undone by B.
        # A review means "what B changed", so start from the merge-base unless told otherwise.
        mb = git.run(["merge-base", a_sha, b_sha], check=False).stdout_text.strip()
        if mb:
            base = mb
            notes += (
                f"{a} is not an ancestor of {b}: reviewed from the merge-base of {a} and {b} "
                f"({mb[:7]}), like `{a}...{b}`; pass --exact-range for the literal tree diff "
                f"`{a}..{b}`.",
            )
        else:
            require_full_history(git, f"cannot find where {a} and {b} meet")
            # no merge-base to start from: the literal tree diff is all there is, and the
            # report says so (every file of B that differs from A reads as B's change)
            notes += (
                f"{a} and {b} share no history: reviewed as the literal tree diff `{a}..{b}` "
                f"(everything in which {b}'s tree differs from {a}'s).",
            )
    target = build_target(git, root, "range", base, b_sha, spec=spec, branch=None, base_ref=a)
    named = b if git.is_branch(b) else ""
    for side, sha in ((a, a_sha), (b, b_sha)):
        if note := ambiguity_note(git, side, sha):
            notes = (*notes, note)
    return dataclasses.replace(target, notes=notes, range_branch=named)


def _backwards(spec: str, a: str, b: str, dots: str) -> str:
    """B is behind A: from their merge-base (B itself) there is nothing to review, and "no
    changes" would not say that the sides are swapped."""
    return (
        f"{spec} is backwards: {b} is an ancestor of {a}, so it adds nothing to it; to review "
        f"the commits from {b} to {a}, use {b}{dots}{a}"
    )


def _uncommitted(git: Git, root: Path, head: str | None) -> Target:
    """Snapshot staged + unstaged + untracked changes as a commit on top of HEAD.

    The worktrees then check out a real SHA holding exactly the uncommitted state, without
    touching the user's index or work tree.
    """
    head = head or need(git, "HEAD", "revision")
    with tempfile.TemporaryDirectory(prefix="deep-review-index-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index"), **_SYNTHETIC_IDENT}
        git.run(["read-tree", head], env=env)
        git.run(["add", "-A", "--", ".", *leave_out_ours(git)], env=env)
        tree = git.out("write-tree", env=env)
    snapshot = git.run(
        ["commit-tree", tree, "-p", head, "-m", "deep-review: uncommitted changes"],
        env=_SYNTHETIC_IDENT,
    ).stdout_text.strip()
    branch = git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], check=False).stdout_text
    return build_target(
        git,
        root,
        "uncommitted",
        head,
        snapshot,
        spec="--uncommitted",
        branch=branch.strip() or None,
        base_ref="HEAD",
        commits_override=(),
    )
