"""A target's commits, changed files and diff between two resolved commits: what every kind
of review (`targets.resolve`, `targets.pull`) builds its `Target` from, and what `resume` and
`finish` recompute (`review_diff`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deepreview.errors import GitError
from deepreview.github.remote import repo_from_url
from deepreview.markdown_fence import code_span
from deepreview.runmodel import Commit
from deepreview.targets.attributes import blind_run, is_attributes_file, tree_attributes
from deepreview.targets.git import Git, decode_path
from deepreview.targets.identity import checkout_identity, repo_aliases
from deepreview.targets.nul_text import (
    is_nul_text,
    named_like_script,
    read_blobs,
    show_nul,
    text_attributes,
)
from deepreview.targets.refs import missing_object_problem, partial_clone_problem
from deepreview.targets.remote import origin_url
from deepreview.targets.target import ChangedFile, PullRequest, Target
from deepreview.untrusted_text import one_line_name


def build_target(
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
    repo_url: str | None = None,
    commits_override: tuple[Commit, ...] | None = None,
) -> Target:
    # Independent `git` calls, each mostly process start-up: run at once, they take the time of
    # the slowest, not the sum (the first seat waits for them: benchmarks/README.md).
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="git") as pool:
        history = pool.submit(_history, git, base, head) if commits_override is None else None
        files_f = pool.submit(changed_files, git, base, head)
        diff_f = pool.submit(review_diff, git, base, head)
        origin_f = pool.submit(origin_url, git)
        try:
            commits, head_author = history.result() if history else (commits_override or (), None)
            files, diff = files_f.result(), diff_f.result()
            if text := shown_as_text(files):
                diff = review_diff(git, base, head, text)
        except GitError as e:
            # git's own `fatal: could not fetch … from promisor remote` says neither what the
            # checkout is nor what to do
            found = partial_clone_problem(e.message) or missing_object_problem(e.message)
            raise GitError(found or e.message) from None
        origin = origin_f.result()
    remote_repo = repo_name or (repo_from_url(origin) if origin else None)
    author = head_author if pr is None else None
    title = pr.title if pr else (commits[-1].subject if len(commits) == 1 else "")
    key = checkout_identity(git, origin)
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
        repo_url=repo_url or (f"https://github.com/{remote_repo}" if remote_repo else None),
        base_ref=base_ref,
        repo_key=key,
        repo_aliases=repo_aliases(git, key),
    )


def review_diff(git: Git, base: str, head: str, text: Sequence[str] = ()) -> str:
    """The diff the seats review; `resume` recomputes it with this same command (`text`:
    `shown_as_text` of the target's files). Blind to `.gitattributes` (`targets.attributes`):
    the change cannot hide a text file's lines, and the user's checkout does not decide what
    the seats see. The files of `text` are diffed as text, and every NUL shows as `␀`."""
    argv = [
        "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--submodule=short",
        base, head,
    ]  # fmt: skip
    with text_attributes(text) as as_text:
        out = show_nul(blind_run(git, [*as_text, *argv], timeout=900))
    # bytes that are not UTF-8 as `\xef`, so a file name in a diff header is spelt as
    # `decode_path` spells it in the file table and the findings
    return out.decode("utf-8", errors="backslashreplace")


def shown_as_text(files: Sequence[ChangedFile]) -> list[str]:
    """The paths `review_diff` shows as text though git calls them binary: both names of a
    renamed one (git reads the text attribute of each side's own path; set on the new name
    alone, the old side still read as binary and so did the whole file)."""
    return [p for f in files if f.nul_text for p in (f.path, f.old_path) if p]


def shown_as_text_between(git: Git, old: str, new: str) -> list[str]:
    """`shown_as_text` of what changed from `old` to `new` (commits or trees): a later round's
    interdiff is its own change, whose NUL-text files need not be the review's (one the base
    changed, a rename between the rounds that the review's change sees as an addition)."""
    return shown_as_text(changed_files(git, old, new))


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
    shas: dict[str, tuple[str, str]] = {}  # path -> (old blob, new blob)
    i = 0
    while i < len(fields) - 1 and fields[i].startswith(b":"):
        meta = fields[i].decode("ascii", errors="replace")
        old_mode, new_mode, old_sha, new_sha, status = meta[1:].split()[:5]
        letter = status[0]
        if letter in "RC":
            old_path, path = decode_path(fields[i + 1]), decode_path(fields[i + 2])
            i += 3
        else:
            old_path, path = None, decode_path(fields[i + 1])
            i += 2
        submodule = "160000" in (old_mode, new_mode)
        shas[path] = (old_sha, new_sha)
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
    return _with_nul_text(git, base, head, _with_hidden(git, base, head, files), shas)


def _with_nul_text(
    git: Git, base: str, head: str, files: tuple[ChangedFile, ...], shas: dict[str, tuple[str, str]]
) -> tuple[ChangedFile, ...]:
    """`files`, each binary one that is text but for its NUL bytes (`targets.nul_text`) on
    both sides of the change marked `nul_text` and counted as text."""
    candidates = [
        f.path for f in files
        if f.binary and not f.submodule and f.status != "D" and f.new_mode != "120000"
    ]  # fmt: skip
    if not candidates:
        return files
    blobs = read_blobs(git, [sha for p in candidates for sha in shas.get(p, ())])

    def side(sha: str) -> bool:
        return not sha.strip("0") or (sha in blobs and is_nul_text(blobs[sha]))

    text = sorted(p for p in candidates if p in shas and all(side(sha) for sha in shas[p]))
    if not text:
        return files
    # both names of a renamed file, as `shown_as_text` gives them to every diff
    old_names = [f.old_path for f in files if f.path in text and f.old_path]
    with text_attributes([*text, *old_names]) as as_text:
        argv = [*as_text, "diff", "--numstat", "-z", "-M", base, head]
        counted = _numstat(blind_run(git, argv).split(b"\x00"))
    return tuple(
        dataclasses.replace(
            f, binary=False, nul_text=True, added=counted.get(f.path, (0, 0, False))[0],
            deleted=counted.get(f.path, (0, 0, False))[1],
        )
        if f.path in text else f
        for f in files
    )  # fmt: skip


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
    named = _named(hidden[:_MAX_NAMED])
    more = f" and {len(hidden) - _MAX_NAMED} more" if len(hidden) > _MAX_NAMED else ""
    which = "this file's diff" if len(hidden) == 1 else "these files' diffs"
    return (
        f"The change hides {which} ({named}{more}): its .gitattributes mark text as `-diff` "
        'or `binary`, so a plain `git diff` prints "Binary files … differ". The seats were '
        "shown the text; check why the change hides it."
    )


def nul_note(files: tuple[ChangedFile, ...]) -> str | None:
    """The run note for text files git calls binary for their NUL bytes (shown as text), and
    for files named like scripts that are binary by their bytes (the seats see no line)."""
    nul = [f.path for f in files if f.nul_text]
    scripts = [
        f.path
        for f in files
        if f.binary and not f.submodule and f.status != "D" and named_like_script(f.path)
    ]
    parts = []
    if nul:
        them = "it" if len(nul) == 1 else "them"
        parts.append(
            f"git calls {_named(nul)} binary for NUL bytes in otherwise text: the seats were "
            f"shown {them} as text, each NUL as `␀` (a shell or interpreter runs such a file all "
            "the same); check why the change puts NUL bytes there"
        )
    if scripts:
        one = len(scripts) == 1
        parts.append(
            f"{_named(scripts)} {'is' if one else 'are'} named like a script or config but "
            f"binary by {'its' if one else 'their'} bytes: no seat saw a line of "
            f'{"it" if one else "them"} ("Binary files … differ"); check {"it" if one else "them"} '
            "yourself"
        )
    text = "; ".join(parts)
    return (text[:1].upper() + text[1:] + ".") if parts else None


def _named(paths: list[str]) -> str:
    # The change chose these names: each on one line (no escape sequence reaches a terminal) in
    # a code span, as the other notes name files (a path opening the note is then not
    # capitalized as a sentence's first word: `app/x.py`, never "App/x.py")
    named = ", ".join(code_span(one_line_name(p)) for p in paths[:_MAX_NAMED])
    return named + (f" and {len(paths) - _MAX_NAMED} more" if len(paths) > _MAX_NAMED else "")


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
