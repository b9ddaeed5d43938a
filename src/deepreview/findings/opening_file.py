"""Items that give only their lines, in a review whose opening names the one file it is about.

    Looking at src/user.c:

    - (medium) line 13: returns NULL without freeing the struct …
    - (minor) line 10: name is not checked for NULL …

A terse seat says once which file it read and then names each problem by its line alone. Such
an item is read as if it led with its place (`- (medium) `src/user.c:13` — returns NULL …`), as
an item led by its lines under a file's heading is (`file_groups`, `prose_places`). Narrowly:
the opening (the review's first line, or the line after a title heading) is a reading verb and
exactly one file, nothing else beside it but words that add no other file
(`Reviewed src/a.py only.`, `Looking at `src/a.py`, three problems:`). An opening that names
two files, or one file "and the spec", names no file for a line: those items keep no place
rather than a guessed one. A heading that names a file (`### `src/b.py``) ends the opening's
file there: the items under it are that file's.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.file_groups import file_heading, heading_level
from deepreview.findings.file_names import EXTENSIONLESS, is_known_file, known_extension
from deepreview.findings.file_names import member_like as _member_like
from deepreview.findings.levels import level_lead
from deepreview.findings.list_marker import LIST_MARKER

# (Every blank run possessive, `[ \t]++`: a heading of 100,000 blanks is read in one pass,
# not split every way between two runs: `test_regex_long_lines`.)
# A reading verb or a review's own name for what it is, then the file: `Looking at src/a.py:`,
# `I reviewed `a.py`.`, `Review of a.py`, `Notes on src/a.py:`, `Went through a.py only.`
_OPENING: Final = re.compile(
    r"^(?:#{1,6}[ \t]++)?(?:\*\*|__)?[ \t]*+(?:I[ \t]++(?:have[ \t]++|just[ \t]++)?)?"
    r"(?:look(?:ed|ing)[ \t]++(?:at|over|through)|review(?:ed|ing)?|read(?:ing)?|"
    r"went[ \t]++through|going[ \t]++through|check(?:ed|ing)|(?:a[ \t]++)?(?:code[ \t]++)?review"
    r"[ \t]++of|(?:notes|comments|feedback|remarks|findings)[ \t]++(?:on|for|in))[ \t]++"
    r"(?:the[ \t]++(?:file|change[ \t]++to|changes[ \t]++to|diff[ \t]++of)[ \t]++)?"
    r"(?P<file>`[^`\n]+`|[^\s`*,;:()]++)(?:[ \t]++only)?[ \t]*+(?:\*\*|__)?"
    r"(?P<tail>[.:;,—–-].*)?$",
    re.IGNORECASE,
)
# What after the file would add more to read: `src/a.py and the spec`, `, plus its header`
_MORE: Final = re.compile(r"^[,;:—–-]?[ \t]*+(?:and|plus|as[ \t]++well|along|together|with|&)\b")
# The item's lines, leading it: `line 13:`, `Lines 12-13 —`, `L7:`, `**Line 13:**`
_ITEM: Final = re.compile(rf"^(?P<lead>[ \t]*+{LIST_MARKER}[ \t]++)(?P<rest>\S.*)$")
_LINES = r"(?:lines?|l)[ \t]*+\d{1,6}(?:[ \t]*+[-–][ \t]*+\d{1,6})?"
_LINES_LED: Final = re.compile(
    rf"^(?:(?P<b>\*\*|__)(?P<bold>{_LINES})[ \t]*+(?::[ \t]*+(?P=b)|(?P=b)[ \t]*+[:—–])|"
    rf"(?P<plain>{_LINES})[ \t]*+(?:[:—–]|-(?=[ \t])))[ \t]*+(?P<text>\S.*)$",
    re.IGNORECASE,
)


def opening_file(lines: list[str], fenced: list[bool]) -> str | None:
    """The one file the review's opening says it is about (see the module doc), else None."""
    opening = [i for i, line in enumerate(lines) if line.strip()][:2]
    if not opening or any(fenced[i] for i in opening):
        return None
    first = lines[opening[0]].strip()
    found = _file_of(first)
    if found is None and heading_level(first) is not None and len(opening) == 2:
        found = _file_of(lines[opening[1]].strip())  # `# Review` + `Looking at src/a.py:`
    return found


def _file_of(line: str) -> str | None:
    m = _OPENING.match(line)
    if m is None:
        return None
    path = m["file"].strip("`").rstrip(".")
    tail = (m["tail"] or "").strip()
    if not _a_file(path) or _MORE.match(tail) or _names_a_file(tail):
        return None
    return path


def _a_file(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return (
        (known_extension(base) and not _member_like(name))
        or is_known_file(name)
        or base in EXTENSIONLESS
    )


def _names_a_file(text: str) -> bool:
    words = re.findall(r"`([^`\n]+)`|([^\s`,;:()]+)", text)
    return any(_a_file((a or b).rstrip(".")) for a, b in words if (a or b).rstrip(".") != "")


def placed_by_opening(lines: list[str], fenced: list[bool]) -> list[str]:
    """`lines` with each list item that gives only its lines (after its level, if any) led by
    the place in the file the opening names (`- (medium) `src/a.py:13` — text`), one line for
    one; the same lines where the opening names no one file."""
    path = opening_file(lines, fenced)
    if path is None:
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        if fenced[i]:
            continue
        if file_heading(line) is not None:
            break  # the review groups by file from here: each group names its own
        item = _ITEM.match(line)
        if item is None:
            continue
        rest = item["rest"]
        level, after = level_lead(rest)
        levelled = level is not None and rest.endswith(after)
        led = _LINES_LED.match(after if levelled else rest)
        if led is None:
            continue
        numbers = re.findall(r"\d+", led["bold"] or led["plain"])
        lines_of = "-".join(dict.fromkeys(numbers))  # (`lines 7-7` is line 7)
        before = rest[: len(rest) - len(after)] if levelled else ""
        out[i] = f"{item['lead']}{before}`{path}:{lines_of}` — {led['text']}"
    return out
