"""ruff on the changed Python files.

`--isolated` keeps the reviewed repository's own ruff configuration (untrusted input: it could
point `extend` at any file or silence every rule) out of the run, so every review applies the same
rule set.  The price is ruff's default line length, which is why E501 is ignored.
`--ignore-noqa` does the same for the change's own `# noqa` / `# ruff: noqa` comments: a change
that adds them must not silence its own review (findings are only taken on added lines, so the
repository's older suppressions stay quiet).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from deepreview.agents.static.diagnostics import (
    AnalyzerRun,
    Budget,
    Diagnostic,
    argv_batches,
    failure_reason,
    run_tool,
)
from deepreview.late_imports import LATE_IMPORTS
from deepreview.model import Severity

NAME = "ruff"
PYTHON_SUFFIXES = (".py", ".pyi")
SELECTED = ("E", "F", "W", "B", "S", "UP")  # the rule families `--select` names
RUFF_ARGS = (
    "check",
    "--output-format",
    "json",
    "--no-cache",
    "--isolated",
    "--ignore-noqa",
    "--select",
    ",".join(SELECTED),
    # Without the project's config ruff assumes 88 columns; most projects use something else.
    "--ignore",
    "E501",
    "--exit-zero",
)

# pyflakes and bugbear rules whose hits are real bugs on the path they flag, not style.
_BUG_CODES = frozenset(
    {
        *(f"F{n}" for n in (*range(501, 510), *range(521, 526))),
        "F601", "F602", "F621", "F622", "F631", "F632", "F633", "F701", "F702", "F704",
        "F706", "F707", "F722", "F811", "F821", "F822", "F823",
        "B002", "B003", "B006", "B012", "B015", "B016", "B018", "B020", "B023", "B025",
        "B026", "B029", "B030", "B032", "B033", "B035",
    }
)  # fmt: skip
# Bandit rules that fire on ordinary code (every assert, every subprocess call): not important.
_LOW_SIGNAL_SECURITY = frozenset({"S101", "S110", "S112", "S311", "S603", "S607"})
_PASSWORD_RULES = frozenset({"S105", "S106", "S107"})
# Bandit rules on how a test sets up (a fixed temp path, a server on every interface): a hole in
# code, a note in a test, where at worst two runs clash.
_TEST_SETUP_SECURITY = frozenset({"S104", "S108"})
# Every rule code named here: the installed ruff must know each (tests/seats/test_ruff_rules.py).
RULE_CODES = frozenset(
    {*_BUG_CODES, *_LOW_SIGNAL_SECURITY, *_PASSWORD_RULES, *_TEST_SETUP_SECURITY, "S101", "E501"}
)
_MAX_FIX_DIFF_LINES = 40
SYNTAX_ERROR = "syntax-error"  # our rule name for every ruff parse error


def find_ruff() -> Path | None:
    """The ruff executable installed with this package (next to the interpreter)."""
    name = "ruff.exe" if os.name == "nt" else "ruff"
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return beside
    try:
        with LATE_IMPORTS:  # user installs keep scripts elsewhere
            from ruff.__main__ import find_ruff_bin
    except ImportError:
        return None
    try:
        return Path(find_ruff_bin())
    except FileNotFoundError:
        return None


def ruff_version() -> str | None:
    try:
        return metadata.version("ruff")
    except metadata.PackageNotFoundError:
        return None


def is_python(path: str) -> bool:
    return path.endswith(PYTHON_SUFFIXES)


def _is_test_file(path: str) -> bool:
    pure = PurePosixPath(path)
    return (
        pure.name.startswith("test_")
        or pure.name.endswith("_test.py")
        or pure.name == "conftest.py"
        or any(part in ("tests", "test") for part in pure.parts[:-1])
    )


def _is_syntax_error(code: str | None) -> bool:
    # Older ruff releases print no code (or E999) for a parse error, newer ones "invalid-syntax".
    return code in (None, "", "E999", SYNTAX_ERROR, "invalid-syntax")


def severity_for(code: str | None) -> Severity:
    if code is None or _is_syntax_error(code):  # the file does not even import
        return Severity.IMPORTANT
    if code in _BUG_CODES:
        return Severity.IMPORTANT
    if code.startswith("S") and code not in _LOW_SIGNAL_SECURITY:
        return Severity.IMPORTANT
    return Severity.SUGGESTION


def run_ruff(
    paths: Sequence[str],
    *,
    worktree: Path,
    env: Mapping[str, str],
    budget: Budget,
) -> AnalyzerRun:
    """Check `paths` (repo-relative Python files) and return every diagnostic ruff reports."""
    if not paths:
        return AnalyzerRun(NAME, skipped="no Python file with added lines")
    exe = find_ruff()
    if exe is None:
        return AnalyzerRun(NAME, error="the ruff executable was not found; reinstall deepreview")
    diagnostics: list[Diagnostic] = []
    runs: list[AnalyzerRun] = []
    done = 0
    # In batches: 25 000 paths on one command line were "Argument list too long".
    for batch in argv_batches(paths):
        run = _run_batch(exe, batch, worktree=worktree, env=env, budget=budget)
        runs.append(run)
        diagnostics += run.diagnostics
        if run.error is not None:
            break
        done += len(batch)
    first, last = runs[0], runs[-1]
    # Out of time or failed after some batches: the files of the others were never checked.
    unreached = tuple(paths[done:]) if last.error is not None and done else None
    return AnalyzerRun(
        NAME, first.argv, last.exit_code, sum(r.duration_s for r in runs),
        tuple(diagnostics), error=last.error, stderr=last.stderr, unreached=unreached,
    )  # fmt: skip


def _run_batch(
    exe: Path, paths: Sequence[str], *, worktree: Path, env: Mapping[str, str], budget: Budget
) -> AnalyzerRun:
    result = run_tool((str(exe), *RUFF_ARGS, "--", *paths), cwd=worktree, env=env, budget=budget)
    base = AnalyzerRun.from_proc(NAME, result)
    if result.timed_out or result.cancelled or result.spawn_error:
        return base
    sources = {p: _read_text(worktree / p) for p in paths}
    try:
        diagnostics = parse_ruff_json(result.stdout_text, worktree=worktree, sources=sources)
    except ValueError as exc:
        reason = failure_reason(result) if not result.ok else f"unreadable output ({exc})"
        return AnalyzerRun(NAME, base.argv, base.exit_code, base.duration_s, error=reason)
    error = None if result.ok else failure_reason(result)
    return AnalyzerRun(
        NAME, base.argv, base.exit_code, base.duration_s, tuple(diagnostics), error=error,
        stderr=base.stderr,
    )  # fmt: skip


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def parse_ruff_json(text: str, *, worktree: Path, sources: Mapping[str, str]) -> list[Diagnostic]:
    """Diagnostics from `ruff check --output-format json`; `sources` maps path -> file text."""
    try:
        items = json.loads(text or "[]")
    except json.JSONDecodeError as exc:
        raise ValueError(str(exc)) from exc
    if not isinstance(items, list):
        raise ValueError("expected a JSON list")
    rel_of = _relative_paths(worktree, sources)
    diagnostics: list[Diagnostic] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        rel = rel_of.get(os.path.normpath(str(item.get("filename", ""))))
        if rel is None:
            continue
        diagnostic = _diagnostic(item, rel, sources.get(rel, ""))
        if diagnostic is not None:
            diagnostics.append(diagnostic)
    return diagnostics


def _relative_paths(worktree: Path, sources: Mapping[str, str]) -> dict[str, str]:
    """Absolute file name as ruff prints it -> repo-relative path (symlinked tmp dirs too)."""
    mapping: dict[str, str] = {}
    roots = {os.path.normpath(str(worktree)), os.path.normpath(str(worktree.resolve()))}
    for rel in sources:
        for root in roots:
            mapping[os.path.normpath(os.path.join(root, rel))] = rel
        mapping[os.path.normpath(rel)] = rel
    return mapping


def _diagnostic(item: Mapping[str, Any], rel: str, source: str) -> Diagnostic | None:
    raw_code = item.get("code")
    code = str(raw_code) if raw_code else None
    syntax = _is_syntax_error(code)
    if syntax:
        code = None
    if code == "S101" and _is_test_file(rel):
        return None  # asserts are how pytest tests are written
    location = item.get("location") or {}
    end = item.get("end_location") or {}
    line = int(location.get("row") or 1)
    end_line = int(end.get("row") or line)
    message = str(item.get("message") or "")
    name = None if syntax else item.get("name")
    url = item.get("url")
    rule_label = f"`{code}`" if code else "reports a syntax error"
    explanation = f"ruff {rule_label}" + (f" ({name})" if name else "") + f": {message}."
    if syntax:
        explanation += " The file does not parse, so it cannot be imported or run."
    if url:
        explanation += f" See {url}."
    fix = item.get("fix") or {}
    fix_diff = _fix_diff(rel, source, fix.get("edits") or [])
    hint = str(fix.get("message") or "")
    if fix.get("applicability") == "unsafe" and hint:
        hint += " (ruff marks this fix unsafe: it may change behaviour; check it)"
    if not hint:
        hint = (
            "Correct the syntax so the file parses"
            if syntax
            else "Change the code so the rule no longer applies" + (f"; see {url}" if url else "")
        )
    hint = hint.rstrip(".") + "."
    whitespace = code in ("W291", "W293")
    return Diagnostic(
        analyzer=NAME,
        rule=code or SYNTAX_ERROR,
        path=rel,
        line=line,
        end_line=end_line if end_line != line else None,
        severity=(
            Severity.SUGGESTION
            if code in _TEST_SETUP_SECURITY and _is_test_file(rel)
            else severity_for(code)
        ),
        title=("Syntax error: " if syntax else "") + message.rstrip("."),
        message=explanation,
        fix_hint=hint,
        fix_diff=fix_diff,
        url=str(url) if url else None,
        category="security" if code and code.startswith("S") else None,
        dedupe_key="trailing-whitespace"
        if whitespace
        else ("hardcoded-secret" if code in _PASSWORD_RULES else None),
        mask_literals=code in _PASSWORD_RULES,
    )


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_source_lines(text: str) -> list[str]:
    """Lines the way ruff counts them (CRLF, CR and LF all end a line), endings kept."""
    return _LINE_RE.findall(text)


def _fix_diff(rel: str, source: str, edits: Sequence[Mapping[str, Any]]) -> str | None:
    """Apply one diagnostic's edits to the file text and show the change as diff hunks."""
    if not edits or not source:
        return None
    lines = split_source_lines(source)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))

    def offset(pos: Mapping[str, Any]) -> int:
        row, col = int(pos["row"]), int(pos["column"])
        if row > len(lines):
            return len(source)
        return min(starts[row - 1] + col - 1, starts[row])

    try:
        spans = sorted(
            ((offset(e["location"]), offset(e["end_location"]), str(e.get("content") or ""))
             for e in edits),
            reverse=True,
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None
    fixed = source
    for start, stop, content in spans:
        fixed = fixed[:start] + content + fixed[stop:]
    hunks = list(
        difflib.unified_diff(lines, split_source_lines(fixed), f"a/{rel}", f"b/{rel}", n=1)
    )[2:]
    if not hunks or len(hunks) > _MAX_FIX_DIFF_LINES:
        return None
    return "".join(h.rstrip("\r\n") + "\n" for h in hunks)
