"""Which changed files a seat's review names anywhere in its text.

A seat that reviewed a file says so in many ways besides the Coverage Summary the prompt asks
for: "I read `calc.py` and `app.py` in full", `calc.py:2` in its round's fix verdicts, a link
into its worktree, a plain path in prose. The retro counts such a file as reviewed; a file the
review names nowhere is still a coverage miss. Every word that looks like a path (or the whole
text of a code span, which may hold spaces) is resolved onto the changed files by the same
`PathResolver` as the findings' locations, so a bare basename counts only when no other known
file shares it, and a worktree or URL prefix is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from deepreview.consolidate.features import PathResolver
from deepreview.findings.locations import looks_like_path

# Path characters; `:`, `#`, quotes, brackets and spaces end a word, so `calc.py:2`,
# `x.go#L12` and `[x](/tmp/w/x.go)` yield the path itself.
_WORD = re.compile(r"[\w.@+~/\\-]+")
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
# A line reference after a path inside a code span: `:12`, `:12-30`, `:L12`, `:12:5`, `#L12`.
_LINE_SUFFIX = re.compile(r"(?::L?\d+(?:\s*[-–—]\s*L?\d+)?(?::\d+)?|#L\d+(?:-L?\d+)?)$")


def _candidates(text: str) -> set[str]:
    words = {m.group(0).rstrip(".-") for m in _WORD.finditer(text)}
    words.update(_LINE_SUFFIX.sub("", m.group(1).strip()) for m in _CODE_SPAN.finditer(text))
    # A bare word must look like a file (an extension, `Makefile`); one with a directory part
    # is checked against the changed files by the resolver anyway.
    return {w for w in words if "/" in w or "\\" in w or looks_like_path(w, any_extension=True)}


def named_files(text: str, files: Collection[str], resolver: PathResolver) -> set[str]:
    """The members of `files` (resolved spellings) that `text` names."""
    if not text or not files:
        return set()
    wanted = set(files)
    return {path for w in _candidates(text) if (path := resolver.resolve(w)) in wanted}
