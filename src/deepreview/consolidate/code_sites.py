"""Which function a finding's lines are in, and which functions they call: read from the code.

A careful lead reading two findings, one at a function's body and one at a line that calls it
("`to_cents` truncates" at its `return`, "the amount sent is one short" at `to_cents(total)`
fifteen lines below, or in another file), opens the code and sees one function's definition
and its use. The seats' words rarely show it: the caller's reviewer names the symptom, not the
function. `cluster_findings` gets the changed files' text when the caller has it (`sources`),
and these two facts per finding are what it reads there (`score` weighs them with what the two
findings say alike; a definition and a call are where they looked, not what they saw).

Language-agnostic and deliberately simple: a function is a line that defines one in the common
languages (`def`, `func`, `fn`, `function`, a `const f = (...) =>`, a Java-like method head,
a C function's head),
and a line is in the nearest such definition above it that it is indented under, or after it
in a language of braces. A call is a name followed by `(` that is not a keyword or that line's
own definition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_KEYWORD_LIST = """
    if for while switch return catch function def func fn match elif else try with assert
    print not and or in is await async new typeof sizeof super this self lambda yield raise
    throw defer go select case when unless until do loop
"""
# Words that start a statement or a type, never a C return type (`return total(`, `if check(a,`,
# `class Store(Base):`)
_STATEMENT_WORDS = "|".join(
    sorted(
        {*_KEYWORD_LIST.split(), "delete", "goto", "puts", "del", "class", "record", "interface"}
    )
)
_DEFINITIONS = (
    # Python, Ruby (`def name`, `async def name(`)
    re.compile(r"^(?P<indent>\s*)(?:async\s+)?def\s+(?:self\.)?(?P<name>\w+)"),
    # Go (`func (r *T) Name(`), Swift, Kotlin (`fun name(`)
    re.compile(
        r"^(?P<indent>\s*)(?:[\w@]+\s+)*(?:func|fun)\s+(?:\([^)]*\)\s*)?(?P<name>\w+)\s*[(<]"
    ),
    # Rust (`pub(crate) async fn name(`)
    re.compile(
        r"^(?P<indent>\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+)*fn\s+(?P<name>\w+)"
    ),
    # Lua (`function Player:shoot(`, `local function step(`, `function M.load(`): a method's
    # name is the one after the table's
    re.compile(r"^(?P<indent>\s*)(?:local\s+)?function\s+(?:[\w.]+[.:])?(?P<name>\w+)\s*\("),
    # JavaScript / TypeScript (`export async function name(`, `const name = async (a) =>`)
    re.compile(
        r"^(?P<indent>\s*)(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(?P<name>\w+)"
    ),
    re.compile(
        r"^(?P<indent>\s*)(?:export\s+)?(?:const|let|var)\s+(?P<name>\w+)\s*(?::[^=]+)?=\s*"
        r"(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|\w+\s*=>)"
    ),
    # Java, C#, Kotlin-less JVM heads (`static long monthlyInterest(long a, int b) {`)
    re.compile(
        r"^(?P<indent>\s*)(?:(?:public|private|protected|internal|static|final|abstract"
        r"|synchronized|override|virtual|async)\s+)+[\w<>\[\],.?]+\s+(?P<name>\w+)\s*\([^;]*$"
    ),
    # C, C++ (`struct user *user_new(const char *name)`, `static int Foo::count(`): a return
    # type then the name, no `;` after (a prototype); a statement's first word is no type
    # (`_STATEMENT_WORDS`)
    re.compile(
        rf"^(?P<indent>\s*)(?!(?:{_STATEMENT_WORDS})\b)(?:(?:static|inline|extern|const|unsigned"
        r"|signed|struct|enum|union)\s+)*[A-Za-z_][\w<>]*(?:\s*\*+\s*|\s+)"
        r"(?:\w+::)*(?P<name>[A-Za-z_]\w*)\s*\([^;]*$"
    ),
)
_CALL = re.compile(r"(?<![\w.$])(?:[\w$]+(?:\.|::))*(?P<name>[A-Za-z_]\w*)\s*\(")
_KEYWORDS = frozenset(_KEYWORD_LIST.split())
NEAR_CALL_LINES = 2  # a call this many lines from a finding's place is at it ("beside")


def _definition(line: str) -> tuple[str, int] | None:
    """(name, indentation) when `line` defines a function, else None."""
    for pattern in _DEFINITIONS:
        m = pattern.match(line)
        if m is not None and m.group("name") not in _KEYWORDS:
            return m.group("name"), len(m.group("indent").expandtabs())
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip()) if line.strip() else -1


def _still_open(lines: Sequence[str], start: int, line: int) -> bool:
    """The braces opened from line `start` on are not all closed before line `line` (1-based):
    the definition at `start` still encloses `line` (a `}` in a string can fool it)."""
    depth, opened = 0, False
    for text in lines[start - 1 : line - 1]:
        for ch in text:
            if ch == "{":
                depth, opened = depth + 1, True
            elif ch == "}":
                depth -= 1
                if opened and depth <= 0:
                    return False
    return True


# Lines of a definition's head (its parameters may wrap) in which its body opens.
HEAD_LINES = 3


def _opens_braces(lines: Sequence[str], start: int) -> bool:
    """The definition at line `start` (1-based) opens its body with a `{` (Go, Rust, Java, C#,
    JavaScript, on its line or the next), not with a `:` at the end of its head (Python): a
    Python file's f-strings and dicts hold braces that close no function."""
    for text in lines[start - 1 : start - 1 + HEAD_LINES]:
        if text.rstrip().endswith(":"):
            return False
        if "{" in text:
            return True
    return False


def enclosing(lines: Sequence[str], line: int) -> str | None:
    """The function line `line` (1-based) is in: the nearest definition at or above it, when
    every non-blank line between (and the line itself) is indented deeper than it, or, when its
    body opens with a brace (`_opens_braces`, where indentation is a convention), when the
    braces it opens are still open at that line."""
    if not 1 <= line <= len(lines):
        return None
    for n in range(line, 0, -1):
        found = _definition(lines[n - 1])
        if found is None:
            continue
        name, indent = found
        if n == line:
            return name
        if _opens_braces(lines, n):
            return name if _still_open(lines, n, line) else None
        body = (_indent(text) for text in lines[n:line])
        return name if all(i < 0 or i > indent for i in body) else None
    return None


def defined_at(lines: Sequence[str], start: int, end: int) -> frozenset[str]:
    """The functions lines `start`-`end` are in (lower-cased): the one each line is in."""
    names = {enclosing(lines, n) for n in range(start, min(end, len(lines)) + 1)}
    return frozenset(n.lower() for n in names if n)


def called_at(lines: Sequence[str], start: int, end: int) -> frozenset[str]:
    """The functions called on lines `start`-`end` or `NEAR_CALL_LINES` around them
    (lower-cased), other than keywords and a definition's own name."""
    out: set[str] = set()
    lo, hi = max(1, start - NEAR_CALL_LINES), min(len(lines), end + NEAR_CALL_LINES)
    for n in range(lo, hi + 1):
        text = lines[n - 1]
        own = _definition(text)
        for m in _CALL.finditer(text):
            name = m.group("name")
            if name not in _KEYWORDS and (own is None or name != own[0]):
                out.add(name.lower())
    return frozenset(out)
