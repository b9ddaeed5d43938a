"""The `static` seat: real analyzers on the lines a change adds, written up as a review.

It needs no model and no credentials, so it is always available.  Every analyzer runs through
`proc.run` under the seat's one time budget; an analyzer that fails becomes a limitation in the
review, never a failed seat.  Only a broken diff (bad base SHA) fails the seat.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, Literal

from deepreview.agents.base import (
    Agent,
    Availability,
    ProgressEvent,
    SeatOutcome,
    SeatSettings,
    SeatTask,
)
from deepreview.agents.static import assigned_secrets, diff_check, ruff_check, secret_scan
from deepreview.agents.static.blobs import committed_files
from deepreview.agents.static.changes import (
    MAX_SCAN_BYTES,
    ChangedFile,
    collect_changes,
    mebibytes,
)
from deepreview.agents.static.diagnostics import NO_TIME_LEFT, AnalyzerRun, Budget, Diagnostic
from deepreview.agents.static.review import build_review
from deepreview.model import AgentReview, CoverageEntry
from deepreview.runmodel import format_duration
from deepreview.workspace.worktree import seat_git_env

_LOGGER = logging.getLogger(__name__)
_ALWAYS = (
    "Only lines added by this change were analyzed; problems on unchanged lines are out of scope.",
    "No model read this change: design, logic and test gaps are left to the other seats.",
)
_RUFF_ISOLATED = (
    "ruff ran with `--isolated` (rules E, F, W, B, S, UP; E501 ignored): the repository's own "
    "ruff configuration was not applied."
)


def analysis_env(env: Mapping[str, str], worktree: Path | None = None) -> dict[str, str]:
    """The user's environment as a seat's git gets it (`seat_git_env`: nothing pointing git at
    another repository, no hooks), with git messages in English."""
    clean = seat_git_env(env, worktree)
    clean["LC_ALL"] = "C"  # `git diff --check` messages are parsed
    clean["GIT_TERMINAL_PROMPT"] = "0"
    return clean


def keep_changed(
    diagnostics: Sequence[Diagnostic], files: Sequence[ChangedFile]
) -> list[Diagnostic]:
    """Drop what is not on an added line, and keep one diagnostic per problem and line.

    When two analyzers report the same problem on one line (ruff W291 and `git diff --check`
    trailing whitespace; ruff S105 and detect-secrets) the most severe wins, then the first.
    Only a file's first syntax error outside conflict markers is kept.
    """
    added = {f.path: f.added_lines for f in files if f.analyzable}
    conflicts = [d for d in diagnostics if d.rule == diff_check.CONFLICT_RULE]
    kept: dict[tuple[str, int, str], Diagnostic] = {}
    syntax_seen: set[str] = set()
    for index, diagnostic in enumerate(sorted(diagnostics, key=lambda d: (d.path, d.line))):
        if diagnostic.line not in added.get(diagnostic.path, frozenset()):
            continue
        if diagnostic.rule == ruff_check.SYNTAX_ERROR:
            # A parse error cascades into many; conflict markers explain their own.
            if diagnostic.path in syntax_seen or any(
                c.path == diagnostic.path and c.line <= diagnostic.line <= c.last_line
                for c in conflicts
            ):
                continue
            syntax_seen.add(diagnostic.path)
        key = (diagnostic.path, diagnostic.line, diagnostic.dedupe_key or f"#{index}")
        current = kept.get(key)
        if current is None or diagnostic.severity.rank < current.severity.rank:
            kept[key] = diagnostic
    return list(kept.values())


def _printable(text: str) -> str:
    """Non-UTF-8 file names arrive as surrogate escapes; spell them as `decode_path` does
    (`na\\xefve.py`, the name the file table and the other seats use), do not crash."""
    try:
        raw = text.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", errors="replace")
    return raw.decode("utf-8", errors="backslashreplace")


def _printable_review(review: AgentReview) -> AgentReview:
    """Every text the review carries, printable (file names reach findings and coverage)."""
    return AgentReview(
        seat=review.seat,
        executive_summary=_printable(review.executive_summary),
        findings=tuple(
            replace(
                f,
                title=_printable(f.title),
                body=_printable(f.body),
                fix=_printable(f.fix),
                locations=tuple(replace(loc, path=_printable(loc.path)) for loc in f.locations),
            )
            for f in review.findings
        ),
        coverage=tuple(
            CoverageEntry(_printable(c.path), _printable(c.status)) for c in review.coverage
        ),
        seat_notes=tuple(_printable(n) for n in review.seat_notes),
        raw=_printable(review.raw),
    )


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_bytes().decode("utf-8", errors="replace").split("\n")
    except OSError:
        return []


class StaticAgent(Agent):
    name: ClassVar[str] = "static"
    display_name: ClassVar[str] = "Static analysis"
    model_backed: ClassVar[bool] = False
    takes_model: ClassVar[bool] = False
    deterministic: ClassVar[bool] = True

    def availability(self, settings: SeatSettings, env: Mapping[str, str]) -> Availability:
        ruff = ruff_check.find_ruff()
        versions = [
            f"ruff {ruff_check.ruff_version() or '?'}",
            f"detect-secrets {secret_scan.detect_secrets_version() or '?'}",
        ]
        return Availability(
            name=self.name,
            usable=True,  # an analyzer that is missing becomes a limitation in the review
            found=True,
            reason="built in; needs no model" + ("" if ruff else " (ruff executable missing)"),
            version=", ".join(versions),
            binary=str(ruff) if ruff else None,
            model_backed=False,
        )

    def run(self, task: SeatTask) -> SeatOutcome:
        budget = Budget.starting_now(task.timeout, task.cancel)
        env = analysis_env(task.env, task.worktree)
        if not task.base_sha:
            return SeatOutcome("failed", reason="no base SHA given to the static seat")
        changes = collect_changes(task.worktree, task.base_sha, env=env, budget=budget)
        runs: list[AnalyzerRun] = list(changes.runs)
        if changes.error is not None:
            _write_log(task, runs, {})
            if budget.cancelled:
                return SeatOutcome("interrupted", reason="interrupted")
            if budget.expired:
                return SeatOutcome(
                    "timeout", reason=f"timed out after {format_duration(task.timeout)}"
                )
            return SeatOutcome("failed", reason=changes.error)
        files = changes.files
        # The analyzers read the committed blobs (`blobs`), not the worktree the change's
        # `.gitattributes` converted.
        with committed_files(task.worktree, files, env, budget) as committed:
            runs.append(committed.run)
            analyzers: list[AnalyzerRun] = []
            if committed.ok:
                analyzers = _analyzer_runs(
                    task.worktree, committed.root, task.base_sha, files, env, budget,
                    task.seat, task.on_progress,
                )  # fmt: skip
            all_diagnostics = [d for run in analyzers for d in run.diagnostics]
            kept = keep_changed(all_diagnostics, files)
            contents = {p: _read_lines(committed.root / p) for p in {d.path for d in kept}}
        if budget.cancelled:
            _write_log(task, runs + analyzers, {})
            return SeatOutcome("interrupted", reason="interrupted")
        if not committed.ok:
            _write_log(task, runs, {})
            if budget.expired:
                return SeatOutcome(
                    "timeout", reason=f"timed out after {format_duration(task.timeout)}"
                )
            return SeatOutcome("failed", reason="could not read the committed files: " + (
                committed.run.error or "unexpected git cat-file output"))  # fmt: skip
        file_secrets: dict[str, tuple[str, ...]] = {}
        for run in analyzers:
            for path, values in run.file_secrets.items():
                # each file's secrets once: its findings' texts are redacted with all of them
                file_secrets[path] = tuple(dict.fromkeys((*file_secrets.get(path, ()), *values)))
        review = build_review(
            files=files,
            diagnostics=kept,
            runs=analyzers,
            contents=contents,
            file_secrets=file_secrets,
            notes=seat_notes(analyzers) + too_large_notes(files),
        )
        review = _printable_review(review)
        kept_by_run = {r.name: sum(1 for d in kept if d.analyzer == r.name) for r in analyzers}
        _write_log(task, runs + analyzers, kept_by_run)
        _write_stderr(task, runs + analyzers)
        # Every value flagged as a secret anywhere in a changed file: the pipeline masks it in
        # every stored file (a model seat may quote it).
        secrets = tuple(
            dict.fromkeys(
                [v for values in file_secrets.values() for v in values]
                + [v for d in all_diagnostics for v in d.secrets]
            )
        )
        steps = tuple((run.name, 1) for run in analyzers if not run.skipped)
        status: Literal["ok", "timeout"] = "ok"
        reason = None
        if any(run.ran_out_of_time for run in analyzers):
            status, reason = "timeout", f"timed out after {format_duration(task.timeout)}"
        return SeatOutcome(
            status,
            review_text=review.raw,
            reason=reason,
            review=review,
            secrets=secrets,
            tool_counts=steps,
        )


def _analyzer_runs(
    worktree: Path,
    root: Path,
    base_sha: str,
    files: Sequence[ChangedFile],
    env: Mapping[str, str],
    budget: Budget,
    seat: str,
    on_progress: Callable[[ProgressEvent], None] | None,
) -> list[AnalyzerRun]:
    """`root` holds the analyzable files as committed (`blobs`); git runs on `worktree`."""
    # smallest first: should the budget still run out, the most files are scanned by then
    text_paths = [f.path for f in sorted(files, key=lambda f: f.size or 0) if f.analyzable]
    python_paths = [p for p in text_paths if ruff_check.is_python(p)]
    # detect-secrets first: the masking of the change's secrets in every stored file depends
    # on its answer, so a slow ruff must not use up the budget before it starts.
    steps = (
        (secret_scan.NAME, lambda: secret_scan.run_secret_scan(
            text_paths, worktree=root, env=env, budget=budget)),
        (assigned_secrets.NAME, lambda: assigned_secrets.run_assigned_secrets(root, files)),
        (ruff_check.NAME, lambda: ruff_check.run_ruff(
            python_paths, worktree=root, env=env, budget=budget)),
        (diff_check.NAME, lambda: diff_check.run_diff_check(
            text_paths, worktree=worktree, base_sha=base_sha, env=env, budget=budget,
            files=root)),
    )  # fmt: skip
    given = {
        secret_scan.NAME: text_paths,
        assigned_secrets.NAME: text_paths,
        ruff_check.NAME: python_paths,
        diff_check.NAME: text_paths,
    }
    runs: list[AnalyzerRun] = []
    for done, (name, step) in enumerate(steps):
        _progress(on_progress, ProgressEvent(seat, "tool", detail=name, tool_calls=done + 1))
        if budget.cancelled:
            run = AnalyzerRun(name, skipped="interrupted")
        elif budget.expired:
            run = AnalyzerRun(name, skipped=NO_TIME_LEFT)
        else:
            run = step()
        run = replace(run, given=tuple(given[name]))
        if run.unreached is None and (run.ran_out_of_time or run.error or run.skipped):
            # out of time before it answered, failed or not run: none of its files was checked
            # by it (a failed check must not leave its files reading as reviewed and clean)
            run = replace(run, unreached=run.given)
        runs.append(run)
    return runs


def _progress(callback: Callable[[ProgressEvent], None] | None, event: ProgressEvent) -> None:
    if callback is None:
        return
    try:
        callback(event)
    except Exception:  # a progress display must never break the review (logged)
        _LOGGER.debug("progress callback failed", exc_info=True)


def seat_notes(runs: Sequence[AnalyzerRun]) -> list[str]:
    """What the seat says about its own run; each analyzer is said to have run, failed or been
    skipped exactly once."""
    items = list(_ALWAYS)
    for run in runs:
        if run.name == ruff_check.NAME and not run.error and not run.skipped:
            items.append(_RUFF_ISOLATED)
        if run.error:
            items.append(f"{run.name} failed ({run.error}); its checks are missing.")
        elif run.skipped:
            items.append(f"{run.name} not run: {run.skipped}.")
    return items


def too_large_notes(files: Sequence[ChangedFile]) -> list[str]:
    """The files no analyzer read for their size: one note naming them."""
    big = [f for f in files if f.too_large and (f.skip_reason or "").startswith("too large")]
    if not big:
        return []
    named = ", ".join(f"`{f.path}` ({mebibytes(f.size or 0)})" for f in big)
    return [f"Not scanned, too large (over {mebibytes(MAX_SCAN_BYTES)}): {named}."]


def _write_log(task: SeatTask, runs: Sequence[AnalyzerRun], kept: Mapping[str, int]) -> None:
    """The seat's transcript: one JSON line per analyzer run."""
    lines = [json.dumps(run.log_record(kept.get(run.name, 0)), allow_nan=False) for run in runs]
    task.transcript_path.parent.mkdir(parents=True, exist_ok=True)
    task.transcript_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _write_stderr(task: SeatTask, runs: Sequence[AnalyzerRun]) -> None:
    parts = [f"== {run.name}\n{run.stderr}" for run in runs if run.stderr.strip()]
    task.stderr_path.parent.mkdir(parents=True, exist_ok=True)
    task.stderr_path.write_text("\n".join(parts), encoding="utf-8")
