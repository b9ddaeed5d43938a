"""A seat's whole review embedded in our report (the Markdown appendix), kept in its entry.

Each review is quoted verbatim under its own `### [Name] — Pass N` heading, and `parse_report`
reads it back. A review that ends inside a code fence, or with an HTML block it never closes
(`<!--`, `<pre`, `<?`, `<!X`, `<![CDATA[` run to the end of the document in CommonMark), would
swallow every later entry in a Markdown viewer. `contain` closes such a fence and writes such a
block's opening `<` as `&lt;` (a viewer shows the same character), then says so in a marker
comment at the end of the entry; `uncontain` reads the marker and gives the review back exactly.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Final

from deepreview.markdown_fence import FenceTracker

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Searched from the start of a run of line breaks only (`(?<!\n)`), the run taken whole: from
# every break of a run, each try scanned the rest of it (quadratic: 2 s on a review holding
# 40,000 empty lines). Same match: one starting inside a run also starts at its first break.
_MARKER: Final = re.compile(
    r"(?<!\n)\n*+<!-- deep-review: contained(?P<fence> fence)?(?P<html> html)? -->[ \t\n]*\Z"
)
_RAW: Final = "(?:script|pre|style|textarea)"
# The HTML blocks that only end at a closing token of their own (CommonMark types 1 to 5).
_SWALLOWING: Final = (
    (re.compile(rf"^ {{0,3}}<{_RAW}(?:[\s>]|$)", re.I), f"</{_RAW}>"),
    (re.compile(r"^ {0,3}<!--"), "-->"),
    (re.compile(r"^ {0,3}<\?"), r"\?>"),
    (re.compile(r"^ {0,3}<![A-Za-z]"), ">"),
    (re.compile(r"^ {0,3}<!\[CDATA\["), r"\]\]>"),
)  # fmt: skip
_AMP: Final = re.compile(r"^( {0,3})&((?:amp;)*)lt;")
_ESCAPED: Final = re.compile(r"^( {0,3})&(?P<amp>amp;)?(?P<more>(?:amp;)*)lt;")


@cache
def _commonmark() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML blocks on: what a Markdown viewer does. Blocks only: the inline parse is not read,
    # and costs seconds on a hostile run of `[`.
    return MarkdownIt("commonmark").disable(["inline", "text_join"])


def contain(text: str) -> str:
    """`text` that leaves no fence or HTML block open past its end (a marker says what moved)."""
    lines = text.split("\n")
    escaped: set[int] = set()
    while (at := _open_html_block(lines)) is not None:
        lines[at] = re.sub(r"^( {0,3})<", r"\1&lt;", lines[at], count=1)
        escaped.add(at)
    html = bool(escaped)
    if html:
        # A `&lt;` the review wrote itself becomes `&amp;lt;` (shown as written), so that
        # `uncontain` turns back exactly the `&lt;` written here.
        tracker = FenceTracker()
        for i, line in enumerate(lines):
            if not tracker.feed(line) and i not in escaped:
                lines[i] = _AMP.sub(r"\1&amp;\2lt;", line, count=1)
    tracker = FenceTracker()
    opener = ""
    for line in lines:
        was_open = tracker.inside
        tracker.feed(line)
        if tracker.inside and not was_open:
            opener = line
    fence = tracker.open
    if fence is not None:
        while lines and not lines[-1].strip():
            lines.pop()
        at = opener.index(fence.char * fence.length)
        # A fence opened inside a list item (`- ```go`) closes at the item's content column.
        indent = opener[:at] if not opener[:at].strip() else " " * at
        lines.append(indent + fence.char * fence.length)
    if fence is None and not html and not _MARKER.search(text):
        return text
    flags = (" fence" if fence is not None else "") + (" html" if html else "")
    return "\n".join(lines).rstrip("\n") + f"\n\n<!-- deep-review: contained{flags} -->"


def uncontain(text: str) -> str:
    """The inverse of `contain` (a text without its marker is returned as it is)."""
    m = _MARKER.search(text)
    if m is None:
        return text
    lines = text[: m.start()].split("\n")
    if m["fence"]:
        lines.pop()
    if m["html"]:
        tracker = FenceTracker()
        for i, line in enumerate(lines):
            if not tracker.feed(line):
                lines[i] = _ESCAPED.sub(_unescape, line, count=1)
    return "\n".join(lines)


def _unescape(m: re.Match[str]) -> str:
    return m[1] + (f"&{m['more']}lt;" if m["amp"] else "<")


def _open_html_block(lines: list[str]) -> int | None:
    """The first line of an HTML block that runs past the end of `lines` unclosed, or None."""
    for tok in _commonmark().parse("\n".join(lines)):
        if tok.type != "html_block" or tok.map is None:
            continue
        start, end = tok.map
        for opening, closing in _SWALLOWING:
            if opening.match(lines[start]):
                body = "\n".join(lines[start:end])
                if not re.search(closing, body[4:] if closing == "-->" else body, re.I):
                    return start
                break
    return None


__all__ = ["contain", "uncontain"]
