"""Commits the user names (a range's sides, the base, HEAD) and, when a name is none, why
and what to type instead: the one-line refusals `resolve` raises before anything runs."""

from __future__ import annotations

import re
import shlex

from deepreview.errors import GitError, NoBranchHereError, ShallowCloneError, UsageError
from deepreview.targets.git import Git


def require_full_history(git: Git, problem: str) -> None:
    """In a shallow clone (CI's `--depth 1` checkout) a missing parent or merge-base is no
    fact about the repository, only about what was fetched: a literal tree diff in its place
    would review the base's own new work as the change's. Say so and how to fetch it."""
    shallow = git.run(["rev-parse", "--is-shallow-repository"], check=False).stdout_text
    if shallow.strip() != "true":
        return
    raise ShallowCloneError(
        f"{problem}: this is a shallow clone, whose history stops short of it; fetch the "
        "history with `git fetch --unshallow` (GitHub Actions: actions/checkout with "
        "fetch-depth: 0), then review again"
    )


def not_a_target(git: Git, spec: str, base: str | None = None) -> str:
    """Why `spec` is no target, and what to type instead. A commit (`HEAD`, a SHA, a tag) is
    not reviewed on its own: its parent is not a base the user chose, so say the range."""
    if (sha := git.rev(spec)) is not None:
        if git.rev(f"{sha}~1") is None:
            require_full_history(git, f"cannot read the parent of {spec!r}")
            return (
                f"cannot read target {spec!r}: it is the repository's first commit, with no "
                "parent to review it against; review a later range or a branch"
            )
        asked = ["rev-parse", "--symbolic-full-name", "--end-of-options", spec]
        # the ref's full name is the last line (git echoes `--end-of-options` before it)
        ref = (git.run(asked, check=False).stdout_text.splitlines() or [""])[-1].strip()
        if pull := _PULL_REF.fullmatch(ref):
            return (
                f"cannot read target {spec!r}: {spec!r} is the head of pull request "
                f"#{pull[1]}, not a local branch; review the PR with `deep-review review "
                f"{pull[1]}`, or what its last commit changed with {spec}~1..{spec}"
            )
        what = next((name for prefix, name in _REF_KINDS if ref.startswith(prefix)), "a commit")
        if ref.startswith("refs/remotes/") and base and git.rev(base) != sha:
            # a branch: what it changed is all its commits since its base, not its last one
            local = ref.removeprefix("refs/remotes/").partition("/")[2]
            return (
                f"cannot read target {spec!r}: {spec!r} is {what}, not a local branch; to "
                f"review what it changed, use {base}...{spec} (or `git switch {local}`, then "
                f"`deep-review review {local}`)"
            )
        return (
            f"cannot read target {spec!r}: {spec!r} is {what}, not a local branch; to review "
            f"what it changed, use {_parent(spec)}..{spec}"
        )
    if problem := ambiguous_prefix(git, spec) or not_a_commit(git, spec):
        return problem
    return (
        f"cannot read target {spec!r}: no local branch of that name; use a branch name, "
        "A..B, A...B, a PR number (123 or #123), a PR URL or OWNER/NAME#123, --uncommitted, "
        "or nothing for the current branch"
    )


def _parent(spec: str) -> str:
    """The first parent of commit `spec` as a user would type it: `topic~2` for `topic~1` or
    `topic^` (git reads `topic~1~1` too, but nobody writes that), else `SPEC~1`."""
    m = _BACK.fullmatch(spec)
    if m is None:
        return f"{spec}~1"
    steps = sum(int(step[1:] or 1) for step in re.findall(r"~\d*|\^[01]?", m["suffix"]))
    return f"{m['name']}~{steps + 1}"


# A commit named by first-parent steps back from a name: `topic~1`, `HEAD^^`, `v1~2^`
_BACK = re.compile(r"(?P<name>.+?)(?P<suffix>(?:~\d*|\^[01]?)+)")


# What a name that is no local branch is (`rev-parse --symbolic-full-name`), for the line
# that says so: "is a commit" of a tag sends the user looking for the wrong thing. A name
# that is no ref (a SHA, `HEAD~2`), or HEAD itself, is a commit.
_REF_KINDS = (
    ("refs/tags/", "a tag"),
    ("refs/remotes/", "a remote-tracking branch"),
)
_PULL_REF = re.compile(r"refs/pull/(\d+)/(?:head|merge)")


def ambiguity_note(git: Git, name: str, sha: str) -> str | None:
    """A note when `name`, resolved as a ref to `sha`, is also the abbreviated ID of another
    commit: git takes the ref without a word, and the user may have meant the commit."""
    if not _HEX.fullmatch(name) or sha.startswith(name.lower()):
        return None  # no ID, or the commit's own (a SHA range costs no extra `git` call)
    listed = git.run(["rev-parse", f"--disambiguate={name.lower()}"], check=False)
    commits = [
        full
        for full in listed.stdout_text.split()
        if full != sha and git.rev(full) == full  # a commit, not a tree or blob
    ]
    if not commits:
        return None
    other = commits[0]
    return (
        f"{name!r} is ambiguous: it names a ref (reviewed, at {sha[:12]}) and is also the "
        f"abbreviated ID of commit {other}; to review that commit, use "
        f"{other}~1..{other}"
    )


def branch_over_tag(git: Git, side: str) -> tuple[str, str | None]:
    """`side` as a review reads it, and the tag of its name when it has one elsewhere.

    A name that is both a local branch and a tag is the branch, as `review NAME` takes it:
    git alone takes the tag in a range (`main..topic`), and the branch's newer commits would
    go unreviewed without a word. Returns (`refs/heads/NAME…`, `refs/tags/NAME…`) then, the
    side as given and None otherwise (no tag of the name, or one at the branch's commit)."""
    m = _NAME_SIDE.fullmatch(side)
    if m is None or m["name"].startswith("refs/"):
        return side, None
    name, suffix = m["name"], m["suffix"]
    heads, tags = f"refs/heads/{name}", f"refs/tags/{name}"
    listed = git.run(
        ["for-each-ref", "--format=%(refname) %(objectname) %(*objectname)", heads, tags],
        check=False,
    ).stdout_text.split("\n")
    # for-each-ref also lists `refs/heads/NAME/…`: keep the two exact names; a tag's commit is
    # its peeled object (an annotated tag), else its own
    found = {f[0]: f[-1] for f in (line.split() for line in listed) if f and f[0] in (heads, tags)}
    if heads not in found or tags not in found or found[heads] == found[tags]:
        return side, None
    return heads + suffix, tags + suffix


def branch_and_tag_note(name: str, sha: str, other: str) -> str:
    """The note for a name `branch_over_tag` read as the branch; `other`: the tag's form."""
    return (
        f"{name!r} is both a branch and a tag: reviewed the branch (at {sha[:12]}); to review "
        f"the tag instead, use {other}"
    )


# A range side that is a plain name, perhaps with `~N`/`^N` after it (`topic~1`)
_NAME_SIDE = re.compile(r"(?P<name>[^~^:@{}\s]+)(?P<suffix>(?:[~^]\d*)*)")


# git's shortest abbreviation, up to one short of a full SHA-1 (a full ID is always the
# object, git says: no ref can shadow it)
_HEX = re.compile(r"[0-9a-fA-F]{4,39}")


def partial_clone_problem(message: str) -> str | None:
    """The line for a git failure on a blob a partial clone (`--filter=blob:none`) never
    fetched, and could not fetch now (its remote out of reach); None for any other failure."""
    if "promisor remote" not in message:
        return None
    return (
        "this is a partial clone (`git clone --filter`) and a file the review reads was never "
        "fetched, and its remote cannot be reached now; reach the remote (`git remote -v`) and "
        "review again, or review in a full clone"
    )


def detached_head(git: Git, base: str | None = None) -> str:
    """The line for a branch review with HEAD detached. A rebase stopped on a conflict, or a
    bisect, detaches it: say so, and that the branch is back once it is finished. `base`: the
    default base, if there is one, for the range a bisect's branch is reviewed by now."""
    fix = "pass --base REF (or review a range A..B)"
    bisect = _bisect_branch(git)
    if bisect is not None:
        if not bisect:  # started on a detached HEAD: no branch comes back
            return (
                "HEAD is detached: a bisect is in progress; end it (`git bisect reset`), or "
                "name the range to review (`deep-review review A..B`)"
            )
        side = shlex.quote(bisect)
        return (
            f"HEAD is detached: a bisect started on {bisect} is in progress; end it (`git "
            "bisect reset`) to review the branch, or name the range: `deep-review review "
            f"{shlex.quote(base) if base else 'BASE'}..{side}`"
        )
    for state in ("rebase-merge", "rebase-apply"):
        where = git.run(["rev-parse", "--git-path", f"{state}/head-name"], check=False)
        name = git.repo / where.stdout_text.strip() if where.ok else None
        if name is not None and name.is_file():
            branch = name.read_text(encoding="utf-8", errors="replace").strip()
            return (
                f"HEAD is detached: a rebase of {branch.removeprefix('refs/heads/')} is in "
                "progress; finish it (`git rebase --continue`) or stop it (`git rebase "
                f"--abort`) to review the branch, or {fix}"
            )
    tips = git.run(
        ["for-each-ref", "--points-at", "HEAD", "--format=%(refname)", "refs/heads/"], check=False
    )
    names = [n.removeprefix("refs/heads/") for n in tips.stdout_text.splitlines() if n]
    if tips.ok and names:
        # The branch is what was meant (`git checkout --detach topic`, a CI checkout of its
        # commit), and `review NAME` reviews it from here.
        return (
            f"HEAD is detached at the tip of {names[0]}: `deep-review review "
            f"{shlex.quote(names[0])}` reviews that branch; or {fix}"
        )
    return f"HEAD is detached; {fix}"


def _bisect_branch(git: Git) -> str | None:
    """The branch a bisect in progress started on ("" when it started detached), else None."""
    where = git.run(["rev-parse", "--git-path", "BISECT_START"], check=False)
    path = git.repo / where.stdout_text.strip() if where.ok else None
    if path is None or not path.is_file():
        return None
    # git writes the branch's short name there, or the commit's SHA when HEAD was detached
    start = path.read_text(encoding="utf-8", errors="replace").strip()
    return start if git.is_branch(start) else ""


def missing_object_problem(message: str) -> str | None:
    """The line for a git failure on an object a full clone should hold and does not (a loose
    object lost to a disk, a sync tool or a copy); None for any other failure."""
    m = _MISSING.search(message)
    if m is None:
        return None
    return (
        f"the repository is missing object {m['sha']}, which the review reads ({message}); "
        "`git fsck` lists what is damaged: fetch it again from a remote, or review in a "
        "fresh clone"
    )


_MISSING = re.compile(
    r"(?:unable to read|bad object|missing blob|Could not read) (?P<sha>[0-9a-f]{40,64})"
)


def require_commits(git: Git, *, needs_head: bool) -> str | None:
    """HEAD's commit. A fresh `git init` has no HEAD to review against: say that, not
    "unknown revision"."""
    if (head := git.rev("HEAD")) is not None:
        return head
    if not git.run(["rev-list", "-n", "1", "--all"], check=False).stdout_text.strip():
        raise NoBranchHereError(
            "this repository has no commits yet; commit the code first, then review a range "
            "or a branch"
        )
    if not needs_head:
        return None  # an orphan branch is checked out; a range of other refs is still fine
    branch = git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], check=False).stdout_text
    raise NoBranchHereError(
        f"the current branch {branch.strip() or 'HEAD'} has no commits yet; commit something "
        "or check out another branch"
    )


def need(git: Git, ref: str, what: str) -> str:
    sha = git.rev(ref)
    if sha is None:
        if problem := ambiguous_prefix(git, ref):
            raise UsageError(problem)
        if problem := not_a_commit(git, ref):
            raise GitError(problem)
        if _HEAD_SIDE.fullmatch(ref):
            require_commits(git, needs_head=True)  # an orphan branch: say so, not "unknown"
        raise GitError(f"unknown {what} {ref!r}: check the name with `git branch -a` / `git log`")
    return sha


# HEAD, perhaps stepped back (`HEAD~1`, `@^`): on an unborn branch none of them is a commit
_HEAD_SIDE = re.compile(r"(?:HEAD|@)(?:[~^]\d*)*")


def not_a_commit(git: Git, ref: str) -> str | None:
    """The line for a name of an object that is there but is no commit: a blob's or tree's
    SHA copied from `git ls-tree`, or `HEAD:calc.py`. "Unknown ref" would send the user
    looking for a typo in a name git knows."""
    found = git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref], check=False)
    if not found.ok:
        return None
    # a tag peels to what it tags (`SHA^{}`: after a `HEAD:path` the suffix would be the path's)
    peeled = f"{found.stdout_text.strip()}^{{}}"
    kind = git.run(["cat-file", "-t", peeled], check=False).stdout_text.strip()
    what = {"blob": "a file's contents", "tree": "a folder's listing"}.get(kind)
    if what is None:
        return None
    return (
        f"{ref!r} is a {kind}, not a commit (it names {what}); name a commit in its place: "
        "a branch, a tag or a commit's SHA (`git log --oneline` lists them)"
    )


def ambiguous_prefix(git: Git, ref: str) -> str | None:
    """The line for a short commit ID that two or more commits share (`7eb2`, `7eb2~1`), as
    git says it; None when `ref` (up to any `~N`/`^N`) is no such ID."""
    m = _NAME_SIDE.fullmatch(ref)
    if m is None or not _HEX.fullmatch(m["name"]) or git.rev(f"refs/heads/{m['name']}"):
        return None
    prefix = m["name"].lower()
    listed = git.run(["rev-parse", f"--disambiguate={prefix}"], check=False).stdout_text.split()
    commits = [full for full in listed if git.rev(full) == full]  # not a tree or blob
    if len(commits) < 2:
        return None
    named = ", ".join(c[:12] for c in commits[:5]) + (" …" if len(commits) > 5 else "")
    return (
        f"short commit ID {m['name']!r} is ambiguous: commits {named} all start with it; "
        "give more hex digits"
    )


def range_side(git: Git, side: str) -> str:
    """A range side's commit. `HEAD~1` in a repository of one commit (the Quick start's
    range, in a new repository) is no typo to look up with `git branch -a`: say why."""
    if (sha := git.rev(side)) is not None:
        return sha
    past = re.fullmatch(r"(.+?)(?:~\d*|\^\d*)+", side)
    tip = git.rev(past.group(1)) if past else None
    if past is None or tip is None:
        return need(git, side, "ref")
    require_full_history(git, f"cannot read {side!r}")
    count = git.run(["rev-list", "--count", tip], check=False).stdout_text.strip()
    n = int(count) if count.isdigit() else 0
    if n == 1:
        why = "has one commit, which has no parent to review it against; commit the next change"
        why += " and review that"
    else:
        why = f"has {n} commits, the first with no parent; review a range inside that history"
    raise GitError(f"unknown ref {side!r}: {past.group(1)}'s history {why}")
