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
from pathlib import Path, PurePosixPath
from typing import Final

from deepreview.agents.seat_code import file_reader, reached
from deepreview.checkmodel import CheckResults, FixCheck, Mutant, MutantStatus
from deepreview.checks.counts import short_run
from deepreview.checks.logs import CheckLogs
from deepreview.checks.mutate import Mutation, added_lines, apply_mutation, line_mutations, sample
from deepreview.checks.patch import fix_diff, fuzzy_apply, parse_patch
from deepreview.checks.testrun import SuiteRun, Watch, new_failures, run_tests, scrubbed_env
from deepreview.config import ChecksSettings
from deepreview.consolidate.features import TEST_PATH
from deepreview.model import Finding
from deepreview.targets.git import Git
from deepreview.workspace.ledger import Ledger, recorded_group
from deepreview.workspace.worktree import restore_checkout, seat_worktree, worktree_git_dir

NO_TEST_COMMAND: Final = "no test command configured"
BASELINE_TIMED_OUT: Final = "the tests time out without any fix"
# What shapes which tests run and how, by name wherever it is: a fix editing one may switch off
# the very test it claims to fix (`addopts = --deselect …`), so it counts as editing the tests.
TEST_CONFIG_NAMES: Final = frozenset(
    ("conftest.py", "pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml")
)
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
        baseline_log=_log(req.logs, "baseline", s.test, baseline, "without any fix or mutation"),
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
    with seat_worktree(req.repo, req.sha, f"check-{name}", req.ledger, lfs_content=True) as wt:
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


def apply_fix(
    wt: Path, diff: str, default_path: str | None, near: tuple[int, int] | None = None
) -> tuple[bool, str]:
    """Apply `diff` in the worktree `wt`: `git apply --3way`, else a fuzzy re-anchor (`near`:
    the finding's lines in `default_path`, see `patch.fuzzy_apply`)."""
    for fp in parse_patch(diff, default_path):
        # Git's own files are never a fix's to write (hooks run code; a worktree's `.git` is a
        # file): refused whatever case the name is in, as case-insensitive file systems see it.
        if any(part.lower() == ".git" for part in PurePosixPath(fp.path).parts):
            return False, f"{fp.path} is inside .git"
    git = Git(wt)
    # On stdin, never as a file in the worktree: the change could have put a symlink there (to
    # a file of the user's, which the diff would overwrite) or a folder.
    patch = (diff if diff.endswith("\n") else diff + "\n").encode("utf-8")
    tried = git.run(
        ["apply", "--3way", "--recount", "--whitespace=nowarn", "-"], check=False, stdin=patch
    )
    if tried.ok:
        return True, ""
    # A failed --3way may leave conflict markers or a half-staged index behind.
    git.run(["reset", "-q", "--hard"], check=False)

    def read(path: str) -> str | None:
        file = wt / path
        if not file.resolve().is_relative_to(wt.resolve()) or not file.is_file():
            return None
        return file.read_text(encoding="utf-8", errors="replace")

    applied = fuzzy_apply(diff, default_path, read, near)
    if not applied.ok:
        return False, applied.reason
    for path, text in applied.files.items():
        target = wt / path
        if not target.resolve().is_relative_to(wt.resolve()):
            return False, f"{path} is outside the repository"
        # A path through a file (`a.py/b.py`) or onto a folder: the fix cannot be written, and
        # the review goes on (a half-written worktree is thrown away, its tests never run).
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            return False, _unwritable(wt, path, exc)
    return True, applied.reason


def _unwritable(wt: Path, path: str, exc: OSError) -> str:
    """Why `path` cannot be written: a file where the fix needs a folder, or the OS's word."""
    for folder in reversed(PurePosixPath(path).parents[:-1]):
        if (wt / folder).exists() and not (wt / folder).is_dir():
            return f"{folder} is a file, not a folder, in the way of {path}"
    return f"cannot write {path}: {exc.strerror or exc}"


def edited_tests(wt: Path, test: Sequence[str] = ()) -> tuple[str, ...]:
    """The test files an applied fix changed or added in `wt` (`git apply --3way` stages its
    changes, the fuzzy apply writes only the files: both are compared with HEAD), and the files
    that configure the tests or that the test command `test` runs (its script, its Makefile)."""
    git = Git(wt)
    # Renames split into their two paths: `git diff` names a rename by its new path alone, and a
    # test file moved out of what the tests collect (`attic/red.txt`) is a test edited away.
    changed = git.run(
        ["diff", "--name-only", "--no-renames", "-z", "HEAD"], check=False
    ).stdout_text
    added = git.run(["ls-files", "-z", "--others", "--exclude-standard"], check=False).stdout_text
    paths = dict.fromkeys(p for p in (changed + added).split("\0") if p)
    # Only files the command names or runs as such, not the folders an interpreter may import
    # from: those hold the code every fix edits.
    runs = {r.path for r in reached(test, file_reader(wt)) if r.tree is None} if test else set()
    return tuple(p for p in paths if is_test_path(p) or p in runs)


def is_test_path(path: str) -> bool:
    """A test file, or a file that shapes the tests beside it (`conftest.py`, `pytest.ini`…)."""
    return bool(TEST_PATH.search(path)) or PurePosixPath(path).name in TEST_CONFIG_NAMES


def check_fix(
    wt: Path,
    diff: str,
    default_path: str | None,
    settings: ChecksSettings,
    env: Mapping[str, str],
    baseline: SuiteRun,
    cancel: threading.Event | None = None,
    *,
    near: tuple[int, int] | None = None,
    logs: CheckLogs | None = None,
    log_name: str = "fix",
    watch: Watch | None = None,
) -> FixCheck:
    ok, reason = apply_fix(wt, diff, default_path, near)
    if not ok:
        return FixCheck(applies=False, reason=reason, diff=diff)
    applied = FixCheck(
        applies=True,
        reason=reason,
        anchor_note=reason,  # `apply_fix` says only where it placed a fix that applies
        diff=diff,
        baseline=baseline.outcome,
        edits_tests=edited_tests(wt, settings.test),
    )
    if baseline.outcome == "timeout":
        # Each fix would wait out the whole timeout too, and prove nothing (as the probes).
        return dataclasses.replace(applied, reason=BASELINE_TIMED_OUT)
    run = run_tests(
        settings.test, cwd=wt, env=env, timeout=settings.timeout, cancel=cancel, watch=watch
    )
    what = "with this fix applied" + (f" ({reason})" if reason else "")
    new = new_failures(run, baseline)
    # Excused only when every test failing now failed without the fix too, by name.
    excused = run.outcome == "fail" and baseline.outcome == "fail" and new == ()
    blamed = new[0].name if new else run.failing
    return dataclasses.replace(
        applied,
        log=_log(logs, log_name, settings.test, run, what, diff),
        reason=run.reason or reason,
        tests=run.outcome,
        failing_test=blamed,
        fails_without_fix=excused,
        new_failures=tuple(f.id for f in new or ()),
        baseline_stopped=run.outcome == "fail" and baseline.stopped_early,
        # A pass after a failing baseline speaks for the fix only when the tests that ran
        # without it ran again (a skipped or deselected test, an early exit 0, pass too).
        short_run=short_run(run.counts, baseline.counts)
        if run.outcome == "pass" and baseline.outcome == "fail"
        else "",
        output_tail=run.tail if run.outcome != "pass" else "",
        tests_ran=run.counts.ran if run.counts is not None else None,
        packages_ran=run.packages.ran if run.packages is not None else None,
        packages_failed=run.packages.failed if run.packages is not None else 0,
    )


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
    log = _log(logs, log_name, test, run, what, f"-{m.original}\n+{m.mutated}")
    return dataclasses.replace(mutant, status=status, killed_by=run.failing, log=log)


def _log(
    logs: CheckLogs | None,
    name: str,
    argv: Sequence[str],
    run: SuiteRun,
    what: str,
    detail: str = "",
) -> str:
    return logs.record(name, argv, run, what, detail) if logs is not None else ""


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
