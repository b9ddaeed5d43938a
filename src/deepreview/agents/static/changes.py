"""Which files changed in `base_sha..HEAD`, and which of their lines this change added.

Two git calls, two pure parsers: `git diff --raw -z` is the authoritative file list (NUL
separated, so any file name survives, and it carries the modes that tell symlinks and submodules
apart), and `git diff --unified=0` parsed with `unidiff` gives the added line numbers.  The two are
joined on the new path; unidiff keeps git's C-style quoting of odd names, so we unquote it here.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import unidiff

from deepreview import proc
from deepreview.agents.static.diagnostics import AnalyzerRun, Budget, failure_reason, run_tool
from deepreview.targets import attributes, nul_text

ChangeKind = Literal["added", "modified", "renamed", "copied", "deleted", "type-changed"]

_KINDS: Mapping[str, ChangeKind] = {
    "A": "added",
    "M": "modified",
    "R": "renamed",
    "C": "copied",
    "D": "deleted",
    "T": "type-changed",
}
_SYMLINK_MODE = "120000"
_SUBMODULE_MODE = "160000"

# Options that make the output independent of the user's diff configuration (prefixes, colours,
# external drivers) and keep non-ASCII names unescaped. Attributes are ignored as well (run
# through `blind_tool`): the change's own `.gitattributes` must not turn a text file it adds
# into "binary" and so out of every analyzer's sight.
GIT_DIFF_FLAGS = (
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "-M",
)
GIT_CONFIG = ("-c", "core.quotePath=false", *attributes.CONFIG)
_MAX_DIFF_BYTES = 256 * 1024 * 1024
# Files larger than this are not analyzed (the seat's notes and coverage say so): detect-secrets
# reads about a MiB in 5 s of CPU, so one 20 MB data file beside the change's code ran the whole
# seat into its timeout and every finding on the other files was lost (trial45b).
MAX_SCAN_BYTES = 1024 * 1024


def mebibytes(size: int) -> str:
    """`1.1 MiB`; a whole number without its `.0` (`1 MiB`)."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MiB" if value == int(value) else f"{value:.1f} MiB"


@dataclass(frozen=True)
class RawEntry:
    """One line of `git diff --raw -z`."""

    status: str  # the letter: A M D R C T U
    old_mode: str
    new_mode: str
    path: str  # the new path (the old one for deletions)
    old_path: str | None = None  # renames and copies only
    new_sha: str = ""  # the new side's blob ("0"s for a deletion)


@dataclass(frozen=True)
class FileLines:
    """What the unified diff says about one file."""

    path: str
    added: frozenset[int]
    binary: bool


@dataclass(frozen=True)
class ChangedFile:
    path: str  # repo-relative, new side
    kind: ChangeKind
    added_lines: frozenset[int]
    old_path: str | None = None
    binary: bool = False
    symlink: bool = False
    submodule: bool = False
    blob: str = ""  # the committed blob the analyzers read (`blobs`)
    size: int | None = None  # its size in bytes, when asked

    @property
    def too_large(self) -> bool:
        return self.size is not None and self.size > MAX_SCAN_BYTES

    @property
    def skip_reason(self) -> str | None:
        """Why this file's content is not analyzed, or None when it is."""
        if self.kind == "deleted":
            return "deleted"
        if self.submodule:
            return "submodule"
        # A symlink's target may lie outside the worktree; reading it could leak local files.
        if self.symlink:
            return "symlink"
        if self.binary:
            return "binary"
        if self.too_large and self.size is not None:
            return f"too large: {mebibytes(self.size)} > {mebibytes(MAX_SCAN_BYTES)} limit"
        return None

    @property
    def analyzable(self) -> bool:
        return self.skip_reason is None and bool(self.added_lines)


def parse_raw_z(data: bytes) -> list[RawEntry]:
    """Parse `git diff --raw -z` output: `:old new sha sha STATUS\\0path\\0[path2\\0]`."""
    fields = data.split(b"\0")
    entries: list[RawEntry] = []
    i = 0
    while i < len(fields):
        head = fields[i]
        i += 1
        if not head:
            continue
        if not head.startswith(b":"):
            raise ValueError(f"unexpected git diff --raw field: {head[:60]!r}")
        parts = head[1:].decode("ascii").split()
        old_mode, new_mode, new_sha, status = parts[0], parts[1], parts[3], parts[4]
        letter = status[0]
        first = _decode_path(fields[i])
        i += 1
        if letter in ("R", "C"):
            second = _decode_path(fields[i])
            i += 1
            entries.append(RawEntry(letter, old_mode, new_mode, second, first, new_sha))
        else:
            entries.append(RawEntry(letter, old_mode, new_mode, first, new_sha=new_sha))
    return entries


def _decode_path(raw: bytes) -> str:
    # surrogateescape: a non-UTF-8 name still round-trips to the same bytes on disk.
    return raw.decode("utf-8", errors="surrogateescape")


_ESCAPES = {
    "a": b"\a",
    "b": b"\b",
    "t": b"\t",
    "n": b"\n",
    "v": b"\v",
    "f": b"\f",
    "r": b"\r",
    '"': b'"',
    "\\": b"\\",
}
_ESCAPE_RE = re.compile(r'\\([0-7]{3}|[abtnvfr"\\])')


def unquote_git_path(name: str) -> str:
    """Undo git's C-style quoting (`"b/tab\\there.txt"`); unquoted names pass through."""
    if len(name) < 2 or not (name.startswith('"') and name.endswith('"')):
        return name
    body = name[1:-1]
    out = bytearray()
    pos = 0
    for match in _ESCAPE_RE.finditer(body):
        out += body[pos : match.start()].encode("utf-8", errors="surrogateescape")
        code = match.group(1)
        out += bytes([int(code, 8)]) if len(code) == 3 else _ESCAPES[code]
        pos = match.end()
    out += body[pos:].encode("utf-8", errors="surrogateescape")
    return out.decode("utf-8", errors="surrogateescape")


def _strip_prefix(name: str) -> str | None:
    name = unquote_git_path(name)
    if name == "/dev/null":
        return None
    if name.startswith(("a/", "b/")):
        return name[2:]
    return name


def parse_changed_lines(diff_text: str) -> dict[str, FileLines]:
    """Added line numbers per new-side path from a `git diff --unified=0` text."""
    result: dict[str, FileLines] = {}
    for patched in unidiff.PatchSet(_split_lines_keep_lf(diff_text)):
        path = _strip_prefix(patched.target_file) or _strip_prefix(patched.source_file)
        if path is None:
            continue
        added = frozenset(
            line.target_line_no
            for hunk in patched
            for line in hunk
            if line.is_added and line.target_line_no is not None
        )
        result[path] = FileLines(path, added, bool(patched.is_binary_file))
    return result


def join_changes(
    raw: list[RawEntry], lines: Mapping[str, FileLines], sizes: Mapping[str, int] | None = None
) -> list[ChangedFile]:
    """One `ChangedFile` per raw entry, with the added lines from the unified diff and the
    size of its new blob (`sizes`: blob -> bytes)."""
    changed: list[ChangedFile] = []
    for entry in raw:
        info = lines.get(entry.path)
        kind = _KINDS.get(entry.status, "modified")
        changed.append(
            ChangedFile(
                path=entry.path,
                kind=kind,
                added_lines=info.added if info and kind != "deleted" else frozenset(),
                old_path=entry.old_path,
                binary=bool(info and info.binary),
                symlink=entry.new_mode == _SYMLINK_MODE,
                submodule=_SUBMODULE_MODE in (entry.new_mode, entry.old_mode),
                blob=entry.new_sha,
                size=sizes.get(entry.new_sha) if sizes else None,
            )
        )
    return sorted(changed, key=lambda c: c.path)


def _split_lines_keep_lf(text: str) -> list[str]:
    """Split on LF only: other separators (form feed, U+2028) belong to the line's content."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def blind_tool(
    argv: tuple[str, ...],
    worktree: Path,
    env: Mapping[str, str],
    budget: Budget,
    limit: int | None = None,
    stdin: bytes | None = None,
) -> proc.ProcResult:
    """A `git` command on `worktree`'s repository that reads no `.gitattributes`
    (`targets.attributes`): the head's are the change's own."""
    with attributes.attribute_blind(worktree / ".git") as blind:
        run_env = {**env, **blind.env}
        if limit is None:
            return run_tool(argv, cwd=blind.cwd, env=run_env, budget=budget, stdin=stdin)
        return run_tool(argv, cwd=blind.cwd, env=run_env, budget=budget, limit=limit, stdin=stdin)


@dataclass(frozen=True)
class ChangesResult:
    files: list[ChangedFile]
    runs: list[AnalyzerRun]
    error: str | None = None


def collect_changes(
    worktree: Path, base_sha: str, *, env: Mapping[str, str], budget: Budget
) -> ChangesResult:
    """Run the two diffs in `worktree` and join them; `error` says why it could not."""
    raw_argv = ("git", *GIT_CONFIG, "diff", "--raw", "-z", "--no-abbrev", *GIT_DIFF_FLAGS,
                base_sha, "HEAD", "--")  # fmt: skip
    raw_res = blind_tool(raw_argv, worktree, env, budget, limit=_MAX_DIFF_BYTES)
    runs = [AnalyzerRun.from_proc("git diff --raw", raw_res)]
    if not raw_res.ok:
        return ChangesResult([], runs, f"git diff --raw {failure_reason(raw_res)}")
    try:
        raw = parse_raw_z(raw_res.stdout)
    except (ValueError, IndexError) as exc:
        return ChangesResult([], runs, f"could not parse git diff output: {exc}")
    sizes_res = blob_sizes(worktree, [e.new_sha for e in raw if e.status != "D"], env, budget)
    runs.append(AnalyzerRun.from_proc("git cat-file --batch-check", sizes_res))
    if not sizes_res.ok:
        return ChangesResult([], runs, f"git cat-file {failure_reason(sizes_res)}")
    sizes = parse_sizes(sizes_res.stdout)
    # A file too large to analyze stays out of the unified diff too: parsing a 200 MB one held
    # the seat for minutes.
    big = [e.path for e in raw if sizes.get(e.new_sha, 0) > MAX_SCAN_BYTES]
    skipped = [f":(top,literal,exclude){path}" for path in big]
    uni_argv = ("git", *GIT_CONFIG, "diff", "--unified=0", *GIT_DIFF_FLAGS, base_sha, "HEAD", "--",
                *skipped)  # fmt: skip
    uni_res = blind_tool(uni_argv, worktree, env, budget, limit=_MAX_DIFF_BYTES)
    runs.append(AnalyzerRun.from_proc("git diff --unified=0", uni_res))
    if not uni_res.ok:
        return ChangesResult([], runs, f"git diff {failure_reason(uni_res)}")
    if raw_res.output_truncated or uni_res.output_truncated:
        return ChangesResult([], runs, "the diff is larger than 256 MiB; review a smaller change")
    try:
        lines = parse_changed_lines(uni_res.stdout.decode("utf-8", errors="surrogateescape"))
    except (ValueError, IndexError, unidiff.UnidiffParseError) as exc:
        return ChangesResult([], runs, f"could not parse git diff output: {exc}")
    # A text file git calls binary for a NUL byte is analyzed as text (`targets.nul_text`): the
    # seats' diff shows it so, and `sh` runs it all the same.
    text = _nul_text_paths(worktree, raw, lines, sizes, env, budget)
    if text:
        with nul_text.text_attributes(text) as as_text:
            argv = ("git", *GIT_CONFIG, *as_text, *uni_argv[len(GIT_CONFIG) + 1 :])
            again = blind_tool(argv, worktree, env, budget, limit=_MAX_DIFF_BYTES)
        if again.ok and not again.output_truncated:
            with contextlib.suppress(ValueError, IndexError, unidiff.UnidiffParseError):
                lines = parse_changed_lines(again.stdout.decode("utf-8", errors="surrogateescape"))
    return ChangesResult(join_changes(raw, lines, sizes), runs)


def _nul_text_paths(
    worktree: Path,
    raw: list[RawEntry],
    lines: Mapping[str, FileLines],
    sizes: Mapping[str, int],
    env: Mapping[str, str],
    budget: Budget,
) -> list[str]:
    """The files the unified diff calls binary whose new blob is text but for NUL bytes."""
    wanted = [
        e for e in raw
        if e.status != "D" and (info := lines.get(e.path)) is not None and info.binary
        and sizes.get(e.new_sha, nul_text.MAX_TEXT_BYTES + 1) <= nul_text.MAX_TEXT_BYTES
        and _SUBMODULE_MODE not in (e.old_mode, e.new_mode) and e.new_mode != _SYMLINK_MODE
    ]  # fmt: skip
    if not wanted:
        return []
    request = "".join(f"{e.new_sha}\n" for e in wanted).encode()
    res = blind_tool(("git", *GIT_CONFIG, "cat-file", "--batch"), worktree, env, budget,
                     stdin=request)  # fmt: skip
    if not res.ok:
        return []
    found: list[str] = []
    pos = 0
    for entry in wanted:
        end = res.stdout.find(b"\n", pos)
        header = res.stdout[pos:end].split()
        if end < 0 or len(header) != 3 or not header[2].isdigit():
            return found
        size = int(header[2])
        if nul_text.is_nul_text(res.stdout[end + 1 : end + 1 + size]):
            found.append(entry.path)
        pos = end + 1 + size + 1
    return found


def blob_sizes(
    worktree: Path, shas: list[str], env: Mapping[str, str], budget: Budget
) -> proc.ProcResult:
    """`git cat-file --batch-check` of `shas`: one call for every changed file."""
    request = "".join(f"{sha}\n" for sha in dict.fromkeys(shas)).encode()
    argv = ("git", *GIT_CONFIG, "cat-file", "--batch-check=%(objectname) %(objectsize)")
    return blind_tool(argv, worktree, env, budget, stdin=request)


def parse_sizes(out: bytes) -> dict[str, int]:
    """blob -> size from `--batch-check` lines (a missing object's line is left out)."""
    sizes: dict[str, int] = {}
    for line in out.decode("ascii", errors="replace").splitlines():
        sha, _, size = line.partition(" ")
        if size.isdigit():
            sizes[sha] = int(size)
    return sizes
