"""`git diff --check`: whitespace errors and leftover conflict markers on added lines."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepreview.agents.static.changes import GIT_CONFIG, GIT_DIFF_FLAGS, blind_tool
from deepreview.agents.static.diagnostics import (
    AnalyzerRun,
    Budget,
    Diagnostic,
    failure_reason,
)
from deepreview.model import Severity

NAME = "git diff --check"
_CONFLICT = "leftover conflict marker"
CONFLICT_RULE = "conflict-marker"
_HIT_RE = re.compile(r"(\d+): (.+)")
# git exits 2 when it found problems; anything else non-zero is git itself failing.
_OK_CODES = (0, 1, 2)


@dataclass(frozen=True)
class CheckHit:
    path: str
    line: int
    message: str  # git's words, e.g. "trailing whitespace."


_WHITESPACE_FIXES = {
    "trailing whitespace.": "Remove the trailing whitespace.",
    "space before tab in indent.": "Indent with tabs only or with spaces only.",
    "indent with spaces.": "Indent with tabs, as the repository's whitespace rules ask.",
    "tab in indent.": "Indent with spaces, as the repository's whitespace rules ask.",
    "new blank line at EOF.": "Remove the blank line(s) at the end of the file.",
}


def quote_git_path(path: str) -> str:
    """The name as git prints it with core.quotePath=false (C-style only for odd bytes)."""
    if not any(ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path):
        return path
    named = {"\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r"}
    out = []
    for ch in path:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in named:
            out.append("\\" + named[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):03o}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def parse_diff_check(text: str, paths: Collection[str]) -> list[CheckHit]:
    """`path:line: message` lines for known paths; the `+content` lines after them are skipped.

    Matching against the known changed paths (longest first) is what makes names containing
    `:` or digits unambiguous.
    """
    printed = sorted(((quote_git_path(p), p) for p in paths), key=lambda t: -len(t[0]))
    hits: list[CheckHit] = []
    for raw in text.split("\n"):
        for shown, path in printed:
            if not raw.startswith(shown + ":"):
                continue
            match = _HIT_RE.fullmatch(raw[len(shown) + 1 :])
            if match:
                hits.append(CheckHit(path, int(match.group(1)), match.group(2).strip()))
                break
    return hits


def group_conflict_lines(lines: Sequence[int], content: Sequence[str]) -> list[tuple[int, int]]:
    """Marker line numbers -> one (first, last) span per conflict block.

    A block opens at `<<<<<<<` and closes at `>>>>>>>`; a stray marker is a block of its own.
    """
    spans: list[tuple[int, int]] = []
    open_start: int | None = None
    last = 0
    for number in sorted(lines):
        text = content[number - 1] if 0 < number <= len(content) else ""
        if text.startswith("<<<<<<<") or open_start is None:
            if open_start is not None:
                spans.append((open_start, last))
            open_start = number
        last = number
        if text.startswith(">>>>>>>"):
            spans.append((open_start, number))
            open_start = None
    if open_start is not None:
        spans.append((open_start, last))
    return spans


def _only_cr_at_eol(lines: Sequence[str] | None, number: int) -> bool:
    if not lines or not 0 < number <= len(lines):
        return False
    text = lines[number - 1]
    return text.endswith("\r") and text.rstrip("\r") == text.rstrip("\r").rstrip(" \t")


def diagnostics_from_hits(
    hits: Sequence[CheckHit], contents: Mapping[str, Sequence[str]]
) -> list[Diagnostic]:
    """Diagnostics for git's hits; `contents` (path -> lines) groups conflicts, spots CRLF."""
    diagnostics: list[Diagnostic] = []
    conflicts: dict[str, list[int]] = {}
    for hit in hits:
        if hit.message.startswith(_CONFLICT):
            conflicts.setdefault(hit.path, []).append(hit.line)
            continue
        trailing = hit.message == "trailing whitespace."
        if trailing and _only_cr_at_eol(contents.get(hit.path), hit.line):
            continue  # a CRLF file: git counts the CR as whitespace unless told cr-at-eol
        diagnostics.append(
            Diagnostic(
                analyzer=NAME,
                rule="trailing-whitespace" if trailing else "whitespace",
                path=hit.path,
                line=hit.line,
                severity=Severity.SUGGESTION,
                title=hit.message[:1].upper() + hit.message[1:].rstrip("."),
                message=f"`git diff --check` reports: {hit.message}",
                fix_hint=_WHITESPACE_FIXES.get(hit.message, "Fix the whitespace error."),
                dedupe_key="trailing-whitespace" if trailing else None,
            )
        )
    for path, marker_lines in conflicts.items():
        for first, last in group_conflict_lines(marker_lines, contents.get(path, ())):
            shown = ", ".join(str(n) for n in sorted(marker_lines) if first <= n <= last)
            diagnostics.append(
                Diagnostic(
                    analyzer=NAME,
                    rule=CONFLICT_RULE,
                    path=path,
                    line=first,
                    end_line=last if last != first else None,
                    severity=Severity.CRITICAL,
                    title="Leftover merge conflict markers",
                    message=(
                        f"`git diff --check` reports a leftover conflict marker on line(s) "
                        f"{shown}: the file still holds an unresolved merge conflict, so it "
                        "will not parse or will run both sides of it."
                    ),
                    fix_hint="Resolve the conflict: keep the intended side and delete the "
                    "`<<<<<<<`, `=======` and `>>>>>>>` lines.",
                )
            )
    return diagnostics


def run_diff_check(
    paths: Sequence[str],
    *,
    worktree: Path,
    base_sha: str,
    env: Mapping[str, str],
    budget: Budget,
    files: Path | None = None,
) -> AnalyzerRun:
    """`git diff --check base_sha HEAD` restricted to `paths` (the analyzable changed files);
    `files`: where their text is read (the committed blobs), else `worktree`."""
    if not paths:
        return AnalyzerRun(NAME, skipped="no text file with added lines")
    argv = ("git", *GIT_CONFIG, "diff", "--check", *GIT_DIFF_FLAGS, base_sha, "HEAD", "--")
    result = blind_tool(argv, worktree, env, budget)
    base = AnalyzerRun.from_proc(NAME, result)
    if result.timed_out or result.cancelled or result.spawn_error:
        return base
    if result.returncode not in _OK_CODES:
        return AnalyzerRun(NAME, base.argv, base.exit_code, base.duration_s,
                           error=failure_reason(result), stderr=base.stderr)  # fmt: skip
    text = result.stdout.decode("utf-8", errors="surrogateescape")
    hits = parse_diff_check(text, paths)
    contents = {hit.path: _read_lines((files or worktree) / hit.path) for hit in hits}
    diagnostics = tuple(diagnostics_from_hits(hits, contents))
    return AnalyzerRun(NAME, base.argv, base.exit_code, base.duration_s, diagnostics,
                       stderr=base.stderr)  # fmt: skip


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_bytes().decode("utf-8", errors="replace").split("\n")
    except OSError:
        return []
