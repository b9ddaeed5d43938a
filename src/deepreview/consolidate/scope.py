"""Where a consolidated finding points: into the change, outside it, or at nothing at all.

A finding none of whose files changed is marked "outside this change" (it may still be right: a
caller the change breaks). A finding whose files exist neither at the review SHA nor in the
change is marked "file not found at review SHA": the reviewer named a file that is not there,
which without a lead to check it makes the finding a suspected false positive (the retro lists it).

Pure: the pipeline supplies the changed files and the files present at the review SHA. Without
the present files (offline `consolidate`), nothing is marked "not found"; without changed files,
nothing is marked "outside".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from deepreview.consolidate.features import PathResolver
from deepreview.model import Finding

OUTSIDE = "outside this change"
NOT_FOUND = "file not found at review SHA"


class _Files:
    """A set of repo paths that also answers for the spellings reviewers use: a bare basename or
    a shorter suffix (`lifecycle.go` for `pkg/vm/lifecycle.go`), an absolute worktree path."""

    def __init__(self, paths: Collection[str]) -> None:
        self._by_name: dict[str, list[str]] = {}
        for p in paths:
            self._by_name.setdefault(PurePosixPath(p).name, []).append(p)

    def __bool__(self) -> bool:
        return bool(self._by_name)

    def has(self, written: str) -> bool:
        p = PathResolver.clean(written)
        return any(
            k == p or k.endswith("/" + p) or p.endswith("/" + k)
            for k in self._by_name.get(PurePosixPath(p).name, ())
        )


def finding_scope(f: Finding, changed: _Files, present: _Files | None) -> str | None:
    paths = {loc.path for loc in f.locations if loc.path.strip()}
    if not paths or any(changed.has(p) for p in paths):
        return None
    if present is not None and not any(present.has(p) for p in paths):
        return NOT_FOUND
    return OUTSIDE if changed else None


def mark_scope(
    findings: Sequence[Finding],
    *,
    changed_files: Sequence[str] = (),
    present_files: Collection[str] | None = None,
) -> tuple[Finding, ...]:
    """The findings with `scope` set where it applies (a scope already set is kept)."""
    changed = _Files(changed_files)
    present = _Files(present_files) if present_files is not None else None
    return tuple(
        f if f.scope is not None else replace(f, scope=finding_scope(f, changed, present))
        for f in findings
    )
