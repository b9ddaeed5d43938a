"""detect-secrets on the changed files; findings on added lines only, values always masked."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from deepreview.agents.static.diagnostics import (
    AnalyzerRun,
    Budget,
    Diagnostic,
    failure_reason,
    run_tool,
)
from deepreview.model import Severity

NAME = "detect-secrets"
WORKER = "deepreview.agents.static.secrets_worker"


def detect_secrets_version() -> str | None:
    try:
        return metadata.version("detect-secrets")
    except metadata.PackageNotFoundError:
        return None


def mask(secret: str) -> str:
    """The first few characters and an ellipsis; short values show less so they stay secret."""
    return secret[: min(4, len(secret) // 3)] + "…"


def parse_worker_output(text: str, *, partial: bool = False) -> list[tuple[str, int, str, str]]:
    """`(path, line, type, secret)` tuples from the worker's JSON lines (one list per file).
    `partial`: the worker was stopped, and its last line may be cut off (left out)."""
    lines = text.split("\n")
    if partial:
        lines = lines[:-1]  # only lines it finished (with their newline) are whole
    items: list[Any] = []
    for line in filter(None, (ln.strip() for ln in lines)):
        try:
            listed = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(str(exc)) from exc
        if not isinstance(listed, list):
            raise ValueError("expected a JSON list")
        items += listed
    found = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("line"), int):
            found.append(
                (str(item["path"]), item["line"], str(item["type"]), str(item.get("secret") or ""))
            )
    return found


def diagnostics_from_secrets(found: Sequence[tuple[str, int, str, str]]) -> list[Diagnostic]:
    """One critical diagnostic per line, naming every plugin that fired there."""
    by_line: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for path, line, kind, secret in found:
        by_line.setdefault((path, line), []).append((kind, secret))
    diagnostics = []
    for (path, line), hits in sorted(by_line.items()):
        kinds = sorted({kind for kind, _ in hits})
        values = tuple(sorted({secret for _, secret in hits if secret}, key=len, reverse=True))
        shown = ", ".join(f"`{mask(v)}`" for v in values) or "a value"
        diagnostics.append(
            Diagnostic(
                analyzer=NAME,
                rule=kinds[0],
                path=path,
                line=line,
                severity=Severity.CRITICAL,
                title=f"Possible secret committed: {' / '.join(kinds)}",
                message=(
                    f"detect-secrets ({', '.join(kinds)}) flags {shown} on a line this change "
                    "adds. Anything pushed to git stays in its history, so a real credential "
                    "here must be treated as leaked."
                ),
                fix_hint="Remove the value from the code, rotate the credential if it is real, "
                "and read it from the environment or a secret store instead.",
                category="security",
                dedupe_key="hardcoded-secret",
                secrets=values,
            )
        )
    return diagnostics


def run_secret_scan(
    paths: Sequence[str],
    *,
    worktree: Path,
    env: Mapping[str, str],
    budget: Budget,
) -> AnalyzerRun:
    """Scan `paths` (repo-relative text files) in a child interpreter."""
    if not paths:
        return AnalyzerRun(NAME, skipped="no text file with added lines")
    # -P: the worktree is the child's cwd and must not shadow our imports (untrusted code).
    # The paths on stdin: on the command line 25 000 of them were "Argument list too long".
    argv = (sys.executable, "-P", "-m", WORKER, "--stdin")
    stdin = "\0".join(paths).encode("utf-8", "surrogateescape")
    result = run_tool(argv, cwd=worktree, env=env, budget=budget, stdin=stdin)
    base = AnalyzerRun.from_proc(NAME, result)
    # Cut off by the deadline: the files it finished still count (and their values are masked).
    cut = result.timed_out and not result.output_truncated
    if not result.ok and not cut:
        return AnalyzerRun(NAME, base.argv, base.exit_code, base.duration_s,
                           error=failure_reason(result), stderr=base.stderr)  # fmt: skip
    try:
        found = parse_worker_output(result.stdout_text, partial=cut)
    except ValueError as exc:
        return AnalyzerRun(NAME, base.argv, base.exit_code, base.duration_s,
                           error=f"unreadable output ({exc})", stderr=base.stderr)  # fmt: skip
    by_path: dict[str, list[str]] = {}  # a list each: a tuple rebuilt per secret is quadratic
    for path, _line, _kind, secret in found:
        if secret:
            by_path.setdefault(path, []).append(secret)
    file_secrets = {path: tuple(values) for path, values in by_path.items()}
    # The worker answers the files in order, one whole line each: those past its last whole
    # line were never scanned.
    answered = sum(1 for ln in result.stdout_text.split("\n")[:-1] if ln.strip())
    return AnalyzerRun(
        NAME, base.argv, base.exit_code, base.duration_s,
        tuple(diagnostics_from_secrets(found)), stderr=base.stderr, file_secrets=file_secrets,
        error=failure_reason(result) if cut else None,
        unreached=tuple(paths[answered:]) if cut else None,
    )  # fmt: skip
