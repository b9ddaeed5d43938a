"""One proposed fix, checked: applied in a scratch worktree (`git apply --3way`, else the fuzzy
re-anchor of `patch`), which test files it edits, and the tests run with it against the
baseline. `run` decides which fixes to check and gives each its worktree."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Final

from deepreview.agents.seat_code import file_reader, reached
from deepreview.checkmodel import FixCheck
from deepreview.checks.counts import short_run
from deepreview.checks.logs import CheckLogs, logged
from deepreview.checks.patch import fuzzy_apply, parse_patch
from deepreview.checks.testrun import SuiteRun, Watch, new_failures, run_tests
from deepreview.config import ChecksSettings
from deepreview.consolidate.kinds import TEST_PATH
from deepreview.targets.git import Git

BASELINE_TIMED_OUT: Final = "the tests time out without any fix"
# What shapes which tests run and how, by name wherever it is: a fix editing one may switch off
# the very test it claims to fix (`addopts = --deselect …`), so it counts as editing the tests.
TEST_CONFIG_NAMES: Final = frozenset(
    ("conftest.py", "pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml")
)


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
        log=logged(logs, log_name, settings.test, run, what, diff),
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
