"""Findings grouped under a heading per file: `### `src/db.py`` + `- **Line 42** (High): …`.

A review that groups its findings by file names the file once, in a heading, and each finding
only by its line (`Line 42`, `Lines 80-85`, `L12`).  The heading is not a finding, and its text
is not an unread finding either: it is where the findings under it are.
"""

from __future__ import annotations

import re

from deepreview.findings.head import FindingHead, locations_in
from deepreview.model import Location

# `### `src/db.py``, `**src/db.py**`, `#### File: src/db.py`, `**File: `src/db.py`**`
# Each blank run possessive (`[ \t]*+`): what follows it is never a blank, so taking the whole
# run loses no match, and the runs around the optional marks were tried in every split (cubic:
# 67 s on `**` and 20,000 tabs in a seat's review).
_FILE_HEADING = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]++|(?=\*\*|__))(?:\*\*|__)?[ \t]*+(?:(?:📄|📁)[ \t]*+)?"
    r"(?:File[ \t]*+:[ \t]*+)?(?:\*\*|__)?[ \t]*+(?P<path>`[^`\n]+`|[^\s`*]+)"
    r"[ \t]*+(?:\*\*|__)?:?[ \t]*+$",
    re.IGNORECASE,
)
# The title a grouped finding has when its line is all it names: `Line 42`, `Lines 80-85`, `L12`
_LINE_TITLE = re.compile(
    r"^(?:lines?|l\.?)[ \t]*(?P<start>\d{1,6})(?:[ \t]*[-–][ \t]*(?:l\.?)?(?P<end>\d{1,6}))?$",
    re.IGNORECASE,
)


_LEADING_LINES = re.compile(
    r"^(?:lines?|l\.?)[ \t]*(?P<start>\d{1,6})(?:[ \t]*[-–][ \t]*(?:l\.?)?(?P<end>\d{1,6}))?"
    r"[ \t]*(?:[:—–]|-(?=[ \t]))[ \t]*(?P<title>\S.*)$",
    re.IGNORECASE,
)
# `#### [High] Rounding per item (line 88)`, `- **Title** — lines 20-25`: the line at the end
_CLOSING_LINES = re.compile(
    r"^(?P<title>.*\S)[ \t]*(?:\((?P<p>[^()]+)\)|[ \t][—–-][ \t]+(?P<d>[^—–]+?))[ \t.]*$"
)
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]")
BOLD_LEVEL = 7  # a bold line groups like a heading below every `#` level


def heading_level(line: str) -> int | None:
    m = _ATX.match(line)
    return len(m.group(1)) if m else None


def file_heading(line: str, prefixes: tuple[str, ...] = ()) -> tuple[str, int] | None:
    """(path, level) when a heading names only a file (no line), else None."""
    m = _FILE_HEADING.match(line)
    if m is None:
        return None
    places = locations_in(m.group("path"), prefixes)
    if len(places) != 1 or places[0].start is not None:
        return None
    return places[0].path, heading_level(line) or BOLD_LEVEL


def place_in_file(head: FindingHead, path: str) -> None:
    """A finding under a file heading: `Line 42` is that file's line 42, and the text after it
    is the title; a finding that names no place at all is about the file."""
    m = _LINE_TITLE.match(head.title.strip("* "))
    if m and not head.locations:
        start = int(m.group("start"))
        end = int(m.group("end")) if m.group("end") else None
        head.locations.append(Location(path, start, end if end != start else None))
        title = head.leftover.lstrip(":—–- \t")
        # the explanation is the title when nothing else is: its first sentence
        first, _, rest = title.partition(". ")
        head.title, head.leftover = (first.rstrip("."), rest) if first else (head.title, "")
    elif not head.locations:
        head.locations.append(_lines_in_title(head, path))


def _lines_in_title(head: FindingHead, path: str) -> Location:
    """The place of a grouped finding whose title holds its lines (`Line 45: The key omits
    the tenant`, `Eviction scans the map (line 30)`), the title then without them; else the
    whole file."""
    lead = _LEADING_LINES.match(head.title)
    if lead is not None:
        head.title = lead.group("title")
        return _lines(path, lead)
    closing = _CLOSING_LINES.match(head.title)
    lines = _LINE_TITLE.match((closing["p"] or closing["d"]).strip()) if closing else None
    if closing is None or lines is None:
        return Location(path)
    head.title = closing.group("title").rstrip(" —–-")
    return _lines(path, lines)


def _lines(path: str, m: re.Match[str]) -> Location:
    start = int(m.group("start"))
    end = int(m.group("end")) if m.group("end") else None
    return Location(path, start, end if end != start else None)
