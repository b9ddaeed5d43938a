"""Moving a Markdown text's headings up or down, for reviews embedded in a report.

The report's Markdown appendix holds each seat's review under `### [Claude] — Pass 1`; the
review's own `## Executive Summary` would otherwise read as a section of the report. The
renderer demotes the headings and says by how much in a marker line; the report parser reads
the marker and promotes them back, so a stored review survives the round trip.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.markdown_untrusted import heading_levels, shift_headings

# An embedded review's highest heading goes to this level: below the report's `##` sections
# and the appendix entry's `###`.
EMBEDDED_TOP_LEVEL: Final = 4
_MARKER: Final = re.compile(r"^<!-- deep-review: headings demoted by (?P<n>[1-5]) -->\n\n?")


def demote_embedded(text: str, top: int = EMBEDDED_TOP_LEVEL) -> str:
    """`text` with its highest heading at level `top`, behind a marker line saying by how much
    (nothing added when no heading moves). Code blocks and setext headings are left alone."""
    lines = text.split("\n")
    found = heading_levels(lines, text)
    shift = max(0, top - min(level for _, level in found)) if found else 0
    if not shift:
        return text
    return f"<!-- deep-review: headings demoted by {shift} -->\n\n" + shift_headings(text, shift)


def restore_embedded(text: str) -> str:
    """The inverse of `demote_embedded` (texts without the marker are returned as they are)."""
    m = _MARKER.match(text)
    if m is None:
        return text
    return shift_headings(text[m.end() :], -int(m["n"]))


_ANY_HEADING: Final = re.compile(r"^\s*#{1,6}\s+\S", re.MULTILINE)


def last_section_body(text: str, heading: re.Pattern[str]) -> str:
    """The text after the last line matching `heading`, up to the next Markdown heading ("" when
    no line matches). Seats answer in a section of their own (fix verdicts, thread verdicts);
    the last one wins because a review may quote the prompt's heading before answering."""
    matches = list(heading.finditer(text))
    if not matches:
        return ""
    rest = text[matches[-1].end() :]
    nxt = _ANY_HEADING.search(rest)
    return rest[: nxt.start()] if nxt else rest
