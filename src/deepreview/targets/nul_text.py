"""Text files that git calls binary for a NUL byte: shown to the seats as text, and flagged.

git calls a file binary when a NUL byte is among its first 8000 bytes, and prints "Binary files
… differ". `printf '#!/bin/sh\n# \0\ncurl … | sh'` is such a file, and `sh` (or `node`) runs it
all the same: one NUL in a comment hid a script's diff from every seat (trial45b). A changed
file whose bytes, NULs aside, are text (UTF-8 without control characters but whitespace and
ESC), on both sides of the change, is diffed as text (`diff` set for it in an attributes file
of ours: the rest of the diff is unchanged) with every NUL shown as `␀`, and flagged (the file
table, the prompts, stderr, the report's notes, `"nul_text": true` in run.json). A file of
another binary kind that is named like a script is flagged as shown binary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from deepreview.targets.git import Git

# Larger files are left as git shows them (a text file of megabytes with NULs is data).
MAX_TEXT_BYTES = 1024 * 1024
NUL_SHOWN = "␀"  # U+2400 SYMBOL FOR NULL: what a NUL byte reads as in the seats' diff
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Names a shell, an interpreter or a browser runs: binary by its bytes, still worth a look.
_SCRIPT_SUFFIXES = frozenset(
    {
        ".sh", ".bash", ".zsh", ".ksh", ".py", ".pyw", ".js", ".mjs", ".cjs", ".ts", ".jsx",
        ".tsx", ".rb", ".pl", ".pm", ".php", ".lua", ".ps1", ".psm1", ".bat", ".cmd", ".vbs",
        ".html", ".htm", ".svg", ".yml", ".yaml", ".toml", ".json", ".cfg", ".ini", ".mk",
    }
)  # fmt: skip
_SCRIPT_NAMES = frozenset({"Makefile", "Dockerfile", "Jenkinsfile", "Rakefile", "Gemfile"})


def is_nul_text(data: bytes | None) -> bool:
    """Whether `data` is text apart from its NUL bytes (None: no file on that side)."""
    if data is None:
        return True
    if len(data) > MAX_TEXT_BYTES:
        return False
    try:
        text = data.replace(b"\0", b"").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _CONTROL.search(text) is None


def named_like_script(path: str) -> bool:
    pure = PurePosixPath(path)
    return pure.suffix.lower() in _SCRIPT_SUFFIXES or pure.name in _SCRIPT_NAMES


def read_blobs(git: Git, shas: Sequence[str]) -> dict[str, bytes]:
    """The bytes of each blob of `shas` no larger than `MAX_TEXT_BYTES` (one `cat-file`
    call for the sizes, one for the contents)."""
    wanted = list(dict.fromkeys(s for s in shas if s and s.strip("0")))
    if not wanted:
        return {}
    checked = git.run(
        ["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)"],
        stdin="".join(f"{s}\n" for s in wanted).encode(),
    ).stdout_text
    small = []
    for line in checked.splitlines():
        sha, kind, told = [*line.split(), "", "", ""][:3]
        if kind == "blob" and told.isdigit() and int(told) <= MAX_TEXT_BYTES:
            small.append(sha)
    if not small:
        return {}
    out = git.run(["cat-file", "--batch"], stdin="".join(f"{s}\n" for s in small).encode()).stdout
    found: dict[str, bytes] = {}
    pos = 0
    for sha in small:
        end = out.index(b"\n", pos)
        size = int(out[pos:end].split()[2])
        found[sha] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return found


def _pattern(path: str) -> str:
    """`path` as one anchored, literal gitattributes pattern (C-quoted, globs escaped)."""
    glob = re.sub(r"([*?\[\\])", r"\\\1", path)
    quoted = glob.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    quoted = quoted.replace("\t", "\\t").replace("\r", "\\r")
    return f'"/{quoted}"'


@contextmanager
def text_attributes(paths: Sequence[str]) -> Iterator[list[str]]:
    """`-c core.attributesFile=…` that sets `diff` (shown as text) on `paths`; none for none."""
    if not paths:
        yield []
        return
    with TemporaryDirectory(prefix="deep-review-text-") as tmp:
        listing = Path(tmp) / "attributes"
        data = "".join(f"{_pattern(p)} diff\n" for p in paths)
        listing.write_bytes(data.encode("utf-8", errors="surrogateescape"))
        yield ["-c", f"core.attributesFile={listing}"]


def show_nul(diff: bytes) -> bytes:
    """Every NUL byte of a diff made visible (a prompt is text, and a NUL ends C strings)."""
    return diff.replace(b"\0", NUL_SHOWN.encode())
