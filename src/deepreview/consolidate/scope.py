"""Where a consolidated finding points: into the change, outside it, or at nothing at all.

A finding none of whose files changed is marked "outside this change" (it may still be right: a
caller the change breaks). A finding whose files exist neither at the review SHA nor in the
change, and are no folder there either (`docs/adr`), is marked "file not found at review SHA":
the reviewer named a file that is not there, which without a lead to check it makes the finding
a suspected false positive (the retro lists it).
So is one every line of which lies past the end of its file, at the review SHA and at the base
alike ("line past the end of its file at review SHA": the place was made up, or read elsewhere).

A finding on a file the change deletes, or on the old path of a file it renames, is about the
change (removed code is reviewable): it is marked "file deleted by this change" or "renamed to
NEW by this change", never "not found", and is no suspected false positive.

Pure: the pipeline supplies the changed files, the paths the change removes
(`Target.removed_paths`: deleted -> None, rename source -> new path) and the files present at
the review SHA, as a
mapping of each path to its line count where it read one (`pipeline.finish.present_files`;
a plain collection of paths counts no lines). Without the present
files (offline `consolidate`), nothing is marked "not found" or "past the end"; without changed
files, nothing is marked "outside".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from deepreview.consolidate.features import PathResolver
from deepreview.consolidate.kinds import TEST_PATH, asks_for_a_test
from deepreview.model import Finding
from deepreview.targets.tree import folders_of

OUTSIDE = "outside this change"
NOT_FOUND = "file not found at review SHA"
PAST_END = "line past the end of its file at review SHA"
DELETED = "file deleted by this change"
# The scopes that, without a lead to check them, make a finding a suspected false positive.
SUSPECT = (NOT_FOUND, PAST_END)


class _Files:
    """A set of repo paths that also answers for the spellings reviewers use: a bare basename or
    a shorter suffix (`lifecycle.go` for `pkg/vm/lifecycle.go`), an absolute worktree path."""

    def __init__(self, paths: Collection[str]) -> None:
        self._by_name: dict[str, list[str]] = {}
        for p in paths:
            self._by_name.setdefault(PurePosixPath(p).name, []).append(p)
        self._folders: set[str] | None = None  # (`holds` builds it, when first asked)

    def __bool__(self) -> bool:
        return bool(self._by_name)

    def matches(self, written: str) -> list[str]:
        exact = written.strip().strip("`")
        if exact in self._by_name.get(PurePosixPath(exact).name, ()):
            return [exact]  # a backslash in a real name (`na\\xefve.py`) is no folder
        p = PathResolver.clean(written)
        return [
            k
            for k in self._by_name.get(PurePosixPath(p).name, ())
            if k == p or k.endswith("/" + p) or p.endswith("/" + k)
        ]

    def has(self, written: str) -> bool:
        return bool(self.matches(written))

    def holds(self, written: str) -> bool:
        """`written` is one of the paths (`has`), or a folder one of them is in, as written
        from the root (`docs/adr`: a folder the repository has is no made-up place)."""
        if self.has(written):
            return True
        if self._folders is None:
            self._folders = folders_of(p for paths in self._by_name.values() for p in paths)
        return PathResolver.clean(written).rstrip("/") in self._folders

    def is_exactly(self, written: str) -> bool:
        """`written` is one of the paths as it stands (no suffix or basename reading)."""
        p = PathResolver.clean(written)
        return p in self._by_name.get(PurePosixPath(p).name, ())


def _past_end(f: Finding, present: _Files | None, lines: Mapping[str, int | None]) -> bool:
    """Every location names a line, and each lies past the end of every file its path may
    mean (a basename several files share: past the longest)."""
    if present is None or not lines or not f.locations:
        return False
    for loc in f.locations:
        counts = [lines.get(k) for k in present.matches(loc.path)]
        if loc.start is None or not counts or any(n is None for n in counts):
            return False
        if loc.start <= max(n for n in counts if n is not None):
            return False
    return True


def _in_change(written: str, changed: _Files, present: _Files | None) -> bool:
    """`written` names a changed file: as it stands, or as a shorter or longer spelling of one
    (`export.py`, `src/ledger/export.py` for `ledger/export.py`) — unless it is, as it stands,
    another file at the review SHA (`vendor/ledger/export.py`)."""
    if changed.is_exactly(written):
        return True
    if present is not None and present.is_exactly(written):
        return False
    return changed.has(written)


def _test_to_add(f: Finding) -> bool:
    """A finding that says a test is missing, placed only at test files with no line: the
    files it asks for ("No tests for `first_rows`" at `tests/test_read.py`), not a made-up
    place. A line of a test file that is not there is one."""
    return asks_for_a_test(f) and all(
        loc.start is None and TEST_PATH.search(loc.path) is not None for loc in f.locations
    )


def renamed(new_path: str) -> str:
    """The scope of a finding on a rename's old path."""
    return f"renamed to {new_path} by this change"


def finding_scope(
    f: Finding,
    changed: _Files,
    present: _Files | None,
    lines: Mapping[str, int | None] | None = None,
    removed: Mapping[str, str | None] | None = None,
) -> str | None:
    """`changed`: the change's files still there at the review SHA; `removed`: the paths it
    takes away (deleted -> None, rename source -> new path)."""
    paths = sorted({loc.path for loc in f.locations if loc.path.strip()})
    if not paths:
        return None
    removed = removed or {}
    past_end = _past_end(f, present, lines or {})
    if any(_in_change(p, changed, present) for p in paths):
        return PAST_END if past_end else None
    gone = _Files(removed)
    hit = next((k for p in paths for k in sorted(gone.matches(p))), None)
    if hit is not None:
        new_path = removed[hit]
        return DELETED if new_path is None else renamed(new_path)
    if present is not None and not any(present.holds(p) for p in paths):
        return None if _test_to_add(f) else NOT_FOUND
    if past_end:
        return PAST_END
    return OUTSIDE if changed or gone else None


def referenced_files(findings: Sequence[Finding], present_files: Collection[str]) -> list[str]:
    """The present files the findings' locations may mean: the ones whose lines to count."""
    present = _Files(present_files)
    return sorted({k for f in findings for loc in f.locations for k in present.matches(loc.path)})


def renamed_paths(removed_files: Mapping[str, str | None] | None) -> dict[str, str]:
    """Each rename's old path -> its new path, out of `Target.removed_paths` (deleted files
    map to None there and are left out): a seat naming the old path means the file under its
    new one."""
    return {old: new for old, new in (removed_files or {}).items() if new is not None}


def mark_scope(
    findings: Sequence[Finding],
    *,
    changed_files: Sequence[str] = (),
    present_files: Collection[str] | None = None,
    removed_files: Mapping[str, str | None] | None = None,
) -> tuple[Finding, ...]:
    """The findings with `scope` set where it applies (a scope already set is kept).
    `present_files` may map each path to its line count (None: not counted); `removed_files`
    maps each deleted path to None and each rename's old path to its new one."""
    removed = dict(removed_files or {})
    # a deleted file is among the changed paths, but gone at the review SHA
    changed = _Files([p for p in changed_files if p not in removed or removed[p] is not None])
    present = _Files(present_files) if present_files is not None else None
    lines = present_files if isinstance(present_files, Mapping) else None
    gone = _Files(removed)  # (once: not per finding)
    placed = tuple(_real_places(f, changed, present, gone) for f in findings)
    return tuple(
        f
        if f.scope is not None
        else replace(f, scope=finding_scope(f, changed, present, lines, removed))
        for f in placed
    )


def _real_places(f: Finding, changed: _Files, present: _Files | None, gone: _Files) -> Finding:
    """`f` without the lines it places in files that are neither at the review SHA nor taken
    away by the change, when its other places are there: one member's misspelt path
    (`ledger/reader.py:2` beside `ledger/read.py:2`) is no place of the merged finding (its
    source keeps it). A file named with no line (a test to add) stays; so does every place of
    a finding with no place there (it is "not found"). `gone`: the files the change removes."""
    if present is None:
        return f

    def there(path: str) -> bool:
        return _in_change(path, changed, present) or present.has(path) or gone.has(path)

    kept = tuple(loc for loc in f.locations if loc.start is None or there(loc.path))
    if len(kept) == len(f.locations) or not any(there(loc.path) for loc in kept):
        return f
    return replace(f, locations=kept)
