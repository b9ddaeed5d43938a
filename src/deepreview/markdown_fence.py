"""The one definition of a Markdown code fence for the whole package.

A fence opens on a line of three or more backticks or tildes (after any indentation: agents
indent fences inside list items by any amount) and closes on a line of the same character, at
least as long, with nothing else on it.  A backtick fence's info string holds no backtick
(CommonMark), so ```` ``` `` ```` inside prose does not open one.  Parsers (`findings/`), the
consolidation features, the lead's answer reader and the renderers all use this module, so they
agree on where code starts and ends.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>`{3,}(?=[^`]*$)|~{3,})[ \t]*(?P<info>.*?)[ \t]*$")
_CLOSE = re.compile(r"^[ \t]*(?P<marker>`{3,}|~{3,})[ \t]*$")


@dataclass(frozen=True)
class Fence:
    char: str  # "`" or "~"
    length: int
    info: str  # the info string ("go", "diff", "")


def opening(line: str) -> Fence | None:
    """The fence a line opens, or None."""
    m = OPEN.match(line)
    if not m:
        return None
    marker = m.group("marker")
    return Fence(marker[0], len(marker), m.group("info"))


def closing_marker(line: str) -> tuple[str, int] | None:
    """(character, length) of a line that can close a fence (only the marker on it), or None."""
    m = _CLOSE.match(line)
    return (m.group("marker")[0], len(m.group("marker"))) if m else None


def closes(line: str, fence: Fence) -> bool:
    """True when `line` closes `fence`."""
    c = closing_marker(line)
    return c is not None and c[0] == fence.char and c[1] >= fence.length


def is_fence_line(line: str) -> bool:
    """A line that opens or closes some fence."""
    return OPEN.match(line) is not None


class FenceTracker:
    """Feed lines in order; `feed` says whether each one is code (fence lines included)."""

    def __init__(self) -> None:
        self.open: Fence | None = None

    @property
    def inside(self) -> bool:
        return self.open is not None

    def reset(self) -> None:
        self.open = None

    def feed(self, line: str) -> bool:
        if self.open is not None:
            if closes(line, self.open):
                self.open = None
            return True
        self.open = opening(line)
        return self.open is not None


@dataclass(frozen=True)
class CodeBlock:
    info: str
    body: str
    start: int  # offsets into the text: the opening fence's first character ...
    end: int  # ... and just past the closing fence (or the end of the text)
    closed: bool


def code_blocks(text: str) -> Iterator[CodeBlock]:
    """Every fenced block of `text`; an unclosed fence runs to the end of the text."""
    pos = 0
    open_at = 0
    fence: Fence | None = None
    body: list[str] = []
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if fence is None:
            fence = opening(bare)
            if fence is not None:
                open_at, body = pos, []
        elif closes(bare, fence):
            yield CodeBlock(fence.info, "".join(body), open_at, pos + len(bare), True)
            fence = None
        else:
            body.append(line)
        pos += len(line)
    if fence is not None:
        yield CodeBlock(fence.info, "".join(body), open_at, len(text), False)


def strip_code(text: str, replacement: str = " ") -> str:
    """`text` with every fenced block (fences included) replaced by `replacement`."""
    out: list[str] = []
    last = 0
    for block in code_blocks(text):
        out.append(text[last : block.start])
        out.append(replacement)
        last = block.end
    out.append(text[last:])
    return "".join(out)


def has_code(text: str) -> bool:
    return any(True for _ in code_blocks(text))


def fence_for(text: str, char: str = "`") -> str:
    """A fence longer than any run of `char` in `text`, so the text cannot close it."""
    longest = max((len(m.group(0)) for m in re.finditer(rf"{re.escape(char)}+", text)), default=0)
    return char * max(3, longest + 1)


def code_span(text: str) -> str:
    """`text` as an inline code span: its fence is longer than any backtick run inside, and a
    space pads it when the text starts or ends with a backtick (CommonMark)."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table_cell(text: str) -> str:
    """`text` on one line inside a `| … |` table cell: pipes escaped, line breaks as spaces."""
    return text.replace("|", "\\|").replace("\n", " ")


def code_span_text(span: str) -> str:
    """The text of a code span: fences off, and the one padding space each side (CommonMark)."""
    n = len(span) - len(span.lstrip("`"))
    inner = span[n:-n] if n and len(span) > 2 * n else span
    if len(inner) > 2 and inner.startswith(" ") and inner.endswith(" ") and inner.strip():
        inner = inner[1:-1]
    return inner


_TICKS = re.compile(r"`+")


def code_spans(text: str, *, across_lines: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every inline code span in `text` (CommonMark): a backtick run opens one,
    the next run of the same length closes it; a run with no closer is literal text.  On one
    line only unless `across_lines`.

    Linear in the text, by construction: each run is looked at twice (a backward pass finds the
    next run of its length).  A regex (`` (`+)(?!`).*?\\1 ``) tries every run against the rest of
    the line, so a seat's review quoting a line of 200,000 backticks took minutes to parse."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    breaks = [] if across_lines else [m.start() for m in re.finditer("\n", text)]
    closer: list[int | None] = [None] * len(runs)
    latest: dict[tuple[int, int], int] = {}  # (line, run length) -> the run seen last
    for k in range(len(runs) - 1, -1, -1):
        start, end = runs[k]
        key = (bisect.bisect_left(breaks, start), end - start)
        closer[k] = latest.get(key)
        latest[key] = k
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        close = closer[k]
        if close is None:
            k += 1
            continue
        spans.append((runs[k][0], runs[close][1]))
        k = close + 1
    return spans


_ESCAPABLE: Final = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")  # CommonMark's


def unclosed_ticks_escaped(text: str) -> str:
    """One line of text with each backtick that opens no code span written `` \\` ``: placed
    before our own Markdown, an unclosed backtick (a title `` `foo() returns None ``, or one cut
    short) would pair with the first backtick of ours after it (the `` `calc.py:10` `` of an
    entry) and turn the rest of the line into code. Read as CommonMark reads inline text: a
    backslash escape is literal (`` \\` `` opens nothing), a run of backticks closes at the next
    run of the same length, backslashes inside a span are literal. A trailing odd backslash is
    doubled: it would escape the character of ours that follows (the `*` closing `**title**`)."""
    runs: dict[int, list[int]] = {}  # run length -> the starts of the maximal runs that long
    for m in _TICKS.finditer(text):
        runs.setdefault(m.end() - m.start(), []).append(m.start())
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            out.append(text[i : i + 2])
            i += 2
        elif c == "`":
            end = i
            while end < n and text[end] == "`":
                end += 1
            starts = runs.get(end - i, [])
            k = bisect.bisect_left(starts, end)
            if k < len(starts):  # a code span: kept as written, closer included
                close = starts[k] + end - i
                out.append(text[i:close])
                i = close
            else:
                out.append("\\`" * (end - i))
                i = end
        else:
            out.append(c)
            i += 1
    joined = "".join(out)
    trailing = len(joined) - len(joined.rstrip("\\"))
    return joined + "\\" if trailing % 2 else joined


def code_span_texts(text: str) -> list[str]:
    """What each inline code span of `text` holds (`code_spans`: any backtick length)."""
    out: list[str] = []
    for start, end in code_spans(text):
        span = text[start:end]
        ticks = len(span) - len(span.lstrip("`"))
        out.append(span[ticks:-ticks])
    return out


def without_code_spans(text: str) -> str:
    """`text` with its inline code spans taken out (the prose around them kept)."""
    out: list[str] = []
    pos = 0
    for start, end in code_spans(text):
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def outside_code(text: str, change: Callable[[str], str]) -> str:
    """`text` with `change` applied to its prose only: fenced blocks and code spans (code,
    where `K1` or `I1` may be a name) are kept as written."""
    out: list[str] = []
    prose: list[str] = []
    fences = FenceTracker()

    def flush() -> None:
        joined = "".join(prose)
        pos = 0
        for start, end in code_spans(joined, across_lines=True):
            out.extend((change(joined[pos:start]), joined[start:end]))
            pos = end
        out.append(change(joined[pos:]))
        prose.clear()

    for line in text.splitlines(keepends=True):
        if fences.feed(line.rstrip("\r\n")):
            flush()
            out.append(line)
        else:
            prose.append(line)
    flush()
    return "".join(out)
