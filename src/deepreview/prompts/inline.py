"""Which per-file diffs the seats' prompt inlines within the byte budget, and what the review
says about the others.

Over budget, every whole per-file diff that fits is inlined, in diff (path) order; a file too
big for what is left is skipped, not a stop: one 400 KB lock file early in path order must not
push the small source files after it out of the prompt. The others are listed in the prompt,
and the run's notes, run.json (`not_inlined`) and a "Merge as-is" verdict say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from deepreview.markdown_fence import code_span


@dataclass(frozen=True)
class FileDiff:
    path: str
    old_path: str | None  # a rename's or copy's source
    text: str
    index: int  # its place in diff order


@dataclass(frozen=True)
class DiffSplit:
    inlined: str
    omitted: tuple[FileDiff, ...]
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
    chunks = diff.split("\ndiff --git ")
    out = []
    for i, chunk in enumerate(chunks):
        text = chunk if i == 0 else "diff --git " + chunk
        path, old = _names(text)
        out.append(FileDiff(path, old, text, i))
    return out


def _names(chunk: str) -> tuple[str, str | None]:
    """A file's name from its diff header, and a rename's or copy's source."""
    header, _, rest = chunk.partition("\n")
    path = header.rsplit(" b/", 1)[-1] if " b/" in header else header
    for line in rest.split("\n"):
        if line.startswith(("rename from ", "copy from ")):
            return path, line.split(" from ", 1)[1]
        if line.startswith(("@@", "--- ", "+++ ", "Binary files ")):
            break  # past the extended header: the rest is the file's content
    return path, None


def split_diff(diff: str, budget: int) -> DiffSplit:
    """Inline every whole per-file diff that fits the byte budget, in diff order."""
    total = len(diff.encode("utf-8"))
    files = file_diffs(diff)
    if total <= budget:
        return DiffSplit(diff, (), total, len(files))
    kept: list[FileDiff] = []
    omitted: list[FileDiff] = []
    used = 0
    for f in files:
        size = len(f.text.encode("utf-8")) + 1
        if used + size <= budget:
            kept.append(f)
            used += size
        else:
            omitted.append(f)
    return DiffSplit("\n".join(f.text for f in kept), tuple(omitted), total, len(files))


@lru_cache(maxsize=4)
def plan(diff: str, budget: int) -> DiffSplit:
    """`split_diff`, once: the note (`omission_note`), the seats' prompt and the lead's all
    split the same diff."""
    return split_diff(diff, budget)


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
    files = "file was" if n == 1 else "files were"
    it = "it" if n == 1 else "them"
    return (
        f"The diff was {_size(split.total_bytes)}, over the inline budget of {_size(budget)} "
        f"(`diff_budget`): {n} of {split.file_count} {files} not inlined in the seats' prompts "
        f"({named}{more}); the seats were told to read {it} with git."
    )


def verdict_clause(not_inlined: int, file_count: int) -> str:
    """What a "Merge as-is" verdict adds when some diffs were not in the prompts."""
    files = "file's diff was" if not_inlined == 1 else "files' diffs were"
    return f"{not_inlined} of {file_count} {files} not in the seats' prompts"
