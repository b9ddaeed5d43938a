"""Proof, not opinion: apply each proposed fix and run the tests; mutate the changed lines.

Everything here runs the change's own code, so it is only reached with `--allow-exec` (checked
when the settings are built). Every test run happens in a scratch worktree at the review SHA
(never the user's checkout), through `deepreview.proc.run` (own process group, timeout kill),
with secrets removed from its environment unless `[checks] env` names them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import queue
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.checkmodel import CheckResults, FixCheck, Mutant, MutantStatus
from deepreview.checks.fixcheck import BASELINE_TIMED_OUT, check_fix
from deepreview.checks.logs import CheckLogs, logged
from deepreview.checks.mutate import Mutation, added_lines, apply_mutation, line_mutations, sample
from deepreview.checks.patch import fix_diff
from deepreview.checks.testrun import SuiteRun, Watch, run_tests, scrubbed_env
from deepreview.config import ChecksSettings
from deepreview.model import Finding
from deepreview.targets.git import Git
from deepreview.workspace.ledger import Ledger, recorded_group
from deepreview.workspace.worktree import restore_checkout, seat_worktree, worktree_git_dir

NO_TEST_COMMAND: Final = "no test command configured"
SEED: Final = 0
# A mutant may make the suite slower (a loop that runs longer) without hanging it.
_MUTANT_TIMEOUT_FACTOR: Final = 4.0
_MUTANT_TIMEOUT_FLOOR_S: Final = 10.0
_MUTANT_STATUS: Final[dict[str, MutantStatus]] = {
    "pass": "survived",
    "fail": "killed",
    "timeout": "timeout",
}


@dataclass(frozen=True)
class CheckRequest:
    repo: Path
    sha: str  # the review SHA
    diff: str  # the change's unified diff (its added lines are what the probes mutate)
    findings: tuple[Finding, ...]
    settings: ChecksSettings
    env: Mapping[str, str]
    # Where the scratch worktrees are written down while they exist (`workspace.ledger`).
    ledger: Ledger | None = None
    logs: CheckLogs | None = None  # where each test run's log goes (none: not kept)


@dataclass(frozen=True)
class FixTarget:
    """Where a fix's finding points: the file a diff without headers edits, and the lines a
    hunk without an `@@` line is placed nearest to."""

    path: str | None = None
    lines: tuple[int, int] | None = None


def checked_fixes(findings: Sequence[Finding]) -> dict[str, FixTarget]:
    """Each distinct fix diff -> where its (first) finding points."""
    out: dict[str, FixTarget] = {}
    for f in findings:
        diff = fix_diff(f.fix)
        if diff is None or diff in out:
            continue
        loc = f.locations[0] if f.locations else None
        lines = None
        if loc is not None and loc.start is not None:
            lines = (loc.start, max(loc.end or loc.start, loc.start))
        out[diff] = FixTarget(loc.path if loc else None, lines)
    return out


@dataclass(frozen=True)
class Measured:
    """The checks as run, and the baseline run they compared against (None when the tests did
    not run at all), which the fixes the lead writes afterwards are compared against too."""

    results: CheckResults
    baseline: SuiteRun | None = None


def run_checks(req: CheckRequest, cancel: threading.Event | None = None) -> CheckResults:
    return measure(req, cancel).results


def measure(req: CheckRequest, cancel: threading.Event | None = None) -> Measured:
    s = req.settings
    cancel = cancel or threading.Event()
    base = CheckResults(
        test_command=s.test, fixes_requested=s.check_fixes, probes_requested=s.probe_tests
    )
    if not s.test:
        return Measured(dataclasses.replace(base, note=NO_TEST_COMMAND))
    env = scrubbed_env(req.env, s.env)
    with _worktree(req, "baseline") as wt:
        baseline = run_tests(
            s.test, cwd=wt, env=env, timeout=s.timeout, cancel=cancel, watch=_watch(req)
        )
    result = dataclasses.replace(
        base,
        baseline_log=logged(req.logs, "baseline", s.test, baseline, "without any fix or mutation"),
        baseline=baseline.outcome,
        baseline_failing=baseline.failing,
        baseline_duration_s=round(baseline.duration_s, 2),
    )
    if baseline.outcome == "error":
        note = f"the test command could not run: {baseline.reason}"
        return Measured(dataclasses.replace(result, note=note), baseline)
    if s.check_fixes:
        fixes = tuple(checked_fixes(req.findings).items())
        result = dataclasses.replace(
            result, fix_checks=_check_fixes(req, env, baseline, cancel, fixes)
        )
    if s.probe_tests:
        mutants, note = _probe(req, env, baseline, cancel)
        result = dataclasses.replace(result, mutants=mutants, probe_note=note)
    return Measured(result, baseline)


def pending_fixes(
    findings: Sequence[Finding], measured: Measured
) -> tuple[tuple[str, FixTarget], ...]:
    """The fix diffs of `findings` that `measured` has not checked, and could have: fixes were
    asked for and the tests ran."""
    results = measured.results
    if not results.fixes_requested or results.note or measured.baseline is None:
        return ()
    done = {c.diff for c in results.fix_checks}
    return tuple((d, at) for d, at in checked_fixes(findings).items() if d not in done)


def check_more_fixes(
    req: CheckRequest, measured: Measured, cancel: threading.Event | None = None
) -> CheckResults:
    """`measured` with the fix diffs of `req.findings` it has not checked yet (those the lead
    wrote after the tests ran), checked the same way against the same baseline; their logs
    are numbered on from the first checks'. Unchanged when there is nothing to check, and when
    the baseline did not run or timed out (see `lead_unchecked`)."""
    results, baseline = measured.results, measured.baseline
    todo = pending_fixes(req.findings, measured)
    if not todo or baseline is None:
        return results
    if baseline.outcome == "timeout":
        return dataclasses.replace(results, lead_unchecked=BASELINE_TIMED_OUT)
    env = scrubbed_env(req.env, req.settings.env)
    more = _check_fixes(
        req, env, baseline, cancel or threading.Event(), todo, first=len(results.fix_checks) + 1
    )
    return dataclasses.replace(results, fix_checks=(*results.fix_checks, *more))


def _watch(req: CheckRequest) -> Watch:
    """Each test run's process group written down while it runs, as a seat's is: should this
    process be killed outright, the next command's cleanup stops it (`workspace.sweep`)."""
    return functools.partial(recorded_group, req.ledger, of="tests")


@contextlib.contextmanager
def _worktree(req: CheckRequest, name: str) -> Iterator[Path]:
    with seat_worktree(
        req.repo, req.sha, f"check-{name}", req.ledger, lfs_content=True, env=req.env
    ) as wt:
        yield wt


def _check_fixes(
    req: CheckRequest,
    env: Mapping[str, str],
    baseline: SuiteRun,
    cancel: threading.Event,
    fixes: Sequence[tuple[str, FixTarget]],
    *,
    first: int = 1,
) -> tuple[FixCheck, ...]:
    """Each fix diff checked in a fresh worktree of its own: `fix-<first>`, `fix-<first+1>`..."""

    def one(item: tuple[int, tuple[str, FixTarget]]) -> FixCheck:
        n, (diff, at) = item
        with _worktree(req, f"fix{n}") as wt:
            return check_fix(
                wt,
                diff,
                at.path,
                req.settings,
                env,
                baseline,
                cancel,
                near=at.lines,
                logs=req.logs,
                log_name=f"fix-{n}",
                watch=_watch(req),
            )

    with ThreadPoolExecutor(max_workers=req.settings.jobs) as pool:
        try:
            return tuple(pool.map(one, enumerate(fixes, start=first)))
        except BaseException:
            cancel.set()  # Ctrl-C: stop the other workers' test runs too, not wait for them
            raise


def mutations_for(repo: Path, sha: str, diff: str) -> list[Mutation]:
    """Every mutation of the lines `diff` adds to Python and Go sources, read at `sha`."""
    git = Git(repo)
    out: list[Mutation] = []
    for path, lines in sorted(added_lines(diff).items()):
        result = git.run(["show", f"{sha}:{path}"], check=False)
        if result.ok:
            out.extend(line_mutations(path, result.stdout_text, lines))
    return out


def mutant_timeout(settings: ChecksSettings, baseline: SuiteRun) -> float:
    derived = max(_MUTANT_TIMEOUT_FLOOR_S, baseline.duration_s * _MUTANT_TIMEOUT_FACTOR)
    return min(settings.timeout, derived)


def _probe(
    req: CheckRequest, env: Mapping[str, str], baseline: SuiteRun, cancel: threading.Event
) -> tuple[tuple[Mutant, ...], str]:
    s = req.settings
    if baseline.outcome != "pass":
        why = "the tests do not pass without any mutation"
        if baseline.outcome == "timeout":
            why = "the tests time out without any mutation"
        return (), why
    every = mutations_for(req.repo, req.sha, req.diff)
    if not every:
        return (), "the change adds no Python or Go source lines to mutate"
    chosen = sample(every, s.probe_max, SEED)
    todo: queue.Queue[tuple[int, Mutation]] = queue.Queue()
    for item in enumerate(chosen):
        todo.put(item)
    deadline = time.monotonic() + s.probe_minutes * 60
    timeout = mutant_timeout(s, baseline)
    results: dict[int, Mutant] = {}

    def worker(n: int) -> None:
        with _worktree(req, f"mutant{n}") as wt:
            git_dir = worktree_git_dir(wt)
            fresh = True
            while time.monotonic() < deadline and not cancel.is_set():
                try:
                    i, m = todo.get_nowait()
                except queue.Empty:
                    return
                # Every mutant runs on the checkout the baseline ran on: an earlier run's
                # traces (a fixture its tests deleted, a cache) must not kill this one.
                if not fresh and not restore_checkout(wt, git_dir, req.sha):
                    results[i] = _unrun(m)
                    continue
                fresh = False
                results[i] = run_mutant(
                    wt,
                    m,
                    s.test,
                    env,
                    timeout,
                    cancel,
                    logs=req.logs,
                    log_name=f"mutant-{i + 1}",
                    watch=_watch(req),
                )

    workers = min(s.jobs, len(chosen))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        try:
            list(pool.map(worker, range(1, workers + 1)))
        except BaseException:
            cancel.set()
            raise
    done = tuple(results[i] for i in sorted(results))
    note = ""
    if len(done) < len(chosen):
        note = f"stopped at --probe-minutes after {len(done)} of {len(chosen)} mutations"
    elif len(every) > len(chosen):
        note = f"sampled {len(chosen)} of {len(every)} possible mutations (--probe-max)"
    return done, note


def _unrun(m: Mutation) -> Mutant:
    return Mutant(m.path, m.line, m.operator, m.original, m.mutated, status="error")


def run_mutant(
    wt: Path,
    m: Mutation,
    test: Sequence[str],
    env: Mapping[str, str],
    timeout: float,
    cancel: threading.Event | None = None,
    *,
    logs: CheckLogs | None = None,
    log_name: str = "mutant",
    watch: Watch | None = None,
) -> Mutant:
    """Run the tests with `m` applied in `wt`; the file is restored afterwards."""
    file = wt / m.path
    mutant = _unrun(m)
    # A symlink (the change may add one) would have us write outside the scratch worktree.
    if file.is_symlink() or not file.resolve().is_relative_to(wt.resolve()):
        return mutant
    original = file.read_bytes()
    try:
        file.write_text(apply_mutation(original.decode("utf-8"), m), encoding="utf-8")
        run = run_tests(test, cwd=wt, env=env, timeout=timeout, cancel=cancel, watch=watch)
    finally:
        file.write_bytes(original)
    status = _MUTANT_STATUS.get(run.outcome, "error")
    what = f"with {m.path}:{m.line} mutated ({m.operator})"
    log = logged(logs, log_name, test, run, what, f"-{m.original}\n+{m.mutated}")
    return dataclasses.replace(mutant, status=status, killed_by=run.failing, log=log)


def report_checks(
    findings: Sequence[Finding], checks: CheckResults
) -> tuple[tuple[Finding, ...], CheckResults]:
    """The findings with this run's badges, and the checks as the report tells them: only the
    fixes it shows (a fix of a finding the lead merged away is not counted), and the IDs of
    those with a fix diff nobody checked (the lead's own, written after the tests ran)."""
    findings = attach_fix_checks(findings, checks)
    shown = {d for f in findings if (d := fix_diff(f.fix)) is not None}
    unchecked: tuple[str, ...] = ()
    if checks.fixes_requested and not checks.note:
        unchecked = tuple(
            f.id for f in findings if f.fix_check is None and fix_diff(f.fix) is not None
        )
    kept = tuple(c for c in checks.fix_checks if c.diff in shown)
    return findings, dataclasses.replace(checks, fix_checks=kept, unchecked=unchecked)


def attach_fix_checks(findings: Sequence[Finding], checks: CheckResults) -> tuple[Finding, ...]:
    """Each finding with the check of its fix diff; None where this run checked none (a badge
    a finding brought along from an earlier round is not this run's measurement)."""
    by_diff = {c.diff: c for c in checks.fix_checks}
    out = []
    for f in findings:
        diff = fix_diff(f.fix)
        check = by_diff.get(diff) if diff is not None else None
        out.append(f if f.fix_check == check else dataclasses.replace(f, fix_check=check))
    return tuple(out)
