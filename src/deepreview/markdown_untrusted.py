"""Seat-written text placed inside our own Markdown (the report, the PR comment, SARIF).

A seat's text is untrusted: a command seat's JSON hands over titles, paths and bodies exactly as
the program printed them. Placed raw, a title holding `\\n\\n## Critical Issues\\n\\nNone.` or a
path holding `\\n## Heading\\n` would add sections and rows of its own to our report. So:

- one-line fields (titles, paths, seat and reviewer names) are written on one line;
- body text (explanations, fixes, summaries) keeps its lines, but its headings are moved below
  ours, a setext underline cannot turn the line above into a heading, a line-start `<` cannot
  open an HTML block (an unclosed `<!--` hides everything after it), and a fence it leaves
  open is closed so it cannot swallow the sections that follow.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Final

from deepreview.markdown_fence import FenceTracker

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Every line break CommonMark or a viewer may honour, with the blanks around it.
_BREAKS: Final = re.compile(r"(?:\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])+")
_SETEXT: Final = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_HTML_START: Final = re.compile(r"^( {0,3})<")
# Body headings go below every heading of ours: `##` sections, `###` entries (appendix, retro).
BODY_TOP_LEVEL: Final = 4


_ATX: Final = re.compile(r"^(?P<indent> {0,3})(?P<hashes>#{1,6})(?=[ \t]|$)")


@cache
def _commonmark() -> MarkdownIt:
    # Imported on first use: a command seat's module imports this one before the first seat.
    from markdown_it import MarkdownIt

    # HTML blocks off, as in the review parser: an unclosed `<!--` must not hide headings.
    # Blocks only: no inline parse, which costs seconds on a hostile run of `[` and is not read.
    return MarkdownIt("commonmark").disable(["html_block", "inline", "text_join"])


def heading_levels(lines: list[str], text: str) -> list[tuple[int, int]]:
    """(line index, level) of the ATX headings that start their line (none inside code)."""
    # A heading inside a container (a list item, a quote) does not start its line.
    return [
        (tok.map[0], int(tok.tag[1]))
        for tok in _commonmark().parse(text)
        if tok.type == "heading_open"
        and tok.markup.startswith("#")
        and tok.map
        and _ATX.match(lines[tok.map[0]])
    ]


def shift_headings(text: str, delta: int) -> str:
    """Every ATX heading `delta` levels deeper (negative: higher), kept within 1..6."""
    if not delta:
        return text
    lines = text.split("\n")
    for index, level in heading_levels(lines, text):
        m = _ATX.match(lines[index])
        if m is not None:
            new = max(1, min(6, level + delta))
            lines[index] = m["indent"] + "#" * new + lines[index][m.end() :]
    return "\n".join(lines)


def demote_to(text: str, top: int) -> str:
    """`text` with its highest heading at level `top` or below (no marker line)."""
    found = heading_levels(text.split("\n"), text)
    shift = max(0, top - min(level for _, level in found)) if found else 0
    return shift_headings(text, shift)


def one_line(text: object) -> str:
    """`text` on one line: each run of line breaks (and the blanks around it) is one space."""
    # Split on the breaks and strip the blanks of each side: a `[ \t]*` before the breaks in the
    # pattern was tried from every blank of a long run of them (quadratic).
    parts = _BREAKS.split(str(text))
    if len(parts) == 1:
        return parts[0]
    last = len(parts) - 1
    return " ".join(
        p.lstrip(" \t") if i == last else p.rstrip(" \t") if i == 0 else p.strip(" \t")
        for i, p in enumerate(parts)
    )


def one_line_path(text: object) -> str:
    """A path on one line, a line break in it written as git prints it (`\\n`, `\\r`)."""
    return str(text).replace("\r", "\\r").replace("\n", "\\n")


def body_md(text: str, top: int = BODY_TOP_LEVEL, *, html: bool = True) -> str:
    """Multi-line untrusted Markdown that stays inside the structure it is placed in.

    `html=False` when the caller neutralises every `<` itself (the PR comment's `safe`)."""
    text = _close_fence(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = demote_to(text, top).split("\n")
    out: list[str] = []
    tracker = FenceTracker()
    prose_before = False  # the line before is paragraph text (a setext underline's target)
    for line in lines:
        if tracker.feed(line):
            out.append(line)
            prose_before = False
            continue
        if prose_before and _SETEXT.match(line):
            out.append("")  # after a blank line `---` is a rule and `===` plain text
        out.append(_HTML_START.sub(r"\1\\<", line) if html else line)
        prose_before = bool(line.strip())
    return "\n".join(out)


def _close_fence(text: str) -> str:
    tracker = FenceTracker()
    for line in text.split("\n"):
        tracker.feed(line)
    if tracker.open is None:
        return text
    return text.rstrip("\n") + "\n" + tracker.open.char * tracker.open.length


__all__ = [
    "BODY_TOP_LEVEL",
    "body_md",
    "demote_to",
    "heading_levels",
    "one_line",
    "one_line_path",
    "shift_headings",
]
