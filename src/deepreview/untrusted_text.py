"""Text from outside the tool (a seat's output, a file name of the reviewed repository) made safe
to store, show and use as a repository path.

A seat prints anything: a NUL makes `grep` take the stored report for a binary file, a terminal
escape sequence runs when the report is `cat`ed (clears the screen, recolours, retitles the
window). Such text is cleaned once, where it enters the report's model (`SeatReview`), so no
renderer has to: escape sequences are removed, CR LF and a lone CR become a newline, and every
other control character but tab and newline becomes U+FFFD (visible: something was there). A
seat's review loses its escape sequences earlier, before it is read and stored
(`without_escapes`: a coloured heading is that heading); its transcript stays what it printed.

Bidi controls that reorder text (the explicit embeddings, overrides and isolates, U+202A–202E and
U+2066–2069) are written as their code points (`⟨U+202E⟩`): `\u202etxt.exe` shows as "exe.txt"
otherwise (Trojan Source), in the Markdown, the HTML, SARIF and on GitHub alike. Cleaning here,
where the text enters the model, covers every output and every later reading of the stored
report at once, which no renderer-by-renderer escaping would. The marks (U+200E/U+200F/U+061C)
stay: they move no letters, only neutral characters beside them, and right-to-left prose needs
them.

A machine field is the exception: a finding's file path (`Location.path`, which names its fields
in `KEEPS_BIDI`) keeps its bidi controls, or the JSON, SARIF and inline comments would name a
file that does not exist; `Location.__str__`, what people read, shows them, and the JSON text
writes them as `\\u` escapes (`escape_json_controls`).

A path a seat cites is not trusted either: `inside_repo` says whether it may name a file of the
repository (`../../etc/passwd` may not), for the places that hand it to git or to a SARIF
consumer.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from typing import Any, TypeVar

REPLACEMENT = "\ufffd"
# CSI (colour, cursor, erase: ESC [ ... final byte), OSC (window title, hyperlink: ESC ] ...
# BEL or ESC \), the 8-bit CSI, and a character set chosen (`ESC ( B`, which `tput sgr0` prints
# with its reset).
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b[()*+][0-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# In a file name the marks too: no prose needs them there, and `a\u200f.py` hides one.
_NAME_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Anything `clean_text` changes: one scan finds out that most text needs no copy.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

T = TypeVar("T")


def clean_text(text: str) -> str:
    """`text` without escape sequences or control characters other than tab and newline, its
    bidi controls shown (`visible_bidi`)."""
    if not _SUSPECT.search(text):  # (ESC, CR and the 8-bit CSI are among these)
        return text  # the common case: one scan, no copy
    return visible_bidi(_controls_cleaned(text))


def _controls_cleaned(text: str) -> str:
    text = _ESCAPES.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(REPLACEMENT, text)


def without_escapes(text: str) -> str:
    """`text` without its terminal escape sequences, every other character kept: a seat's review
    as it is read and stored (a coloured `### Critical Issues` is that heading; its transcript
    keeps what the seat printed)."""
    return _ESCAPES.sub("", text) if "\x1b" in text or "\x9b" in text else text


def clean_machine_text(text: str) -> str:
    """`clean_text` for a machine field (a file path): its bidi controls kept as they are."""
    return _controls_cleaned(text) if _SUSPECT.search(text) else text


def visible_bidi(text: str) -> str:
    """`text` with each bidi control that reorders text written as its code point."""
    return _BIDI.sub(_code_point, text)


def _code_point(m: re.Match[str]) -> str:
    return f"⟨U+{ord(m.group()):04X}⟩"


def one_line_name(name: str) -> str:
    """A name (a file path) as shown in prose: on one line, every control character, tab and
    newline included, as U+FFFD (git allows a newline in a file name), bidi controls and
    marks shown."""
    return _NAME_BIDI.sub(_code_point, _LINE_CONTROL.sub(REPLACEMENT, name))


# JSON escapes every C0 control, not these; nor the bidi controls a machine field keeps.
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_json_controls(text: str) -> str:
    """JSON text with DEL, the C1 controls (the 8-bit CSI) and the bidi controls written as
    `\\u` escapes: the same data, nothing a terminal reacts to or reorders. (They can stand only
    inside a string.)"""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean_strings(value: T) -> T:
    """`value` with `clean_text` applied to every string in it: through frozen dataclasses,
    tuples, lists and dicts (a parsed review and everything in it). Unchanged parts are kept
    as they are (the same objects)."""
    cleaned: T = _clean(value)
    return cleaned


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        machine = getattr(value, "KEEPS_BIDI", ())
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            old = getattr(value, field.name)
            keep = field.name in machine and isinstance(old, str)
            new = clean_machine_text(old) if keep else _clean(old)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, (tuple, list)):
        items = [_clean(v) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        if hasattr(value, "_fields"):  # a NamedTuple takes its items as arguments
            return type(value)(*items)
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(_clean(k), _clean(v)) for k, v in value.items()]
        if all(a is k and b is v for (a, b), (k, v) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    return value


def inside_repo(path: str) -> str | None:
    """`path` as a clean repository-relative path (`./a//b.py` -> `a/b.py`), or None when it
    cannot name a file inside the repository: absolute, leaving it (`..`), empty, or holding
    a control character (git's line-based batch requests would read a newline as two)."""
    if not path or _LINE_CONTROL.search(path) or path.startswith(("/", "\\", "~")):
        return None
    norm = posixpath.normpath(path)
    if norm in (".", "..") or norm.startswith("../") or re.match(r"^[A-Za-z]:", norm):
        return None
    return norm


__all__ = [
    "REPLACEMENT",
    "clean_machine_text",
    "clean_strings",
    "clean_text",
    "escape_json_controls",
    "inside_repo",
    "one_line_name",
    "visible_bidi",
]
