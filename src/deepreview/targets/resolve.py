"""Turn what the user typed (`A..B`, `#123`, a branch name, nothing, `--uncommitted`) into a
`Target`."""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deepreview.errors import GitError, UsageError
from deepreview.github.remote import repo_from_url
from deepreview.runmodel import Commit
from deepreview.targets.attributes import blind_run, is_attributes_file, tree_attributes
from deepreview.targets.git import Git, decode_path, origin_url, repo_from_remote
from deepreview.targets.identity import checkout_identity, github_identity
from deepreview.targets.refs import (
    need,
    not_a_target,
    range_side,
    require_commits,
    require_full_history,
)
from deepreview.targets.steering import off_default_branch
from deepreview.targets.target import ChangedFile, PullRequest, Target

_PR_URL = re.compile(r"^https?://[^/]+/(?P<repo>[^/]+/[^/]+)/pull/(?P<num>\d+)(?:[/?#].*)?$")
_PR_NUM = re.compile(r"^#?(?P<num>\d+)$")
_RANGE = re.compile(r"^(?P<a>[^.\s][^\s]*?)(?P<dots>\.\.\.?)(?P<b>[^\s]+)$")
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
    # A local branch by name: reviewed as a bare `review` reviews it when checked out.
    named_branch = spec if spec and not uncommitted and _is_branch_name(git, spec) else None
    if base is not None and (uncommitted or spec) and not named_branch:
        # a range, a PR and the work tree name their own base: a --base would be ignored
        what = "--uncommitted reviews against HEAD" if uncommitted else f"{spec} names its own base"
        raise UsageError(f"--base applies to a review of the current branch; {what}: drop --base")
    if uncommitted:
        if spec:
            raise UsageError("--uncommitted reviews the work tree; drop the TARGET argument")
        target = _uncommitted(git, repo_root, head)
    elif m := (_PR_URL.match(spec) or _PR_NUM.match(spec)):
        repo_hint = m.groupdict().get("repo")
        target = _pull_request(git, repo_root, int(m.group("num")), repo_hint, env, spec)
    elif m := _RANGE.match(spec):
        target = _range(
            git, repo_root, m.group("a"), m.group("b"), m.group("dots"), spec, exact=exact_range
        )
    elif named_branch:
        target = _branch(git, repo_root, base, None, name=spec)
    elif spec:
        raise UsageError(not_a_target(git, spec))
    else:
        target = _branch(git, repo_root, base, head)
    if target.kind in ("range", "uncommitted"):
        target = off_default_branch(git, target, _default_base_if_any(git))
    if note := hidden_note(target.changed_files):
        target = dataclasses.replace(target, notes=(*target.notes, note))
    named = env.get("GH_REPO")
    if named:
        # GH_REPO names the GitHub repository, as it does for a PR: every kind of review of
        # this checkout is of that repository (its store, its series, `stats`' scope)
        target = dataclasses.replace(target, repo_key=github_identity(named))
    if named and target.kind != "pr" and named != target.repo_name:
        target = dataclasses.replace(
            target, repo_name=named, repo_url=f"https://github.com/{named}"
        )
    if not target.changed_files:
        if target.kind == "uncommitted":
            raise UsageError(
                f"nothing to review: the work tree on {target.branch or 'HEAD'} has no "
                "uncommitted changes; edit files first, or review a branch or range"
            )
        hint = (
            "pick another target or --base REF"
            if target.kind == "branch"
            else "pick another target"
        )
        raise UsageError(
            f"nothing to review: {target.label()} has no changes against "
            f"{target.base_ref or target.base_sha[:12]} ({hint})"
        )
    return target


def _default_base(git: Git) -> tuple[str, str]:
    """The default base branch's name and tip SHA."""
    candidates = []
    origin_head = git.run(
        ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], check=False
    ).stdout_text.strip()
    if origin_head:
        candidates.append(origin_head.removeprefix("refs/remotes/"))
    candidates += ["main", "master", "origin/main", "origin/master"]
    for ref in candidates:
        if sha := git.rev(ref):
            return ref, sha
    raise UsageError("cannot find a base branch (no origin/HEAD, main or master); pass --base REF")


def current_branch_base(root: Path) -> tuple[str, str] | None:
    """(base branch name, merge-base SHA) a review of the current branch would use, if any."""
    git = Git(root)
    head = git.rev("HEAD")
    if head is None:
        return None
    try:
        name, _ = _default_base(git)
    except UsageError:
        return None
    mb = git.run(["merge-base", name, head], check=False).stdout_text.strip()
    return (name, mb) if mb else None


def _default_base_if_any(git: Git) -> tuple[str, str] | None:
    try:
        return _default_base(git)
    except UsageError:
        return None


def _base_tip(git: Git, base: str | None) -> tuple[str, str]:
    """The base's name and tip commit: `--base REF`, else the default base branch."""
    return (base, need(git, base, "base ref")) if base else _default_base(git)


def _is_branch_name(git: Git, spec: str) -> bool:
    """`spec` names a local branch (`refs/heads/<spec>`); a PR number or a range does not."""
    if _PR_URL.match(spec) or _PR_NUM.match(spec) or _RANGE.match(spec):
        return False
    return git.rev(f"refs/heads/{spec}") is not None


def _branch(
    git: Git, root: Path, base: str | None, head: str | None, *, name: str | None = None
) -> Target:
    """The branch `name` (default: the checked-out one) against its base."""
    if name is not None:
        base_name, base_tip = _base_tip(git, base)
        tip = head or need(git, f"refs/heads/{name}", "branch")
        return _against_base(git, root, tip, name, (base_name, base_tip), shown=name)
    head = head or need(git, "HEAD", "revision")
    # The branch and the base are independent lookups: asked at once (each `git` call is mostly
    # process start-up), their errors still reported in this order.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="git") as pool:
        symbolic_f = pool.submit(
            git.run, ["symbolic-ref", "--quiet", "--short", "HEAD"], check=False
        )
        base_f = pool.submit(_base_tip, git, base)
        branch = symbolic_f.result().stdout_text.strip() or None
        if branch is None and base is None:
            raise UsageError("HEAD is detached; pass --base REF (or review a range A..B)")
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
        raise GitError(f"{base_name} and {shown} share no history; pass --base REF")
    return _build(git, root, "branch", mb, head, spec="", branch=branch, base_ref=base_name)


def _range(
    git: Git, root: Path, a: str, b: str, dots: str, spec: str, *, exact: bool = False
) -> Target:
    a_sha = range_side(git, a)
    b_sha = range_side(git, b)
    base = a_sha
    notes: tuple[str, ...] = ()
    if dots == "...":
        base = git.run(["merge-base", a_sha, b_sha], check=False).stdout_text.strip()
        if not base:
            require_full_history(git, f"cannot find where {a} and {b} meet")
            raise GitError(f"{a} and {b} share no history; use A..B instead of A...B")
    elif not exact and not git.ok("merge-base", "--is-ancestor", a_sha, b_sha):
        # `A..B` is git's tree diff: once A moved on, A's own new work shows up as undone by B.
        # A review means "what B changed", so start from the merge-base unless told otherwise.
        mb = git.run(["merge-base", a_sha, b_sha], check=False).stdout_text.strip()
        if mb:
            base = mb
            notes = (
                f"{a} is not an ancestor of {b}: reviewed from the merge-base of {a} and {b} "
                f"({mb[:7]}), like `{a}...{b}`; pass --exact-range for the literal tree diff "
                f"`{a}..{b}`.",
            )
        else:
            require_full_history(git, f"cannot find where {a} and {b} meet")
            # no merge-base to start from: the literal tree diff is all there is, and the
            # report says so (every file of B that differs from A reads as B's change)
            notes = (
                f"{a} and {b} share no history: reviewed as the literal tree diff `{a}..{b}` "
                f"(everything in which {b}'s tree differs from {a}'s).",
            )
    target = _build(git, root, "range", base, b_sha, spec=spec, branch=None, base_ref=a)
    named = b if git.rev(f"refs/heads/{b}") is not None else ""
    return dataclasses.replace(target, notes=notes, range_branch=named)


def _uncommitted(git: Git, root: Path, head: str | None) -> Target:
    """Snapshot staged + unstaged + untracked changes as a commit on top of HEAD.

    The worktrees then check out a real SHA holding exactly the uncommitted state, without
    touching the user's index or work tree.
    """
    head = head or need(git, "HEAD", "revision")
    with tempfile.TemporaryDirectory(prefix="deep-review-index-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index"), **_SYNTHETIC_IDENT}
        git.run(["read-tree", head], env=env)
        git.run(["add", "-A", "--", "."], env=env)
        tree = git.out("write-tree", env=env)
    snapshot = git.run(
        ["commit-tree", tree, "-p", head, "-m", "deep-review: uncommitted changes"],
        env=_SYNTHETIC_IDENT,
    ).stdout_text.strip()
    branch = git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], check=False).stdout_text
    return _build(
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


def _pull_request(
    git: Git, root: Path, number: int, repo_hint: str | None, env: dict[str, str], spec: str
) -> Target:
    repo_name = repo_hint or env.get("GH_REPO") or repo_from_remote(git)
    if not repo_name:
        raise UsageError(
            "cannot tell which GitHub repository this is: add a github.com `origin` remote, "
            "set GH_REPO=owner/name, or pass the full PR URL"
        )
    # Imported here: the GitHub client brings urllib.request (with ssl, http.client, email),
    # which only a pull request needs; every other review would pay for it before its first
    # seat (benchmarks/README.md, "first seat spawned after").
    from deepreview.github.client import GitHubClient
    from deepreview.github.pulls import fetch_pr

    info = fetch_pr(GitHubClient(env, root), repo_name, number)
    head = _fetch_pr_head(git, number, repo_name)
    base_tip = git.rev(f"origin/{info.base_ref}") or git.rev(info.base_ref)
    if base_tip is None:
        fetched = git.run(["fetch", "--quiet", "origin", info.base_ref], check=False)
        base_tip = git.rev("FETCH_HEAD") if fetched.ok else None
    if base_tip is None:
        raise GitError(
            f"cannot find base branch {info.base_ref!r} of PR #{number}; "
            f"run `git fetch origin {info.base_ref}`"
        )
    mb = git.run(["merge-base", base_tip, head], check=False).stdout_text.strip()
    if not mb:
        require_full_history(git, f"cannot find where PR #{number} leaves {info.base_ref}")
        mb = base_tip  # unrelated histories: the PR's tree against its base's
    pr = PullRequest(
        number=number,
        title=info.title,
        author=info.author,
        author_url=info.author_url,
        url=info.url,
        base_ref=info.base_ref,
        head_ref=info.head_ref,
        body=info.body,
        repo=repo_name,
    )
    return _build(
        git,
        root,
        "pr",
        mb,
        head,
        spec=spec,
        branch=info.head_ref or None,
        base_ref=info.base_ref,
        pr=pr,
        repo_name=repo_name,
    )


def _build(
    git: Git,
    root: Path,
    kind: str,
    base: str,
    head: str,
    *,
    spec: str,
    branch: str | None,
    base_ref: str | None,
    pr: PullRequest | None = None,
    repo_name: str | None = None,
    commits_override: tuple[Commit, ...] | None = None,
) -> Target:
    # Independent `git` calls, each mostly process start-up: run at once, they take the time of
    # the slowest, not the sum (the first seat waits for them: benchmarks/README.md).
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="git") as pool:
        history = pool.submit(_history, git, base, head) if commits_override is None else None
        files_f = pool.submit(changed_files, git, base, head)
        diff_f = pool.submit(review_diff, git, base, head)
        origin_f = pool.submit(origin_url, git)
        commits, head_author = history.result() if history else (commits_override or (), None)
        files, diff = files_f.result(), diff_f.result()
        origin = origin_f.result()
    remote_repo = repo_name or (repo_from_url(origin) if origin else None)
    author = head_author if pr is None else None
    title = pr.title if pr else (commits[-1].subject if len(commits) == 1 else "")
    return Target(
        kind=kind,  # type: ignore[arg-type]
        repo_root=root,
        base_sha=base,
        head_sha=head,
        commits=commits,
        changed_files=files,
        diff=diff,
        spec=spec,
        branch=branch,
        title=title,
        pr=pr,
        author=author,
        repo_name=remote_repo or root.name,
        repo_url=f"https://github.com/{remote_repo}" if remote_repo else None,
        base_ref=base_ref,
        repo_key=checkout_identity(git, origin),
    )


def _fetch_pr_head(git: Git, number: int, repo: str) -> str:
    """The PR's head commit, fetched from origin into `refs/deep-review/pull/<N>`."""
    ref = f"refs/pull/{number}/head"
    local = f"refs/deep-review/pull/{number}"
    result = git.run(["fetch", "--quiet", "--no-tags", "origin", f"+{ref}:{local}"], check=False)
    if not result.ok:
        tail = result.stderr_text.strip().splitlines()
        raise GitError(
            f"cannot fetch {ref} from origin ({tail[-1] if tail else 'fetch failed'}); "
            f"check that origin is {repo} and PR #{number} exists"
        )
    sha = git.rev(local)
    if sha is None:
        raise GitError(f"fetched {ref} but it does not name a commit")
    return sha


def review_diff(git: Git, base: str, head: str) -> str:
    """The diff the seats review; `resume` recomputes it with this same command. Blind to
    `.gitattributes` (`targets.attributes`): the change cannot hide a text file's lines, and
    the user's checkout does not decide what the seats see."""
    argv = [
        "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--submodule=short",
        base, head,
    ]  # fmt: skip
    # bytes that are not UTF-8 as `\xef`, so a file name in a diff header is spelt as
    # `decode_path` spells it in the file table and the findings
    return blind_run(git, argv, timeout=900).decode("utf-8", errors="backslashreplace")


def _history(git: Git, base: str, head: str) -> tuple[tuple[Commit, ...], str | None]:
    """The commits `base..head`, oldest first, and the author of the newest (`head`) if any."""
    fmt = "--format=%H%x00%an <%ae>%x00%s"
    out = git.run(["log", "--reverse", fmt, f"{base}..{head}"]).stdout_text
    commits = []
    author = None
    for line in out.splitlines():
        sha, _, rest = line.partition("\x00")
        if sha:
            author, _, subject = rest.partition("\x00")
            commits.append(Commit(sha=sha, subject=subject))
    return tuple(commits), author


def changed_files(git: Git, base: str, head: str) -> tuple[ChangedFile, ...]:
    # One `git diff` prints both lists: every --raw record first (its first field starts with
    # ":", then one or two paths), then the --numstat records, which never start with ":".
    argv = ["diff", "--raw", "--numstat", "-z", "-M", "--no-abbrev", base, head]
    # attributes ignored, as in `review_diff`: "binary" is what the bytes are
    fields = blind_run(git, argv).split(b"\x00")
    entries: list[tuple[str, str | None, str, str, bool, str, str]] = []
    i = 0
    while i < len(fields) - 1 and fields[i].startswith(b":"):
        meta = fields[i].decode("ascii", errors="replace")
        old_mode, new_mode, _old_sha, new_sha, status = meta[1:].split()[:5]
        letter = status[0]
        if letter in "RC":
            old_path, path = decode_path(fields[i + 1]), decode_path(fields[i + 2])
            i += 3
        else:
            old_path, path = None, decode_path(fields[i + 1])
            i += 2
        submodule = "160000" in (old_mode, new_mode)
        entries.append((path, old_path, letter, new_sha, submodule, old_mode, new_mode))
    numstat = _numstat(fields[i:])
    sizes = _blob_sizes(git, [e[3] for e in entries if e[2] != "D" and not e[4]])
    files = []
    for path, old_path, letter, new_sha, submodule, old_mode, new_mode in entries:
        added, deleted, binary = numstat.get(path, (0, 0, False))
        files.append(
            ChangedFile(
                path=path,
                status=letter,
                old_path=old_path,
                binary=binary,
                added=added,
                deleted=deleted,
                size=sizes.get(new_sha),
                submodule=submodule,
                old_mode=old_mode,
                new_mode=new_mode,
            )
        )
    return _with_hidden(git, base, head, files)


def _with_hidden(
    git: Git, base: str, head: str, files: list[ChangedFile]
) -> tuple[ChangedFile, ...]:
    """`files`, each text file the change's `.gitattributes` newly mark `-diff` (or `binary`)
    marked `hidden`. Asked only when the change touches an attributes file: otherwise the
    head's attributes are the base's, and the change hides nothing (what the base already
    hid, the seats now see all the same)."""
    if not any(is_attributes_file(p) for f in files for p in (f.path, f.old_path) if p):
        return tuple(files)
    text = [f.path for f in files if f.status != "D" and not f.binary and not f.submodule]
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="git") as pool:
        head_f = pool.submit(tree_attributes, git, head, text, ["diff"])
        base_f = pool.submit(tree_attributes, git, base, text, ["diff"])
        at_head, at_base = head_f.result(), base_f.result()

    def unset(attrs: dict[str, dict[str, str]], path: str) -> bool:
        return attrs.get(path, {}).get("diff") == "unset"

    return tuple(
        dataclasses.replace(f, hidden=True)
        if unset(at_head, f.path) and not unset(at_base, f.old_path or f.path)
        else f
        for f in files
    )


_MAX_NAMED = 5


def hidden_note(files: tuple[ChangedFile, ...]) -> str | None:
    """The run note for files the change hides from a plain `git diff`, None when none."""
    hidden = [f.path for f in files if f.hidden]
    if not hidden:
        return None
    named = ", ".join(hidden[:_MAX_NAMED])
    more = f" and {len(hidden) - _MAX_NAMED} more" if len(hidden) > _MAX_NAMED else ""
    which = "this file's diff" if len(hidden) == 1 else "these files' diffs"
    return (
        f"The change hides {which} ({named}{more}): its .gitattributes mark text as `-diff` "
        'or `binary`, so a plain `git diff` prints "Binary files … differ". The seats were '
        "shown the text; check why the change hides it."
    )


def _blob_sizes(git: Git, shas: list[str]) -> dict[str, int]:
    """One `cat-file --batch-check` for all files: a 5,000-file change must not fork 5,000 times."""
    if not shas:
        return {}
    result = git.run(
        ["cat-file", "--batch-check=%(objectname) %(objectsize)"],
        stdin=("\n".join(shas) + "\n").encode(),
    )
    sizes = {}
    for line in result.stdout_text.splitlines():
        sha, _, size = line.partition(" ")
        if size.isdigit():
            sizes[sha] = int(size)
    return sizes


def _numstat(fields: list[bytes]) -> dict[str, tuple[int, int, bool]]:
    """Added and deleted lines per path, and whether it is binary, from `--numstat -z` fields."""
    out: dict[str, tuple[int, int, bool]] = {}
    i = 0
    while i < len(fields):
        entry = fields[i]
        if not entry:
            i += 1
            continue
        cols = entry.split(b"\t", 2)  # a path may hold a tab itself
        added_s, deleted_s = cols[0], cols[1]
        if len(cols) >= 3 and cols[2]:
            path = decode_path(cols[2])
            i += 1
        else:  # rename: empty path column, then old and new names as separate fields
            path = decode_path(fields[i + 2]) if i + 2 < len(fields) else ""
            i += 3
        binary = added_s == b"-"
        out[path] = (
            0 if binary else int(added_s),
            0 if binary else int(deleted_s),
            binary,
        )
    return out
