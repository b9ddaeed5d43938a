"""The place of a finding whose own text gave it none with a line, whatever shape it was read
from (a heading, a list item, a table row, a JSON record, a prose paragraph): `make_draft` calls
`settle_place` for every draft.

- told in words: `(line 14 of net/retry.py, …)` is the finding's place when its title tells
  exactly one such place, else when its prose does (naming two, which is the finding's own is
  the reader's call); so is
  a bare place in a sentence (`the select at srv.go:12 never …`: a file name with an extension
  and its line, or a path the repository holds at the review SHA, `ops/bootstrap:3`; never a
  URL's port, a version `v1.2:3` or a folder), and the one line range
  told in words beside the one file the finding names (`in srv/log.go the check in lines
  40–45 …`, `lines 40 to 45`);
- never a folder: `ctl/pkg/controllers/app/` names where to look, not a place a comment can sit
  on; the one file the finding's text names (often only its fix's) is its place, else none;
- with no place at all, the one file its prose names bare (`… in util/strings.py.`, a path with
  a folder) is its place, without a line.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.file_names import in_repository, known_extension, member_like
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.locations import LINES, lines_of_paths, looks_like_path, matched_lines
from deepreview.markdown_fence import code_spans, strip_code
from deepreview.model import Location


def settle_place(head: FindingHead, body: str, fix: str, prefixes: tuple[str, ...]) -> None:
    """Give `head` the place its prose tells, and no folder for a place (see the module)."""
    if not any(loc.start is not None for loc in head.locations):
        texts = [head.title, head.leftover, *_prose(body)]
        # (a place its title tells is the finding's, whatever else its text goes on to name)
        told = (
            told_place(texts[:2], prefixes)
            or _lines_of_the_file(head.locations, texts[:2], prefixes)
            or told_place(texts, prefixes)
            or _lines_of_the_file(head.locations, texts, prefixes)
        )
        head.locations = told or head.locations
    if head.locations and all(_is_folder(loc) for loc in head.locations):
        files = _files_named([head.title, head.leftover, *_prose(body), *_prose(fix)], prefixes)
        head.locations = files if len(files) == 1 else []
    if not head.locations:
        # `… should be `yell` in util/strings.py.`: the one file its prose names, bare
        files = _bare_files([head.title, head.leftover, *_prose(body), *_prose(fix)], prefixes)
        head.locations = files if len(files) == 1 else []


def told_place(texts: list[str], prefixes: tuple[str, ...]) -> list[Location]:
    """The place a finding's prose tells in words (`line 14 of a/b.py`), when it tells exactly
    one: naming two, which is the finding's own is the reader's call, so neither is taken."""
    places = list(
        dict.fromkeys(
            loc for t in texts for loc in [*lines_of_paths(t, prefixes), *_bare_places(t, prefixes)]
        )
    )
    return places if len(places) == 1 else []


# `at srv.go:12,`: a file name with an extension and its line, outside code (a code span is
# `labels.body_location`'s). Not inside a URL (`example.com:8443/docs`: a `/` or a word before,
# a `/` after) nor a version (`v1.2:3`: no letter opens its "extension").
_BARE_PLACE: Final = re.compile(
    r"(?<![\w/.:`@~-])(?P<path>[\w.-]+(?:/[\w.-]+)*\.[A-Za-z][A-Za-z0-9]{0,9})"
    r":(?P<start>\d{1,7})(?:[-–](?P<end>\d{1,7}))?(?![\w:/`]|[.,]\d)"
)


# `ops/bootstrap:3` (no extension): a place only when the repository holds that path at the
# review SHA (`file_names.in_repository`); in prose alone, `step/2:3` or `ratio/a:b` is no file.
_BARE_HELD: Final = re.compile(
    r"(?<![\w/.:`@~-])(?P<path>[\w.-]+(?:/[\w.-]+)+)"
    r":(?P<start>\d{1,7})(?:[-–](?P<end>\d{1,7}))?(?![\w:/`]|[.,]\d)"
)


def _bare_places(text: str, prefixes: tuple[str, ...]) -> list[Location]:
    out = []
    for m in _BARE_PLACE.finditer(text):
        path = m.group("path")
        if _PATH_BEFORE.search(text, 0, m.start()):
            continue  # `/etc/my dir/x.py:2`: the end of a path with a space, no place of its own
        if looks_like_path(path, lined=True) and (loc := locations_in(m.group(0), prefixes)):
            out.extend(loc)
    for m in _BARE_HELD.finditer(text):
        if in_repository(m.group("path")) and not _PATH_BEFORE.search(text, 0, m.start()):
            out.extend(locations_in(m.group(0), prefixes))
    return out


_PATH_BEFORE: Final = re.compile(r"[/\\][^\s/\\]*[ \t]+$")


_FILE_WORD: Final = re.compile(r"(?<![\w/.:`@~-])[\w.-]+(?:/[\w.-]+)*\.[A-Za-z][A-Za-z0-9]{0,9}\b")
_NAMED_LINES: Final = re.compile(rf"\b{LINES}", re.IGNORECASE)
# (`lines 3 to 9 of the plan`: lines of something else, `LINE_OF_PATH`'s when it is a file)
_OF_SOMETHING: Final = re.compile(r"[ \t]+(?:of|in)[ \t]")


def _lines_of_the_file(
    known: list[Location], texts: list[str], prefixes: tuple[str, ...]
) -> list[Location]:
    """`in srv/log.go the check in lines 40–45 …`: the one line range the prose tells in words,
    in the one file the finding names (its place without a line, a code span or a bare name);
    [] when it names two files or two ranges (which is the finding's own is the reader's call).
    A folder is no file (`srv/handlers/`, `see lines 3 to 9 of the plan`)."""
    files = {loc.path for loc in known}
    ranges: set[Location] = set()
    for text in texts:
        spans = code_spans(text)
        for start, end in spans:
            files.update(loc.path for loc in locations_in(text[start:end], prefixes))
        prose = _without_spans(text, spans)
        for m in _FILE_WORD.finditer(prose):
            word = m.group(0)
            if known_extension(word) and not member_like(word) and looks_like_path(word):
                files.update(loc.path for loc in locations_in(word, prefixes))
        ranges.update(
            matched_lines("", m)
            for m in _NAMED_LINES.finditer(prose)
            if not _OF_SOMETHING.match(prose, m.end())
        )
    files = {f for f in files if not _is_folder(Location(f))}
    if len(files) != 1 or len(ranges) != 1:
        return []
    lines = ranges.pop()
    return [Location(files.pop(), lines.start, lines.end)]


def _bare_files(texts: list[str], prefixes: tuple[str, ...]) -> list[Location]:
    """The files the texts name bare, outside code spans, each once, no lines; none unless each
    is a path (`util/strings.py`: a lone `strings.py` may be a module's name, but it still
    makes two files named), nor when the texts name lines (`lines 40-45 and 90-95`: which is
    the finding's own is the reader's call, `_lines_of_the_file`)."""
    found: dict[str, Location] = {}
    for text in texts:
        prose = _without_spans(text, code_spans(text))
        if _NAMED_LINES.search(prose):
            return []
        for m in _FILE_WORD.finditer(prose):
            word = m.group(0)
            if _PATH_BEFORE.search(prose, 0, m.start()):
                return []  # `/etc/my dir/x.py`: the end of a path with a space
            if known_extension(word) and not member_like(word) and looks_like_path(word):
                for loc in locations_in(word, prefixes):
                    if not _is_folder(loc):
                        found.setdefault(loc.path, Location(loc.path))
    return list(found.values()) if all("/" in p for p in found) else []


def _is_folder(loc: Location) -> bool:
    return loc.path.endswith("/")


def _prose(text: str) -> list[str]:
    """The lines of `text` outside its code blocks (a diff's paths are no words of the prose)."""
    return strip_code(text, "\n").split("\n")


def _files_named(texts: list[str], prefixes: tuple[str, ...]) -> list[Location]:
    """The files (not folders) the texts name in code spans, each file once, lines dropped
    when the text names it more than once with different lines."""
    found: dict[str, Location] = {}
    for text in texts:
        for start, end in code_spans(text):
            for loc in locations_in(text[start:end], prefixes):
                if _is_folder(loc):
                    continue
                known = found.get(loc.path)
                found[loc.path] = loc if known in (None, loc) else Location(loc.path)
    return list(found.values())


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each code span blanked (same length, so positions stay)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
