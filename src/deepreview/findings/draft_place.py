"""The place of a finding whose own text gave it none with a line, whatever shape it was read
from (a heading, a list item, a table row, a JSON record, a prose paragraph): `make_draft` calls
`settle_place` for every draft.

- told in words: `(line 14 of net/retry.py, …)` is the finding's place when its prose tells
  exactly one such place (naming two, which is the finding's own is the reader's call);
- never a folder: `ctl/pkg/controllers/app/` names where to look, not a place a comment can sit
  on; the one file the finding's text names (often only its fix's) is its place, else none.
"""

from __future__ import annotations

from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.locations import lines_of_paths
from deepreview.markdown_fence import code_spans, strip_code
from deepreview.model import Location


def settle_place(head: FindingHead, body: str, fix: str, prefixes: tuple[str, ...]) -> None:
    """Give `head` the place its prose tells, and no folder for a place (see the module)."""
    if not any(loc.start is not None for loc in head.locations):
        told = told_place([head.title, head.leftover, *_prose(body)], prefixes)
        head.locations = told or head.locations
    if head.locations and all(_is_folder(loc) for loc in head.locations):
        files = _files_named([head.title, head.leftover, *_prose(body), *_prose(fix)], prefixes)
        head.locations = files if len(files) == 1 else []


def told_place(texts: list[str], prefixes: tuple[str, ...]) -> list[Location]:
    """The place a finding's prose tells in words (`line 14 of a/b.py`), when it tells exactly
    one: naming two, which is the finding's own is the reader's call, so neither is taken."""
    places = list(dict.fromkeys(loc for t in texts for loc in lines_of_paths(t, prefixes)))
    return places if len(places) == 1 else []


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
