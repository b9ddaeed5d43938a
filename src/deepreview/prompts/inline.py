"""Which per-file diffs the seats' prompt inlines within the byte budget, and what the review
says about the others.

Over budget, files are inlined by rank, each rank in diff (path) order, a file too big for what
is left skipped rather than a stop: hand-written source first, then tests, docs and config,
then generated, vendored and lock files. 219 generated files early in path order must not push
the one hand-written `src/service.py` out of the prompt. Generated code is told by its header
(`Code generated … DO NOT EDIT`, `@generated`), lock file names, `vendor/` and `node_modules/`
paths, and `linguist-generated`/`linguist-vendored` — read from the base revision only: the
change cannot rank its own code last by calling it generated. Whatever the ranks, the inlined
diffs keep diff order, and a file the change hides (`ChangedFile.hidden`), an attributes file
or a file that could steer a reviewer is ranked with hand-written source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Final

from deepreview.errors import GitError
from deepreview.markdown_fence import code_span
from deepreview.targets.attributes import is_attributes_file, tree_attributes
from deepreview.targets.git import Git
from deepreview.targets.target import Target
from deepreview.textlines import lines_of

SOURCE: Final = 0
SUPPORT: Final = 1  # tests, docs, config
GENERATED: Final = 2  # generated, vendored, lock files

_LOCK_FILES: Final = frozenset(
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb",
        "poetry.lock", "pipfile.lock", "pdm.lock", "uv.lock", "cargo.lock", "go.sum",
        "composer.lock", "gemfile.lock", "podfile.lock", "packages.lock.json", "mix.lock",
        "flake.lock", "pubspec.lock", "package.resolved",
    }
)  # fmt: skip
_VENDOR_DIRS: Final = frozenset({"vendor", "node_modules", "third_party", "bower_components"})
_TEST_DIRS: Final = frozenset({"test", "tests", "__tests__", "spec", "specs", "testdata"})
_TEST_NAME = re.compile(
    r"^(test_.*\.py|.*_test\.(py|go|rb|exs?)|conftest\.py|.*\.(test|spec)\.[cm]?[jt]sx?|"
    r".*Tests?\.(java|kt|cs|swift)|.*_spec\.rb)$"
)
_SUPPORT_SUFFIXES: Final = (
    ".md", ".rst", ".txt", ".adoc", ".json", ".yaml", ".yml", ".toml", ".ini", ".cfg",
    ".conf", ".xml", ".properties", ".env", ".lock",
)  # fmt: skip
_GENERATED_MARK = re.compile(r"DO NOT EDIT|@generated")
_HEADER_LINES: Final = 5  # the generated-code mark is in the file's first lines
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


@dataclass(frozen=True)
class FileDiff:
    path: str
    old_path: str | None  # a rename's or copy's source
    text: str
    index: int  # its place in diff order


@dataclass(frozen=True)
class DiffSplit:
    inlined: str
    omitted: tuple[FileDiff, ...]  # by rank, then diff order
    total_bytes: int
    file_count: int

    @property
    def complete(self) -> bool:
        return not self.omitted

    def omitted_md(self) -> list[str]:
        """The files not inlined, as Markdown: a rename or copy says where from."""
        return [
            f"{code_span(f.path)} (from {code_span(f.old_path)})"
            if f.old_path
            else code_span(f.path)
            for f in self.omitted
        ]


def file_diffs(diff: str) -> list[FileDiff]:
    # Each file's text sliced once from the diff (a 100 MB data file must not be copied
    # again and again: split, then re-prefixed).
    starts = [0]
    at = diff.find("\ndiff --git ")
    while at >= 0:
        starts.append(at + 1)
        at = diff.find("\ndiff --git ", at + 1)
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(diff)
        text = diff[start:end]
        path, old = _names(text)
        out.append(FileDiff(path, old, text, i))
    return out


def utf8_len(text: str) -> int:
    """`len(text.encode())` without a copy of an ASCII text (a diff of 100 MB)."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _names(chunk: str) -> tuple[str, str | None]:
    """A file's name from its diff header, and a rename's or copy's source."""
    lines = lines_of(chunk, block=0)
    header = next(lines)
    path = header.rsplit(" b/", 1)[-1] if " b/" in header else header
    for line in lines:
        if line.startswith(("rename from ", "copy from ")):
            return path, line.split(" from ", 1)[1]
        if line.startswith(("@@", "--- ", "+++ ", "Binary files ")):
            break  # past the extended header: the rest is the file's content
    return path, None


def rank(f: FileDiff, *, generated: frozenset[str], first: frozenset[str]) -> int:
    """SOURCE, SUPPORT or GENERATED (see the module doc). `generated`: what the base's
    linguist attributes call generated or vendored; `first`: paths ranked as source whatever
    they look like (hidden by the change, steering a reviewer)."""
    if f.path in first or is_attributes_file(f.path):
        return SOURCE
    parts = f.path.split("/")
    name = parts[-1].lower()
    if (
        f.path in generated
        or name in _LOCK_FILES
        or name.endswith((".min.js", ".min.css"))
        or any(p in _VENDOR_DIRS for p in parts[:-1])
        or _marked_generated(f.text)
    ):
        return GENERATED
    if (
        any(p.lower() in _TEST_DIRS or p == "docs" for p in parts[:-1])
        or _TEST_NAME.match(parts[-1])
        or name.endswith(_SUPPORT_SUFFIXES)
        or name.startswith(".")
    ):
        return SUPPORT
    return SOURCE


def _marked_generated(chunk: str) -> bool:
    """The new file's first lines, when the diff shows them, carry a generated-code mark."""
    lines = lines_of(chunk, block=0)
    for line in lines:
        m = _HUNK.match(line)
        if m is None:
            continue
        if m.group(1) != "1":
            return False  # the diff starts further down: the header is not in it
        head = (ln[1:] for ln in lines if ln[:1] in (" ", "+"))
        return any(_GENERATED_MARK.search(ln) for ln in islice(head, _HEADER_LINES))
    return False


def split_diff(
    diff: str,
    budget: int,
    *,
    generated: frozenset[str] = frozenset(),
    first: frozenset[str] = frozenset(),
) -> DiffSplit:
    """Inline what fits the byte budget by rank (see the module doc); the inlined diffs in
    diff order."""
    total = utf8_len(diff)
    files = file_diffs(diff)
    if total <= budget:
        return DiffSplit(diff, (), total, len(files))
    ranked = sorted(files, key=lambda f: (rank(f, generated=generated, first=first), f.index))
    kept: set[int] = set()
    omitted: list[FileDiff] = []
    used = 0
    for f in ranked:
        size = utf8_len(f.text) + 1
        if used + size <= budget:
            kept.add(f.index)
            used += size
        else:
            omitted.append(f)
    inlined = "\n".join(f.text for f in files if f.index in kept)
    return DiffSplit(inlined, tuple(omitted), total, len(files))


def plan(target: Target, budget: int, first: frozenset[str]) -> DiffSplit:
    """`split_diff` of the target's diff, with the base's linguist attributes (asked only
    when the diff is over budget); `first`: see `rank`."""
    if utf8_len(target.diff) <= budget:
        return split_diff(target.diff, budget)
    paths = tuple(f.path for f in target.changed_files if f.status != "D")
    generated = _base_generated(target.repo_root, target.steering_rev, paths)
    return _split_cached(target.diff, budget, generated, first)


@lru_cache(maxsize=4)
def _split_cached(
    diff: str, budget: int, generated: frozenset[str], first: frozenset[str]
) -> DiffSplit:
    # The note (`omission_note`), the seats' prompt and the lead's all split the same diff.
    return split_diff(diff, budget, generated=generated, first=first)


@lru_cache(maxsize=4)
def _base_generated(root: Path, rev: str, paths: tuple[str, ...]) -> frozenset[str]:
    try:
        attrs = tree_attributes(Git(root), rev, paths, ["linguist-generated", "linguist-vendored"])
    except GitError:
        # only a ranking hint: a base that cannot be read (a `relead` of a pruned commit)
        # ranks by headers and paths alone
        return frozenset()
    return frozenset(
        path
        for path, values in attrs.items()
        if any(v not in ("unspecified", "unset", "false") for v in values.values())
    )


_NAMED: Final = 3  # files a note names before "and N more"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 10_000:
        return f"{n // 1000} KB"
    return f"{n} bytes"


def omission_note(split: DiffSplit, budget: int) -> str | None:
    """The run note (report, stderr) for files the seats' prompts did not inline."""
    if split.complete:
        return None
    n = len(split.omitted)
    named = ", ".join(code_span(f.path) for f in split.omitted[:_NAMED])
    more = f" and {n - _NAMED} more" if n > _NAMED else ""
    # "1 of 2 files was", never "1 of 2 file was": the noun counts the change's files.
    if split.file_count == 1:
        which = "the one changed file was"
    else:
        which = f"{n} of {split.file_count} files {'was' if n == 1 else 'were'}"
    it = "it" if n == 1 else "them"
    return (
        f"The diff was {_size(split.total_bytes)}, over the inline budget of {_size(budget)} "
        f"(`diff_budget`): {which} not inlined in the seats' prompts "
        f"({named}{more}); the seats were told to read {it} with git."
    )


def verdict_clause(not_inlined: int, file_count: int) -> str:
    """What a "Merge as-is" verdict adds when some diffs were not in the prompts: "the diff of
    1 of 2 files was ...", "the diffs of 3 of 16 files were ...", "the diffs of all 4 files
    were ...", "the diff of the one changed file was ..." (never "1 of 2 file's diff")."""
    if not_inlined == 1:
        which = "the one changed file" if file_count == 1 else f"1 of {file_count} files"
        return f"the diff of {which} was not in the seats' prompts"
    which = f"all {file_count}" if not_inlined == file_count else f"{not_inlined} of {file_count}"
    return f"the diffs of {which} files were not in the seats' prompts"
