"""Places told only relative to another: a finding that names its lines but not its file.

    1. (major) billing/store.ts lines 3-9: totals are summed as floats …
    2. (minor) line 12 of the same file: the discount is taken after tax …
    3. (minor) Same file, line 14: the retry count is never reset …
    - The refund never checks the owner (lines 5-6 of the controller), so …

Terse seats write a list so: the file once, then "the same file" for the next item, or the file
called by what it is ("the controller", "the migration"). A careful reader places them, and only
where the words leave no doubt:

- "the same file" (or "that file") is the file of the finding just before, when that finding is
  in one file (two files: which one is meant is the reader's guess, so none is taken);
- "the controller" is the one file of the change whose name holds that word (`Controller` in
  `InvoiceController.ts`; a folder's name when no file's name holds it: `workflows/` for "the
  workflow"); two such files, or none, or a change not known to the parse, and the words stay
  words. The word must end the phrase ("lines 3-5 of the retry function" names a function, not
  a file called `retry`), and a word that names a part of code or of the review ("the diff",
  "the loop", "the function") is never a file's.

Only a finding with no place of its own is placed so, and only when its text tells exactly one
such place (two: which is the finding's own is the reader's call).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from deepreview.findings.file_names import known_names
from deepreview.findings.locations import LINES, matched_lines
from deepreview.model import Finding, Location

_SAME_FILE: Final = r"(?:(?:the|that)[ \t]+)?(?:same|very[ \t]+same)[ \t]+file|that[ \t]+file"
# `line 12 of the same file`, `lines 3-5 in that file`
_LINES_OF_SAME: Final = re.compile(
    rf"\b{LINES}[ \t]+(?:of|in)[ \t]+(?:{_SAME_FILE})\b", re.IGNORECASE
)
# `Same file, line 14`, `in the same file at line 14`, `same file (lines 3-5)`
_SAME_THEN_LINES: Final = re.compile(
    rf"\b(?:{_SAME_FILE})[ \t]*[,:(—–-]?[ \t]*(?:(?:at|on|in)[ \t]+)?{LINES}", re.IGNORECASE
)
# `lines 5-6 of the controller` + what ends the phrase: the word `file`, punctuation, the end,
# or a word that goes on with the sentence (`… of the controller never checks`: the verb is no
# more name; `… of the retry function`: a noun is, so no file is named)
_LINES_OF_ROLE: Final = re.compile(
    rf"\b{LINES}[ \t]+(?:of|in)[ \t]+the[ \t]+(?P<role>[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9])"
    r"(?:[ \t]+file\b|(?=[ \t]*(?:$|[,.;:!?)\]—–]|-[ \t])|[ \t]+(?:and|but|so|which|that|"
    r"where|when|while|because|is|are|was|were|has|have|does|do|did|should|must|can|will|"
    r"would|could|may|might|still|never|also|only|always|then)\b))",
    re.IGNORECASE,
)
# Words that name a part of code, of the change or of the review, never a file by its role
_NO_ROLE: Final = frozenset(
    """
    same file files diff patch hunk change changes commit pr output log logs trace snippet
    function method class loop block body branch case statement struct enum interface type
    comment comments docstring signature call caller callee query example table list section
    review description message error stack testcase above below previous next first last
    following original new old current
    """.split()  # noqa: SIM905 - a word list reads better than 60 quoted strings
)
_PART: Final = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def place_relative(findings: list[Finding]) -> list[Finding]:
    """`findings` (in the review's order) with each placeless one that tells its place
    relative to another given that place (see the module doc)."""
    known = known_names()
    out: list[Finding] = []
    for f in findings:
        if not f.locations:
            told = _told(f, out[-1] if out else None, known)
            if told is not None:
                f = replace(f, locations=(told,))
        out.append(f)
    return out


def _told(f: Finding, before: Finding | None, known: frozenset[str]) -> Location | None:
    texts = [f.title, f.body]
    before_file = _one_file(before)
    places: set[Location] = set()
    for text in texts:
        for pattern in (_LINES_OF_SAME, _SAME_THEN_LINES):
            for m in pattern.finditer(text):
                if before_file is None:
                    return None  # "the same file" with no one file before: no place at all
                places.add(matched_lines(before_file, m))
        for m in _LINES_OF_ROLE.finditer(text):
            path = _file_by_role(m.group("role"), known)
            if path is not None:
                places.add(matched_lines(path, m))
    return places.pop() if len(places) == 1 else None


def _one_file(f: Finding | None) -> str | None:
    """The one file `f`'s places are in (not a folder), else None."""
    paths = {loc.path for loc in f.locations} if f is not None else set()
    if len(paths) != 1:
        return None
    path = paths.pop()
    return None if path.endswith("/") else path


def _file_by_role(word: str, known: frozenset[str]) -> str | None:
    """The one file of the change whose name holds `word` (else, whose folders do)."""
    role = _stem(word.lower())
    if role in _NO_ROLE or word.lower() in _NO_ROLE or len(role) < 3:
        return None
    for parts_of in (_name_parts, _folder_parts):
        found = [k for k in sorted(known) if role in parts_of(k)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _name_parts(path: str) -> set[str]:
    return _parts(path.rsplit("/", 1)[-1])


def _folder_parts(path: str) -> set[str]:
    return _parts(path.rsplit("/", 1)[0]) if "/" in path else set()


def _parts(text: str) -> set[str]:
    """`PasswordResetController.php` -> password, reset, controller, php (each singular)."""
    return {_stem(p.lower()) for p in _PART.findall(text)}


def _stem(word: str) -> str:
    """A word without a plural's `s` (`workflows`, `controllers`): one spelling for both."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
