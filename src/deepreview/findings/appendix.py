"""A report's appendix -> the original reviews it quotes, one `AppendixEntry` per review.

Reports of every era keep the seats' own reviews at the end, but the headings changed:

    ## Appendix: Original Reviews          ## 4. Appendix: Original Reviews
    ### [Claude] — Pass 1                  ### [Claude Opus 4.8]        ### [Claude] Opus 4.8
    ### Claude Opus 4.6                    ## Appendix A: Claude Opus 4.6 Review

A review quoted there has headings of its own at any level (`# Code Review`, `### Findings`,
even `### Executive Summary` at the entry level), so an entry starts only at a heading that
names a reviewer: a `[Name]` bracket, or a bare name whose first word is a reviewer of the
report (or a known agent family).  Some appendices only point at files ("See `/tmp/.../
review-claude-pass-1.md`: I1 (...)"); those entries are marked `pointer_only` by
`is_pointer_only` so that callers can skip them.  A `## Resolution` table after the appendix
belongs to the report, not to the last review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from deepreview.findings.atx import atx_heading
from deepreview.markdown_fence import FenceTracker
from deepreview.model import AppendixEntry

_APPENDIX = re.compile(
    r"^(?:\d{1,2}[.)][ \t]*|[A-Z][.)][ \t]*)?Appendix\b(?:[ \t]+(?P<letter>[A-Z0-9]{1,2}))?"
    r"[ \t]*(?:[:.—–-][ \t]*(?P<rest>.*))?$",
    re.IGNORECASE,
)
# `[Claude] Opus 4.8 — Pass 2 (note)`. The model ends where the rest matches first, so never
# after a blank (the rest matches at the run's start as well), and the blank runs are taken
# whole: the lazy model tried the rest after each character, each try scanning a blank run
# twice (cubic: minutes on `[Claude] x` + 10 KB of blanks + `y`). Before a dash the model
# keeps its blanks (the former regex gave back one, the same once stripped).
_BRACKET = re.compile(
    r"^\[(?P<name>[^\[\]]{1,60})\]"
    r"(?P<model>(?:[ \t]++(?![—–-])|[ \t][ \t]++)(?:[^(—–]*?[^(—– \t])??)?"
    r"(?:[ \t]*+[—–-][ \t]*+Pass[ \t]++(?P<n>\d+))?[ \t]*+(?:\((?P<note>[^)]*)\))?[ \t]*$",
    re.IGNORECASE,
)
# `— Pass 2`, `, pass 2`, `: Pass 2`, `(pass 2)`. Both start only where a blank run starts
# (`(?<![ \t])`) and take whole runs (`*+`): tried from every blank of a run, each try scanning
# the rest of it, they were quadratic (minutes on a heading holding 200 KB of blanks). Same
# match: one that starts inside a run also starts at the run's first blank, which is tried first.
_PASS = re.compile(
    r"(?<![ \t])(?:[ \t]*+[—–,:-][ \t]*+|[ \t]*+\([ \t]*+)Pass[ \t]++(?P<n>\d+)\b.*$",
    re.IGNORECASE,
)
_REVIEW_WORD = re.compile(r"(?:'s|’s)?(?<![ \t])[ \t]++(?:Original[ \t]++)?Review$", re.IGNORECASE)
_ENTRY_PREFIX = re.compile(
    r"^(?:\d{1,2}[.)]|[A-Z][.)])?[ \t]*"
    r"(?:(?:Original[ \t]+)?Review(?:er)?[ \t]*(?:by|from|:)[ \t]*)?",
    re.IGNORECASE,
)
_RESOLUTION = re.compile(r"^##[ \t]+Resolution[ \t]*$")
# Agent families seen in reports; the report's own Reviewers row adds to these.
KNOWN_FAMILIES = frozenset(
    {"claude", "codex", "gemini", "qwen", "gemma", "gemma4", "gpt", "opencode", "copilot"}
)
_POINTER = re.compile(r"^\s*(?:See|Full review(?: at| in)?:?)\s+`?[^`\s]*review[^`\s]*\.md`?", re.I)


def appendix_start(lines: list[str]) -> int | None:
    """Index of the first appendix heading outside code blocks (`## Appendix...`)."""
    track = FenceTracker()
    for i, line in enumerate(lines):
        if track.feed(line):
            continue
        m = atx_heading(line)
        if m and len(m[0]) <= 2 and _APPENDIX.match(_plain(m[1])):
            return i
    return None


def split_appendix(lines: list[str], reviewers: Iterable[str] = ()) -> tuple[AppendixEntry, ...]:
    """The reviews in the appendix lines (from the appendix heading on)."""
    families = set(KNOWN_FAMILIES) | {r.split(" ", 1)[0].lower() for r in reviewers if r.strip()}
    entries: list[tuple[str, int, list[str]]] = []
    entry_level: int | None = None
    track = FenceTracker()
    for line in lines:
        m = atx_heading(line)
        # An entry heading closes whatever code block the previous review left open.
        named = _entry_name(m, families, entry_level) if m else None
        if named is not None and (not track.inside or named[2]):
            track.reset()
            name, n, _strong, level = named
            entry_level = level if entry_level is None else entry_level
            entries.append((name, n, []))
            continue
        if track.feed(line):
            if entries:
                entries[-1][2].append(line)
            continue
        if m and _RESOLUTION.match(line) and entries:
            break
        if m and len(m[0]) <= 2 and _APPENDIX.match(_plain(m[1])):
            continue  # the appendix title itself (or a numbered variant)
        if entries:
            entries[-1][2].append(line)
    return tuple(AppendixEntry(name, n, "\n".join(body).strip("\n")) for name, n, body in entries)


def _entry_name(
    m: tuple[str, str], families: set[str], entry_level: int | None
) -> tuple[str, int, bool, int] | None:
    """(name, pass, strong, level) when the heading (its marks, its title) opens a review."""
    level = len(m[0])
    title = _plain(m[1])
    ap = _APPENDIX.match(title)
    if ap and level <= 2:
        rest = (ap.group("rest") or "").strip()
        rest = _REVIEW_WORD.sub("", rest).strip()
        if rest and rest.split(" ", 1)[0].lower().strip("[]") in families:
            name, n = _name_and_pass(rest)
            return name, n, True, level
        return None
    if entry_level is not None and level != entry_level:
        return None
    if level < 2 or level > 4:
        return None
    # `### 2. Codex GPT 5.4`, `### B) Gemini`, `### Review by Claude`: the name follows.
    title = _ENTRY_PREFIX.sub("", title, count=1)
    b = _BRACKET.match(title)
    if b:
        name = b.group("name").strip()
        model = (b.group("model") or "").strip()
        if model and not model.lower().startswith(name.lower()):
            name = f"{name} {model}"
        elif model:
            name = model
        note = re.fullmatch(r"pass[ \t]+(\d+)", (b.group("note") or "").strip(), re.IGNORECASE)
        written = b.group("n") or (note.group(1) if note else None)  # `[Claude] (pass 2)`
        return name, int(written or 1), True, level
    name, n = _name_and_pass(title)
    words = name.split()
    if 1 <= len(words) <= 5 and ":" not in name and words[0].lower() in families:
        return name, n, False, level
    return None


def _name_and_pass(text: str) -> tuple[str, int]:
    """`Claude Opus 4.6 (pass 2)`, `Codex's review — Pass 1` -> (name, pass)."""
    p = _PASS.search(text)
    n = int(p.group("n")) if p else 1
    name = text[: p.start()] if p else text
    name = without_note(name).strip().strip("[]").strip()
    return _REVIEW_WORD.sub("", name).strip(), n


def without_note(name: str) -> str:
    """`name` without a closing `(note)` and the blanks before it, as the former
    `re.sub(r"\\s*\\([^)]*\\)\\s*$", "", name)` gave; found from the end (the regex tried
    every blank and `(`, each scanning to the next `)`: quadratic on blanks or `(`)."""
    body = name.rstrip()
    if not body.endswith(")"):
        return name
    last = len(body) - 1
    # the note opens at the first `(` after the `)` before the closing one
    start = body.find("(", body.rfind(")", 0, last) + 1, last)
    return name if start == -1 else body[:start].rstrip()


def _plain(title: str) -> str:
    return re.sub(r"[*_`]", "", title).strip()


def is_pointer_only(text: str) -> bool:
    """An entry that only points at a review file elsewhere and quotes none of it."""
    body = text.strip()
    if not body:
        return True
    if re.search(r"(?m)^ {0,3}#{1,6} ", body):
        return False
    return bool(_POINTER.match(body)) and len(body) < 4000
