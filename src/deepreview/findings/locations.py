"""`file:line` locations as agents write them, made repo-relative.

Agents cite code as `` `path:12-30` ``, as Markdown links into their own worktree
(`[x.go:12](/private/tmp/review-codex-CJcX1Y/pkg/x.go#L12)`), as GitHub blob URLs, or as bare
`path:12` words.  Every form ends up as a `Location` with a path relative to the repository root,
because the agent's temporary worktree means nothing to the reader of the report.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from deepreview.findings.file_names import (
    EXTENSIONLESS,
    is_known_file,
    known_extension,
    known_suffix,
    member_like,
    names_no_file,
)
from deepreview.model import Location

# The seat's temporary worktree: `.../review-<seat>-<random>/`.  The seat name may itself contain
# hyphens (`review-my-linter-ab12cd/`), the random suffix never does; it may hold an underscore
# (`tempfile.mkdtemp`'s letters: `review-b-0nsc_0zt/`).
_WORKTREE_DIR = re.compile(r"(?:^|/)review-[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*?-[A-Za-z0-9_]{4,}/")
_BLOB = re.compile(r"^https?://[^/]+/[^/]+/[^/]+/(?:blob|tree|raw)/[^/]+/(?P<path>.+)$")
_FRAGMENT_LINES = re.compile(r"^L(?P<start>\d+)(?:C\d+)?(?:-L?(?P<end>\d+)(?:C\d+)?)?$")
# `path`, `path:12`, `path:12-30`, `path:L12-L30`, `path#L12`, `path:12:5`, `path (lines 12-30)`
_LOCATION = re.compile(
    r"^(?P<path>[^\s:#()]+?)"
    r"(?:(?::L?|#L|\s+\(?(?:lines?|l\.)\s*)(?P<start>\d+)"
    r"(?:\s*[-–—]\s*L?(?P<end>\d+))?(?::\d+)?\)?)?$",
    re.IGNORECASE,
)
_DRIVE = re.compile(r"^([A-Za-z]:)[\\/]")
_NODE = re.compile(r"^(?P<path>[^\s:]+)::[A-Za-z_][\w.\[\]-]*(?:::[A-Za-z_][\w.\[\]-]*)*(?:\(\))?$")
_MD_LINK = re.compile(r"^\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)$")


def relativize(path: str, prefixes: tuple[str, ...] = ()) -> str:
    """Strip the agent's worktree (explicit prefixes first, then any `review-<seat>-XXXX/`)."""
    p = path.strip()
    if p.startswith("file://"):
        p = p[len("file://") :]
    for prefix in sorted((x for x in prefixes if x), key=len, reverse=True):
        base = prefix.rstrip("/") + "/"
        if p.startswith(base):
            return p[len(base) :]
        if p == prefix.rstrip("/"):
            return "."
    if p.startswith(("/", "~")) or re.match(r"^[A-Za-z]:[\\/]", p):
        m = _WORKTREE_DIR.search(p.replace("\\", "/"))
        if m:
            return p.replace("\\", "/")[m.end() :]
    if p.startswith("./"):
        p = p[2:]
    return p


def looks_like_path(text: str, *, any_extension: bool = False, lined: bool = False) -> bool:
    """A word that names a file: has a directory part, a known extension (any extension with
    `any_extension`: a line number was given), or is one of the change's files; not code
    (`os.environ`, `json.loads` are dotted names, not files)."""
    if not text or any(c in text for c in " \t()=<>{}\"'`,;*") or text.startswith("-"):
        return False
    if text.startswith(("http://", "https://")):
        return False
    name = text.rstrip("/").rsplit("/", 1)[-1]
    if name in EXTENSIONLESS or is_known_file(text):
        return True
    if "/" in text.strip("/") and re.search(r"[A-Za-z]", name):
        # (a line beside it makes it a place: `tools/build:12`; without one, `owner/name@v4`
        # or `golang.org/x/sync` is an action or a module, not a file)
        return any_extension or lined or not names_no_file(text)
    if any_extension and _DOTFILE.fullmatch(name):
        return True  # `.env:1`: a root dotfile with a line is a place
    if any_extension:
        return _has_extension(name)
    # no directory, no line: a file by its extension, unless shaped like a variable's member
    # (`lined`: a line is written beside it, `c.py` line 3, so it is a file like `c.py:3`)
    return _has_extension(name) and known_extension(name) and (lined or not member_like(name))


_DOTFILE = re.compile(r"\.[A-Za-z][\w.-]*")


_EXTENSION = re.compile(r"[A-Za-z]\w{0,9}")
_NAME_CHARS = re.compile(r"[\w.+@-]*")
_NAME_LETTER = re.compile(r"[A-Za-z_]")


def _has_extension(name: str) -> bool:
    """`name` is a file name with an extension (`a.py`, `.eslintrc.json`, `__init__.py`): name
    characters only, a letter after its last dot, and a letter or `_` in the part before that
    dot.  (What `\\.?[\\w.+@-]*[A-Za-z_][\\w+@-]*\\.[A-Za-z]\\w{0,9}` matches, checked part by
    part: that pattern backtracked quadratically on a long run of underscores.)"""
    stem, dot, extension = name.rpartition(".")
    if not dot or not _EXTENSION.fullmatch(extension) or not _NAME_CHARS.fullmatch(stem):
        return False
    return _NAME_LETTER.search(stem.rpartition(".")[2]) is not None


# Inside a code span the agent (or our renderer) has marked the whole text as one name, so a
# path may hold spaces, quotes, backticks, `|` or any letter; it still needs a file extension.
_CODE_LOCATION = re.compile(
    r"^(?P<path>[^\n]*?[^\s/:][^/\n]*?\.[A-Za-z][A-Za-z0-9]{0,9})"
    r"(?::L?(?P<start>\d+)(?:[-–—]L?(?P<end>\d+))?(?::\d+)?)?$"
)
_NOT_IN_CODE_PATH = re.compile(r"[(){}=<>;,\t]|\s{2}|^[-\s]|\s$|\s/|/\s|\.\s")
# With a line number the span is a place, and real names hold what code does: a Next.js route
# group `app/(shop)/page.tsx`, a partition `day=2025-03-09/load.py`, `x,y.py`, even a change's
# `<svg onload=alert(1)>.py`. What still marks code or a list: braces, `;`, a comma after an
# extension or before a space (`a.py,b.py:3`, `a.py, b.py:3`), a line number inside the path
# (`a.py:3, b.py:7`), a URL's scheme.
_NOT_IN_PLACE_PATH = re.compile(
    r"[{};\t]|\s{2}|^\s|^-+\s|\s$|\s/|/\s|\.\s|,\s|\.[A-Za-z][A-Za-z0-9]{0,9},|:\d"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def parse_location(
    text: str, prefixes: tuple[str, ...] = (), *, code: bool = False
) -> Location | None:
    """`path:12-30` (and friends) -> Location, or None when the text does not name a file.

    `code=True`: the text is a whole code span, so an odd path (spaces, quotes, backticks, `|`,
    non-ASCII letters) still counts when it ends in a file extension."""
    if code:
        # A backtick inside the span is part of the name, never markup to strip.
        loc = None if "`" in text else parse_location(text, prefixes)
        return loc if loc is not None else _code_location(text, prefixes)
    t = text.strip().strip("`").strip()
    if not t or len(t) > 500:
        return None
    if t[:5].lower() == "file:":
        return _file_url_place(t, prefixes)
    link = _MD_LINK.match(t)
    if link:
        return parse_link(link.group("text"), link.group("url"), prefixes)
    if _BLOB.match(t.partition("#")[0]):
        # a bare permalink (`https://github.com/o/r/blob/SHA/a.py#L70-L74`), as a link's URL is
        return parse_link("", t.rstrip(".,;:)"), prefixes)
    # Windows paths: `C:\\Users\\...\\review-gemini-Q1w2E3\\pkg\\x.go:7`.
    drive = ""
    dm = _DRIVE.match(t)
    if dm:
        drive, t = dm.group(1), t[2:]
    t = t.replace("\\", "/")
    node = _NODE.match(t)
    if node and looks_like_path(node.group("path")):
        t = node.group("path")  # `tests/test_a.py::test_retry`, `a.py::Client.send`: the file
    m = _LOCATION.match(t)
    if not m:
        return _scratch_place(t, prefixes) if " " in t else None
    path = m.group("path")
    if not looks_like_path(path, any_extension=bool(m.group("start"))) and not path.startswith("/"):
        return None
    start = int(m.group("start")) if m.group("start") else None
    end = int(m.group("end")) if m.group("end") else None
    rel = relativize(path, prefixes)
    if drive and rel.startswith("/"):
        rel = drive + rel
    return _make(rel, start, end)


def _scratch_place(text: str, prefixes: tuple[str, ...]) -> Location | None:
    """`/tmp/review-codex-ab12/dir x/a.py:2-2` (Codex writes its places so, unquoted): past
    the seat's scratch worktree the rest is a path in the repository, spaces and all, read as
    a code span's would be. An absolute path outside any worktree stays no place."""
    if relativize(text, prefixes) == text:
        return None
    loc = _code_location(text, prefixes)
    if loc is None or is_known_file(loc.path):
        return loc
    # Not one of the change's files: a path whose blanks part directory names (`my dir/a.py`),
    # never a sentence that runs on to a place (`a.py fails at b.py:3`)
    words = loc.path.split(" ")
    if len(words) > 4 or any(_has_extension(w.rsplit("/", 1)[-1]) for w in words[:-1]):
        return None
    return loc


def quote_scratch_places(text: str, prefixes: tuple[str, ...] = ()) -> str:
    """Each unquoted place under a seat's scratch worktree whose path holds a space
    (`— /tmp/review-codex-ab12/dir x/a.py:2`) put in a code span, so the words of its path
    are read as one place rather than split at the blank."""
    given = [p.rstrip("/") for p in prefixes if p.strip("/")]
    if " " not in text or ("/review-" not in text and not any(f"{g}/" in text for g in given)):
        return text  # (most texts name no such place: skip the scan)
    roots = "|".join(re.escape(g) for g in given)
    scratch = rf"(?:{roots}|{_SCRATCH_ROOT})" if roots else _SCRATCH_ROOT

    def quote(m: re.Match[str]) -> str:
        place = m.group("p")
        if " " not in place or _scratch_place(place, prefixes) is None:
            return m.group(0)
        return f"`{place}`"

    return re.sub(rf"(?<![^\s(\[])(?P<p>{scratch}/{_SCRATCH_REST})", quote, text)


_SCRATCH_ROOT = r"(?:/|~/)[^\s`]*?/review-[^\s/`]+"
# The rest of the place: a path (blanks allowed, no backtick or colon; bounded, so a long line
# of such roots is read in linear time) and its lines.
_SCRATCH_REST = r"[^`\n:]{1,300}:L?\d+(?:[-–—]L?\d+)?(?::\d+)?(?![\w.-]|:\d)"


# `path:24,50,65` / `path:184-189, 345-346` / `a.md:21; b.md:4-9`: several places in one text.
_LIST_SEP = re.compile(r"[ \t]*[;,][ \t]*")
# Between a range's two lines: `42-48`, `42–L48`, `42..48`, `42 to 48`, `42 through 48`.
RANGE_TO = r"[ \t]*(?:[-–—]|\.\.|(?:to|through|thru)\b)[ \t]*(?-i:L)?"
# A file's lines named in words, the package's one definition (compile with IGNORECASE):
# `line 12`, `lines 12-30`, `lines 12 to 30`, `l. 12`, `L12`, `L12-L30`; groups `start`, `end`.
# (At most 7 digits: a longer number is no line, and `int()` of thousands of digits raises.)
# (the same word in Spanish, French, German, Portuguese, Arabic: `línea 64`, `السطر 64`)
FOREIGN_LINE = r"l[íi]neas?|lignes?|zeilen?|linhas?|السطر|الأسطر"
LINE_WORD = rf"(?:(?:lines?|l\.|{FOREIGN_LINE})[ \t]*|(?-i:L)(?=\d))"
LINES = rf"{LINE_WORD}(?P<start>\d{{1,7}})(?:{RANGE_TO}(?P<end>\d{{1,7}}))?(?!\d)"
# ... or bare after a place of the file (`a.go:12, 40-45`)
_LINES = re.compile(
    rf"^(?:{LINE_WORD})?(?P<start>\d{{1,7}})(?:{RANGE_TO}(?P<end>\d{{1,7}}))?$", re.IGNORECASE
)
_LINES_IN_WORDS = re.compile(rf"^{LINES}$", re.IGNORECASE)
_NAMED_LINES = re.compile(rf"\b{LINES}", re.IGNORECASE)


def parse_locations(
    text: str, prefixes: tuple[str, ...] = (), *, code: bool = False
) -> list[Location]:
    """Like `parse_location`, and a list (`path:12,40-45`, `a.go:3; b.go:9`) gives one location
    per item, a bare line range naming more lines of the file before it; [] unless every item
    is a place."""
    one = parse_location(text, prefixes, code=code)
    if one is not None:
        return [one]
    items = _LIST_SEP.split(text.strip().strip("`").strip())
    if len(items) < 2:
        return []
    out: list[Location] = []
    for item in items:
        loc = parse_location(item, prefixes, code=code) if item else None
        if loc is None and out and out[-1].start is not None:
            loc = same_file_lines(out[-1], item)
        if loc is None:
            return []
        out.append(loc)
    return out


def same_file_lines(anchor: Location, text: str, *, worded: bool = False) -> Location | None:
    """`40-45` (or `line 40`, `L40-L45`) after `a.go:12`: another place in the anchor's file;
    None if `text` is no line range. `worded`: only lines named so (`line 40`, `L40`), not a
    bare number."""
    m = (_LINES_IN_WORDS if worded else _LINES).match(text.strip())
    return None if m is None else matched_lines(anchor.path, m)


def lines_named(anchor: Location, text: str) -> list[Location]:
    """Every line `text` names in words (`used at line 14`, `and lines 3-5`), as places in the
    anchor's file."""
    return [matched_lines(anchor.path, m) for m in _NAMED_LINES.finditer(text)]


def matched_lines(path: str, m: re.Match[str]) -> Location:
    """The place in `path` of the lines a match of `LINES` names (`LINE_OF_PATH` too)."""
    return _make(path, int(m.group("start")), int(m.group("end")) if m.group("end") else None)


def _code_location(text: str, prefixes: tuple[str, ...]) -> Location | None:
    if not text or len(text) > 500 or "\n" in text:
        return None
    m = _CODE_LOCATION.match(text)
    if not m:
        return None
    path = m.group("path")
    if _SCHEME.match(path):
        return None  # `file:///etc/x.conf:2`: a URL, never a place in the repository
    # Without a line, `(`, `=`, `<`… read as code (`a = b.x`); with one (`--help.py:1` too:
    # a leading dash is then a file's name, not a flag) see `_NOT_IN_PLACE_PATH`
    rule = _NOT_IN_PLACE_PATH if m.group("start") else _NOT_IN_CODE_PATH
    if rule.search(path):
        return None
    if (
        not m.group("start")
        and "/" not in path
        and not (known_extension(path) and not member_like(path))
    ):
        # `` `json.loads` ``, `` `self.buffer` ``, `` `c.m` ``: a dotted name, not a file
        return None
    start = int(m.group("start")) if m.group("start") else None
    end = int(m.group("end")) if m.group("end") else None
    return _make(relativize(m.group("path"), prefixes), start, end)


def parse_link(text: str, url: str, prefixes: tuple[str, ...] = ()) -> Location | None:
    """A Markdown link to a file: path from the URL, lines from the link text or the fragment."""
    target, _, fragment = unquote(url).partition("#")
    blob = _BLOB.match(target)
    if blob:
        target = blob.group("path")
    elif target[:5].lower() == "file:":
        inside = _file_url_place(url.partition("#")[0], prefixes)
        scheme = _FILE_URL.match(target)
        if inside is None and scheme is None:
            return _shown_place(text, prefixes)
        # (an absolute path outside the checkout is judged below, as a plain one is)
        target = inside.path if inside is not None else target[scheme.end() :] if scheme else ""
    elif _SCHEME.match(target):
        return None  # a web page, `mailto:`: no place of the repository's
    start = end = None
    fm = _FRAGMENT_LINES.match(fragment)
    if fm:
        start = int(fm.group("start"))
        end = int(fm.group("end")) if fm.group("end") else None
    # The link text often carries the full range (`x.go:443-468`) while the URL has only `#L443`.
    shown = _shown_place(text, prefixes)
    if (
        shown is not None
        and shown.start is not None
        and (start is None or (start == shown.start and shown.end is not None))
    ):
        start, end = shown.start, shown.end
    if not target:
        return shown
    path = relativize(target, prefixes)
    if _outside(path):
        # The URL names a file outside the seat's worktree (`/etc/hosts`): a location is
        # repository-relative, so only the link's text can name one, with the URL's lines
        # when both name one file (`[a.py](/home/me/app/src/a.py#L12)` read with no checkout)
        if shown is not None and shown.start is None and path.endswith("/" + shown.path):
            return _make(shown.path, start, end)
        return shown
    # A URL is a path by construction: its last part needs only an extension (`%28shop%29`
    # is a route group's `(shop)`)
    if not (looks_like_path(path) or _LINKED_FILE.search(path)):
        return shown
    return _make(path, start, end)


_LINKED_FILE = re.compile(r"(?:^|/)[^\s/][^/]*\.[A-Za-z][A-Za-z0-9]{0,9}$")


_FILE_URL = re.compile(r"^file://(?:localhost)?(?=/)|^file:(?=/)", re.IGNORECASE)


def _file_url_place(url: str, prefixes: tuple[str, ...]) -> Location | None:
    """The place a `file://` URL names in the repository (`file:///abs/checkout/a.py:12` ->
    `a.py:12`, `#L12` too): past the checkout or the seat's worktree (`relativize`), else the
    longest of the change's files its path ends with (`json_review` reads an absolute path
    so); None for any other file (`file:///etc/hosts`) or host."""
    m = _FILE_URL.match(url)
    if not m:
        return None
    loc = parse_location(unquote(url[m.end() :]), prefixes, code=True)
    if loc is None or not _outside(loc.path):
        return loc
    inside = known_suffix(loc.path) if loc.path.startswith("/") else None
    return None if inside is None else _make(inside, loc.start, loc.end)


def _shown_place(text: str, prefixes: tuple[str, ...]) -> Location | None:
    """The place a link's text names (`` [`x.go:3`](…) ``), if it names one in the repository."""
    shown = parse_location(text.strip().strip("`"), prefixes) if text.strip() else None
    return None if shown is None or _outside(shown.path) else shown


def _outside(path: str) -> bool:
    """An absolute path, or one that climbs out of the repository (`../x`)."""
    return (
        path.startswith(("/", "~", "\\"))
        or _DRIVE.match(path) is not None
        or ".." in path.replace("\\", "/").split("/")
    )


def _make(path: str, start: int | None, end: int | None) -> Location:
    if start is not None and end is not None and end < start:
        end = None
    if end == start:
        end = None
    return Location(path=path, start=start, end=end)


# `path` + `line 12` / `path`, line 12 / `path` at line 12 / `path`, ~line 12 / `path` L42–L48 /
# `path` lines 42 to 48 / `path` line 42 and 48: the line(s) join the path.
_PATH_THEN_LINE = re.compile(
    # (`a.py`, line 3 / `a.py` — line 3 / a.py @ line 3 / a.py: on line 3)
    r"(?P<path>`[^`\n]+`|[^\s`\[\](),;]*[^\s`\[\](),;:])"
    r"(?:[ \t]*(?:[,:—–@]|--?(?=[ \t]))?[ \t]+|[ \t]*@)"
    r"(?:(?:at|on|in)[ \t]+)?"
    # `(`a.py`, ~line 88)`, `a.py` around line 88: an approximate line is still the place
    r"(?:~[ \t]*|(?:about|around|approx\.?|approximately|near)[ \t]+)?"
    + LINES
    # `line 42 and 48`, `lines 12, 30 and 41-44`: more lines of the same file
    + rf"(?P<more>(?:[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)\d+(?:{RANGE_TO}\d+)?)*)\b",
    re.IGNORECASE,
)
_LINE_WORD = re.compile(rf"\b(?:lines?\b|l\.|(?:{FOREIGN_LINE})\b)|(?-i:L)\d", re.IGNORECASE)
_MORE_LINES = re.compile(rf"(?P<start>\d+)(?:{RANGE_TO}(?P<end>\d+))?", re.IGNORECASE)


def join_line_words(tail: str) -> str:
    """`a.go` line 12 -> `` `a.go:12` `` so the place reads as one location (`a.go` lines 3 and
    9 -> `` `a.go:3,9` ``, two places of one file)."""

    if "`:" in tail:
        tail = _SPAN_THEN_COLON.sub(_span_then_colon, tail)
    if _LINE_WORD.search(tail) is None:
        return tail  # (most tails name no line in words: skip the costly scan)

    def repl(m: re.Match[str]) -> str:
        path = m.group("path").strip("`")
        if ":" in path or not _lined_path(m.group("path")):
            return m.group(0)
        lines = m.group("start") + (f"-{m.group('end')}" if m.group("end") else "")
        for more in _MORE_LINES.finditer(m.group("more") or ""):
            lines += "," + more.group("start") + (f"-{more['end']}" if more["end"] else "")
        return f"`{path}:{lines}`"

    def line_first(m: re.Match[str]) -> str:
        path = m.group("path").strip("`")
        if ":" in path or not _lined_path(m.group("path")):
            return m.group(0)
        return f"`{path}:{m.group('start')}" + (f"-{m['end']}`" if m["end"] else "`")

    tail = LINE_OF_PATH.sub(line_first, _PATH_THEN_LINE.sub(repl, tail))
    return _LINES_THEN_PATH.sub(line_first, tail) if "(" in tail else tail


# `L10 of `c.py``, `line 4 in `d.py``, `lines 3-9 of e.py`: the line(s) first, then the file
# (a bare one without the full stop or colon its sentence puts after it: `… of e.py.`).
LINE_OF_PATH = re.compile(
    rf"\b{LINES}[ \t]+(?:of|in)[ \t]+(?P<path>`[^`\n]+`|[^\s`\[\](),;]*[^\s`\[\](),;.:])",
    re.IGNORECASE,
)


# `in `a/b.ts` around line 73`, `in a/b.py line 14`: the file, then its line in words (told
# after `in` or `at`, so a file merely named before a line of something else is not read)
_PATH_THEN_LINE_WORDS = re.compile(
    r"\b(?:in|at)[ \t]+(?P<path>`[^`\n]+`|[^\s`\[\](),;]*[^\s`\[\](),;.:]),?[ \t]+"
    rf"(?:(?:around|at|on|near)[ \t]+)?{LINES}",
    re.IGNORECASE,
)


def lines_of_paths(text: str, prefixes: tuple[str, ...] = ()) -> list[Location]:
    """The places `text` names in words, `line 14 of a/b.py`, `lines 3-9 in `c.py``, `in
    a/b.py around line 14`: each file a path-looking token (`line 3 of the handler` names
    none), in the order written."""
    out: list[Location] = []
    for rx in (LINE_OF_PATH, _PATH_THEN_LINE_WORDS):
        for m in rx.finditer(text):
            path = m.group("path").strip("`")
            loc = parse_location(path, prefixes) if looks_like_path(path) else None
            if loc is not None and loc.start is None:
                out.append(matched_lines(loc.path, m))
    return out


# `Lines 33-35 (`a.py`): …`: the file in parentheses after its lines
_LINES_THEN_PATH = re.compile(
    rf"\b{LINES}[ \t]*\((?P<path>`[^`\n]+`|[^\s`\[\](),;]*[^\s`\[\](),;.:])\)", re.IGNORECASE
)


def _lined_path(written: str) -> bool:
    """A path a line number is written beside: a bare word by `looks_like_path`; a code span
    by the code-span rule, so a name with a space (`` `dir x/a.py`, line 2 ``) counts too."""
    if written.startswith("`"):
        path = written.strip("`")
        return looks_like_path(path, lined=True) or _code_location(path, ()) is not None
    return looks_like_path(written, lined=True)


# `` `a.py`:13 ``, `` `a.py`:13-17 ``: the line written after the code span, past its colon.
_SPAN_THEN_COLON = re.compile(
    r"`(?P<path>[^`\n:]+)`:(?P<lines>L?\d+(?:[-–—]L?\d+)?)(?![\w.:]|-\d|\.\d)"
)


def _span_then_colon(m: re.Match[str]) -> str:
    if not _lined_path(f"`{m.group('path')}`"):
        return m.group(0)
    return f"`{m.group('path')}:{m.group('lines')}`"
