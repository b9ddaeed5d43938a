"""Findings grouped under a heading per file: `### `src/db.py`` + `- **Line 42** (High): …`.

A review that groups its findings by file names the file once, in a heading, and each finding
only by its line (`Line 42`, `Lines 80-85`, `L12`).  The heading is not a finding, and its text
is not an unread finding either: it is where the findings under it are.
"""

from __future__ import annotations

import re

from deepreview.findings.file_names import is_known_file, known_extension
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.levels import CIRCLES
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
# `### dir ü/naïve.py`: a heading that is all one path with a blank in it (only a file the
# change holds is taken so: `### Other notes` is a heading of words)
_SPACED_HEADING = re.compile(
    r"^ {0,3}#{1,6}[ \t]++(?:\*\*|__)?[ \t]*+(?:File[ \t]*+:[ \t]*+)?"
    r"(?P<path>[^\s`*][^`*\n]{0,300}?)[ \t]*+(?:\*\*|__)?:?[ \t]*+$",
    re.IGNORECASE,
)
# `- 🔴 L13-17: text`, `- 🟢 **L14**: text`, `- 🟡 **Line 2:** text`: an item led by a colour
# circle and its lines, under a file's heading: a finding each, the circle its level. (Read as
# any item, a cool circle before a bare line number is no level, nor is an unbolded line a
# title: the item went into the body of the one before it.)
_CIRCLE_ITEM = re.compile(
    r"^ {0,3}[-*+][ \t]+(?P<c>[\U0001F534\U0001F7E0-\U0001F7E2\U0001F535])[ \t]*"
    r"(?P<b>\*\*|__)?[ \t]*(?:lines?|l\.?)[ \t]*(?P<start>\d{1,6})"
    r"(?:[ \t]*[-–][ \t]*(?:l\.?)?(?P<end>\d{1,6}))?[ \t]*(?P<c1>:)?[ \t]*(?(b)(?P=b))"
    r"[ \t]*(?P<c2>[:—–]|-(?=[ \t]))?[ \t]*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def circle_item_head(line: str, path: str) -> FindingHead | None:
    """The finding a circle-led item naming only its lines opens (`_CIRCLE_ITEM`) under the
    heading of file `path`, its text the title, as a place-first item's is; None for any
    other line."""
    m = _CIRCLE_ITEM.match(line)
    if m is None or not (m.group("c1") or m.group("c2")):
        return None
    start = int(m.group("start"))
    end = int(m.group("end")) if m.group("end") else None
    circle = m.group("c")
    return FindingHead(
        id=None,
        title=m.group("rest").strip().rstrip(".").rstrip(),
        style="placed",
        severity=CIRCLES[circle],
        level_word=circle,
        locations=[Location(path, start, end if end != start else None)],
    )


# `- **L42 (High):** text`, `- **Lines 57-60 (low)**: text`, `- **L57–L63 · high** — text`: the
# item's lines and its level in one bold label (read whole as a level lead, the lines would be
# lost)
_LEVELLED_LINES = re.compile(
    r"^(?P<lead>[ \t]*[-*+][ \t]+)(?P<b>\*\*|__)(?:lines?|l\.?)[ \t]*(?P<start>\d{1,6})"
    r"(?:[ \t]*[-–][ \t]*(?:l\.?)?(?P<end>\d{1,6}))?[ \t]*(?:(?P<o>\()|[·•][ \t]*)"
    r"(?P<level>critical|high|medium|moderate|major|minor|low|important|suggestion|nit|blocker)"
    r"(?(o)\))[ \t]*:?[ \t]*(?P=b)[ \t]*(?::|[—–](?=[ \t])|-(?=[ \t]))?"
    r"[ \t]*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def levelled_lines_item(line: str, path: str) -> str:
    """Under the heading of file `path`, `- **L42 (High):** text` as `- **High:** `path:42` —
    text` (its level, then its place); any other line as it is."""
    m = _LEVELLED_LINES.match(line)
    if m is None:
        return line
    end = f"-{m.group('end')}" if m.group("end") else ""
    place = f"`{path}:{m.group('start')}{end}`"
    return f"{m.group('lead')}**{m.group('level')}:** {place} — {m.group('rest')}"


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
    """(path, level) when a heading names only a file (no line), else None; a file of the
    change named as written, a blank in its path and no backticks (`### dir ü/naïve.py`), too."""
    m = _FILE_HEADING.match(line)
    if m is None:
        spaced = _SPACED_HEADING.match(line)
        if (
            spaced is not None
            and " " in (path := spaced.group("path"))
            and (is_known_file(path) or _spaced_path(path))
        ):
            return path, heading_level(line) or BOLD_LEVEL
        return None
    places = locations_in(m.group("path"), prefixes)
    if len(places) != 1 or places[0].start is not None:
        return None
    return places[0].path, heading_level(line) or BOLD_LEVEL


def _spaced_path(text: str) -> bool:
    """`src/My Module/a.py`, `lib dir/naïve.py`: a path with a blank in a folder's or the file's
    name, told without the change's files (`deep-review parse`) by its shape: folders, and a
    file with an extension files have. `Notes on src/b.py` (a sentence's small words before the
    path) and `Error handling in main.py` (no folder) are headings of words."""
    parts = text.split("/")
    if len(parts) < 2 or any(not p.strip() for p in parts) or re.search(r"[,:;()]", text):
        return False
    if any(known_extension(w) for p in parts[:-1] for w in p.split()):
        return False  # `src/a.py and src/b.py`: two paths in words
    words = {w.lower() for p in parts for w in p.split()}
    return known_extension(parts[-1]) and not words & _SMALL_WORDS


# Words of a sentence, not of a folder's name (`Notes on src/b.py`, `Changes to the lib/a.py`).
_SMALL_WORDS = frozenset(
    re.findall(r"\w+", "a an and about at by for from in into of on or see the to with")
)


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
