"""A list item that tells its place in the sentence rather than leading with it.

    * In `upload.py`, the `retry` function swallows the final exception (line 88), …
    * The token is logged at INFO level (line 30) — this is a security concern.
    2. The key is logged on each request (`jobs/client.py`, line 30).

Free-form answers (Gemma, Qwen) write their problems so. The item's place is the file the
sentence names in backticks with the line it gives in parentheses (`(line 88)`, `(lines 3-5)`,
`(`a.py`, line 30)`), or, with no file in the item, the one file its list names (in code or
in a place: `queue.py:30`); or the line told in words (`2. The check on lines 8-9 is racy.`) in
the one file the item or else its list names; or the place
whole in parentheses (`… reach the admin view (`admin.py:12`).`); or the place in words
leading it (`src/a.py line 2: …`, `Line 2 of src/a.py: …`) or after the code it is about
(`` `load()` on line 2 of src/a.py crashes … ``), or after a short title
(`Crash on lists at `a.py:2`: …`, titled `Crash on lists`). Such an item is
read as if it led with that place (`` * `upload.py:88` — In `upload.py`, … ``), so that a list of
them is a list of place-led problems (`placed_items.py`): a finding each when it names a
problem; beside harmless remarks, only the items that plainly name a fault.

So is an item led by its lines under a file's heading with no level (Gemini's "Specific
Feedback": `### `src/a.py`` + `* **Line 42:** text`): `` * `src/a.py:42` — text ``. In such a
group an item that asks for a change (`Cap the attempts`) is one too (`placed_items._ASKS`).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.file_groups import BOLD_LEVEL, file_heading, heading_level
from deepreview.findings.file_names import is_known_file, known_extension, member_like
from deepreview.findings.head import locations_in
from deepreview.findings.levels import level_lead
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.locations import lines_named
from deepreview.model import Location

_ITEM: Final = re.compile(rf"^(?P<lead>[ \t]*{LIST_MARKER}[ \t]+)(?P<rest>\S.*)$")
# `(line 88)`, `(lines 3-5)`, `(`a.py`, line 30)`, `(`a.py` line 30)`, `(on line 9)`
_LINE: Final = re.compile(
    r"[ \t]*\((?:`(?P<file>[^`\s]+)`,?[ \t]*)?(?:on[ \t]+|at[ \t]+)?lines?[ \t]+"
    r"(?P<start>\d+)(?:[ \t]*[-–][ \t]*(?P<end>\d+))?\)",
    re.IGNORECASE,
)
# or its place whole in parentheses, mostly at the sentence's end: `… admin view (`admin.py:12`).`
_PLACE: Final = re.compile(
    r"[ \t]*\(`(?P<file>[^`\s:]+):(?P<start>\d+)(?:[-–](?P<end>\d+))?`\)", re.IGNORECASE
)
_SPAN: Final = re.compile(r"`([^`\s]+)`")
_AT_LINE: Final = re.compile(r":\d+(?:[-–]\d+)?$")
# The item leads with a place already (`a.py:3`, **`a.py:3`**)
_LED: Final = re.compile(r"^(?:\*\*|__)?\[?`?[^\s`*\[\]]+:\d+")
# Under a file's heading, an item led by its lines and no level: `**Line 42:** text`,
# `Lines 57-60: text`, `**L12** — text`
_LINES_LED: Final = re.compile(
    r"^(?:(?:\*\*|__)(?P<lines>(?:lines?|l)[ \t]*\d+(?:[ \t]*[-–][ \t]*\d+)?)[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*[:—–])|"
    r"(?P<plain>(?:lines?|l)[ \t]*\d+(?:[ \t]*[-–][ \t]*\d+)?)[ \t]*[:—–])[ \t]*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_NUMBERS: Final = re.compile(r"\d+")
# A terse item that leads with its place in words: `src/a.py line 2: text`, `Line 2 of
# src/a.py: text` (the file bare or in backticks)
_WORDS_LED: Final = re.compile(
    r"^(?:`?(?P<file>[^\s`:]+)`?[ \t]+(?:at[ \t]+|on[ \t]+)?lines?[ \t]+(?P<start>\d+)"
    r"|lines?[ \t]+(?P<start2>\d+)[ \t]+(?:of|in)[ \t]+`?(?P<file2>[^\s`:]+?)`?)"
    r"(?:[ \t]*[-–][ \t]*(?P<end>\d+))?[ \t]*[:—–][ \t]*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# The code first, then its place in words, then the problem: "`load()` on line 12 of a.py
# crashes on an empty file" (read as `` `a.py:12` — `load()` crashes on an empty file ``)
_SUBJECT_LED: Final = re.compile(
    r"^(?P<subject>`[^`\n]{1,80}`)[ \t]+(?:on|at|in)[ \t]+lines?[ \t]+(?P<start>\d+)"
    r"(?:[ \t]*[-–][ \t]*(?P<end>\d+))?[ \t]+(?:of|in)[ \t]+`?(?P<file>[^\s`:]+?)`?,?[ \t]+"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# A short title that names its place before the text: `Crash on list input at `a.py:2`: text`,
# `Stale docstring in `a.py:1`.` (a title of words: no code, no sentence's end inside it)
_AT_PLACE: Final = re.compile(
    r"^(?P<title>[A-Z][^`\n:.!?*]{0,80}?)[ \t]+(?:at|in|on)[ \t]+"
    r"`(?P<file>[^`\s:]+):(?P<start>\d+)(?:[-–](?P<end>\d+))?`"
    r"[ \t]*(?:(?:[:—–]|--?)[ \t]+(?P<rest>\S.*)|[.;]?[ \t]*)$"
)


def led_by_words(text: str) -> bool:
    """`text` opens with its place in words (`src/a.py line 2: …`, `Line 2 of src/a.py: …`)."""
    m = _WORDS_LED.match(text)
    if m is None and (subject := _SUBJECT_LED.match(text)) is not None:
        return _file(subject["file"])
    return m is not None and _file(m.group("file") or m.group("file2") or "")


def _file(name: str) -> bool:
    return (known_extension(name) and not member_like(name)) or is_known_file(name)


def places_in_prose(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...] = ()
) -> tuple[list[str], set[int]]:
    """`lines` with each list item that tells its place in the sentence led by that place
    (`` `a.py:88` — ``) and the parenthesis that gave the line cut out, and each item led by
    its lines under a file's heading (`### `a.py`` + `**Line 42:** text`) led by the file's
    place; the same lines (one for one) where none does; and the lines of the items so led."""
    lines, grouped = _grouped_by_file(lines, fenced, prefixes)
    items = {i: m for i, line in enumerate(lines) if not fenced[i] and (m := _ITEM.match(line))}
    # (a place in code names its file too: `queue.py:30`)
    named = {
        f
        for m in items.values()
        for span in _SPAN.findall(m.group("rest"))
        if _file(f := _AT_LINE.sub("", span))
    }
    only = next(iter(named)) if len(named) == 1 else None
    out = list(lines)
    for i, m in items.items():
        rest = m.group("rest")
        worded = _WORDS_LED.match(rest)
        worded_file = (worded.group("file") or worded.group("file2")) if worded else None
        if worded and worded_file and _file(worded_file):
            start = worded.group("start") or worded.group("start2")
            end = f"-{worded.group('end')}" if worded.group("end") else ""
            out[i] = f"{m.group('lead')}`{worded_file}:{start}{end}` — {worded.group('rest')}"
            continue
        subject = _SUBJECT_LED.match(rest)
        if subject and _file(subject["file"]):
            end = f"-{subject['end']}" if subject["end"] else ""
            where = f"{subject['file']}:{subject['start']}{end}"
            out[i] = f"{m.group('lead')}`{where}` — {subject['subject']} {subject['rest']}"
            continue
        titled = _AT_PLACE.match(rest)
        if titled and _file(titled.group("file")) and len(titled.group("title").split()) <= 8:
            # the title leads the text after the place as a named title (`place_led.named_title`)
            end = f"-{titled.group('end')}" if titled.group("end") else ""
            text = f": {titled.group('rest')}" if titled.group("rest") else "."
            where = f"{titled.group('file')}:{titled.group('start')}{end}"
            out[i] = f"{m.group('lead')}`{where}` — {titled.group('title')}{text}"
            continue
        bold = _BOLD_TITLE.match(rest)
        if bold and (level_lead(rest)[0] is not None or _LED.match(bold.group("text"))):
            bold = None  # `**Important:** `a.py:5` — …`: a level, or a place leading already
        told = one_place(bold.group("text"), prefixes) if bold else None
        if bold and told:
            # `* **Endless polling:** In `a.py`, the loop on line 18 never stops …`: the bold
            # title leads the text after the place (`place_led.named_title`)
            out[i] = f"{m.group('lead')}`{told}` — {bold.group('title')}: {bold.group('text')}"
            continue
        found = _LINE.search(rest)
        if found is None and len(_PLACE.findall(rest)) == 1:
            found = _PLACE.search(rest)
            if found is None or not _file(found.group("file")):
                continue
        if (
            found is None
            and not _LED.match(rest)
            and (told := _told_in_words(rest, only, prefixes))
        ):
            # `2. The `take()` check on lines 8-9 is racy.` in a list naming `queue.py` alone:
            # the lines in words stay words of the sentence
            out[i] = f"{m.group('lead')}`{told}` — {rest}"
            continue
        if found is None or _LED.match(rest) or len(_LINE.findall(rest)) > 1:
            continue
        path = found.group("file") if found.group("file") and _file(found.group("file")) else None
        before = [f for f in _SPAN.findall(rest[: found.start()]) if _file(f)]
        after = [f for f in _SPAN.findall(rest[found.end() :]) if _file(f)]
        path = path or (before[-1] if before else after[0] if after else only)
        if path is None:
            continue
        end = f"-{found.group('end')}" if found.group("end") else ""
        text = _without_lead_in(rest[: found.start()] + rest[found.end() :], path)
        out[i] = f"{m.group('lead')}`{path}:{found.group('start')}{end}` — {text}"
    return out, grouped


# `**Endless polling:** text`: a bold title of a few words that a colon ends
_BOLD_TITLE: Final = re.compile(
    r"^(?:\*\*|__)(?P<title>[^*_`\n:]{2,60}?)[ \t]*(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)"
    r"[ \t]+(?P<text>\S.*)$"
)


_DIGIT: Final = re.compile(r"\d")


def one_place(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The one place with a line `text` names: as a place (`a.py:18`, `a.py` line 18), or as
    the one file it names in code with the one line it names in words (`In `a.py`, the loop
    on line 18 …`); None when it names none or more than one."""
    if _DIGIT.search(text) is None:
        # every line a place or the words name is digits (`\d` in each pattern): without one
        # there is none, and a seat's megabyte of words is not read word by word for a place
        return None
    places = {loc for loc in locations_in(text, prefixes)}
    lined = {loc for loc in places if loc.start is not None}
    if len(lined) == 1:
        return str(next(iter(lined)))
    files = {loc.path for loc in places if _file(loc.path.rsplit("/", 1)[-1])}
    if lined or len(files) != 1:
        return None
    named = lines_named(Location(files.pop()), text)
    return str(named[0]) if len(named) == 1 else None


def _told_in_words(rest: str, only: str | None, prefixes: tuple[str, ...]) -> str | None:
    """The one place an item tells in words: the one line it names (`on lines 8-9`) in the
    one file it names in code, or with no file in it, in the one file its list names."""
    if _DIGIT.search(rest) is None:
        return None
    if any(_file(f) for f in _SPAN.findall(rest)):
        return one_place(rest, prefixes)
    if only is None:
        return None
    named = lines_named(Location(only), rest)
    return str(named[0]) if len(named) == 1 else None


# `In `server.py`, the timeout …`: the words that name the file the place now leads with
_LEAD_IN: Final = re.compile(
    r"^(?:in|within|inside)[ \t]+`(?P<file>[^`\s]+)`[ \t]*[,:—–-]?[ \t]+", re.IGNORECASE
)


def _without_lead_in(text: str, path: str) -> str:
    """The item's sentence from its problem on: "In `server.py`, the timeout is never applied"
    -> "The timeout is never applied" (the place says the file; the title starts at what is
    wrong there)."""
    m = _LEAD_IN.match(text)
    rest = text[m.end() :] if m is not None and m.group("file") == path else ""
    if not (rest[:1].isalpha() or rest[:1] == "`"):
        return text
    return rest[:1].upper() + rest[1:]  # (a code span stays as written)


def _grouped_by_file(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[str], set[int]]:
    """Gemini's per-file groups with no level: `### `src/a.py`` + `* **Line 42:** text` read
    as `` * `src/a.py:42` — text ``. (An item with a level, `**L42 (High):**`, is read as such
    by `file_groups`.)"""
    out = list(lines)
    grouped: set[int] = set()
    in_file: tuple[str, int] | None = None
    for i, line in enumerate(lines):
        if fenced[i]:
            continue
        if (group := file_heading(line, prefixes)) is not None:
            in_file = group
            continue
        if in_file is not None and (heading_level(line) or BOLD_LEVEL + 1) <= in_file[1]:
            in_file = None  # `### Other`: the file's group ends
        m = _ITEM.match(line)
        led = _LINES_LED.match(m.group("rest")) if m and in_file else None
        if m is not None and in_file is not None and led is None:
            # `- ⚠️ `Save` (line 64) writes …`, `… at line 103 …`: the one line the item's
            # sentence names, in the group's file (no other file named in its code)
            told = _line_in_group(m.group("rest"), in_file[0])
            if told is not None:
                out[i] = f"{m.group('lead')}`{told}` — {m.group('rest')}"
                grouped.add(i)
            continue
        if m is None or led is None or in_file is None:
            continue
        numbers = _NUMBERS.findall(led.group("lines") or led.group("plain"))
        place = "-".join(numbers[:2])
        out[i] = f"{m.group('lead')}`{in_file[0]}:{place}` — {led.group('rest')}"
        grouped.add(i)
    return out, grouped


def _line_in_group(rest: str, path: str) -> str | None:
    """The place in `path` of the one line `rest` names in words, unless it names another
    file in code or leads with a place of its own already."""
    if _DIGIT.search(rest) is None or _LED.match(rest):
        return None
    if any(_file(f) and f != path for f in _SPAN.findall(rest)):
        return None
    named = lines_named(Location(path), rest)
    return str(named[0]) if len(named) == 1 else None
