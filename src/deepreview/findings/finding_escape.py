"""A finding's body written so that none of its lines reads back as a finding of its own.

A finding's explanation may hold a line shaped like a finding (`C2. **x** — \\`a.py:1\\``,
`**[CRITICAL]** ...`, `#### I3. ...`): a seat quoting another review, or a forged one. Written
as it is, `parse_report` would read it back as a second finding. `escape_finding_lines` writes
the character that makes it a finding (the ID's letter, the tag's `[`, a bold severity word's
first letter) as a numeric character reference, which a Markdown viewer shows as the same
character; `unescape_finding_lines` gives the body back exactly (a reference the seat wrote
there itself gets one `amp;` more, and back).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from deepreview.findings.ids import FINDING_ID, ID_NUMBER
from deepreview.findings.levels import TAG_PATTERN
from deepreview.markdown_fence import FenceTracker

# What may come before an ID on a finding line: indentation, heading marks, a (task) bullet, `**`.
_PRE: Final = r"(?P<pre> {0,3}(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?(?:\*\*)?)"
_WHAT: Final = (
    rf"(?:[CIS](?=-?{ID_NUMBER}\b)"  # the ID: `C2.`, `**C2.**`, `#### C2 — x`
    rf"|\[(?=(?:{FINDING_ID}|(?i:{TAG_PATTERN}))\])"  # `[C2] x`, `**[CRITICAL] x**`
    rf"|(?<=\*\*)(?=(?i:{TAG_PATTERN})\*\*)\w)"  # `**CRITICAL** x` (the word's first letter)
)
_KEY: Final = re.compile(rf"^{_PRE}(?P<key>{_WHAT})")
# A character written as a reference, with the `amp;`s that say the seat wrote it so.
_REF: Final = re.compile(rf"^{_PRE}&(?P<amp>(?:amp;)*)#(?P<code>\d{{2,3}});")


def escape_finding_lines(text: str) -> str:
    """`text` with each line that could open a finding (outside code) neutralised."""
    return _each_prose_line(text, _escape)


def unescape_finding_lines(text: str) -> str:
    """The inverse of `escape_finding_lines`."""
    return _each_prose_line(text, _unescape)


def _escape(line: str) -> str:
    m = _REF.match(line)
    if m is not None and _keyed(m):
        return f"{m['pre']}&amp;{m['amp']}#{m['code']};{line[m.end() :]}"
    m = _KEY.match(line)
    if m is not None:
        return f"{m['pre']}&#{ord(m['key'])};{line[m.end() :]}"
    return line


def _unescape(line: str) -> str:
    m = _REF.match(line)
    if m is None or not _keyed(m):
        return line  # a reference `_escape` did not write stays as the seat wrote it
    if m["amp"]:
        return f"{m['pre']}&{m['amp'][4:]}#{m['code']};{line[m.end() :]}"
    return m["pre"] + chr(int(m["code"])) + line[m.end() :]


def _keyed(m: re.Match[str]) -> bool:
    """The reference stands for the character that would open a finding there."""
    return _KEY.match(m["pre"] + chr(int(m["code"])) + m.string[m.end() :]) is not None


def _each_prose_line(text: str, change: Callable[[str], str]) -> str:
    tracker = FenceTracker()
    return "\n".join(line if tracker.feed(line) else change(line) for line in text.split("\n"))


__all__ = ["escape_finding_lines", "unescape_finding_lines"]
