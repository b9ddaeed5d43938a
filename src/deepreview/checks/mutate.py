"""Mutations of the changed lines, by token rewriting (Python and Go), and their sampling.

Only code tokens are rewritten: strings and comments are recognised by a tokenizer (Python's
own `tokenize`; a small lexer for Go), so `"a < b"` in a message is never touched. Each
mutation changes one line; the classic operators: flip a comparison, swap `and`/`or`, swap
`+`/`-`, off-by-one integer constants, negate an `if`/`while` condition, and delete a statement
or return early.
"""

from __future__ import annotations

import io
import random
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final

_FLIP: Final = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
_ARITH: Final = {"+": "-", "-": "+", "+=": "-=", "-=": "+="}
_PY_LOGIC: Final = {"and": "or", "or": "and"}
_GO_LOGIC: Final = {"&&": "||", "||": "&&"}
_PY_NO_DELETE: Final = frozenset(
    (
        "def",
        "class",
        "if",
        "elif",
        "else",
        "for",
        "while",
        "try",
        "except",
        "finally",
        "with",
        "return",
        "yield",
        "raise",
        "pass",
        "break",
        "continue",
        "import",
        "from",
        "global",
        "nonlocal",
        "assert",
        "async",
        "await",
        "lambda",
        "match",
        "case",
        "del",
    )
)
_GO_NO_DELETE: Final = frozenset(
    (
        "func",
        "if",
        "else",
        "for",
        "switch",
        "case",
        "default",
        "return",
        "go",
        "defer",
        "select",
        "type",
        "var",
        "const",
        "package",
        "import",
        "break",
        "continue",
        "goto",
        "fallthrough",
        "struct",
        "interface",
        "map",
        "chan",
        "range",
    )
)
_HUNK: Final = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True)
class Token:
    kind: str  # "op" | "name" | "number" | "other"
    text: str
    line: int  # 1-based
    col: int  # 0-based, in characters


@dataclass(frozen=True)
class Mutation:
    path: str
    line: int
    operator: str
    original: str  # the whole line
    mutated: str


def language(path: str) -> str | None:
    """`python` / `go` for source files we mutate; None for tests and everything else."""
    p = PurePosixPath(path)
    if p.suffix == ".py":
        if p.name.startswith("test_") or p.name.endswith("_test.py") or p.name == "conftest.py":
            return None
        if "tests" in p.parts[:-1]:
            return None
        return "python"
    if p.suffix == ".go" and not p.name.endswith("_test.go"):
        return "go"
    return None


def added_lines(diff: str) -> dict[str, list[int]]:
    """Line numbers (new side) of the lines a unified diff adds, per file."""
    out: dict[str, list[int]] = {}
    path: str | None = None
    line_no = 0
    in_hunk = False
    for line in diff.splitlines():
        if line.startswith("diff --git "):
            path, in_hunk = None, False
            continue
        if not in_hunk and line.startswith("+++ "):
            target = line[4:].split("\t")[0]
            path = target[2:] if target.startswith("b/") else None
            continue
        m = _HUNK.match(line)
        if m:
            line_no, in_hunk = int(m.group(1)), True
            continue
        if not in_hunk or path is None:
            continue
        if line.startswith("+"):
            out.setdefault(path, []).append(line_no)
            line_no += 1
        elif line.startswith(" "):
            line_no += 1
        elif line.startswith("\\"):
            continue
        elif not line.startswith("-"):
            in_hunk = False
    return out


def python_tokens(source: str) -> list[Token]:
    out: list[Token] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.OP:
                kind = "op"
            elif tok.type == tokenize.NAME:
                kind = "name"
            elif tok.type == tokenize.NUMBER:
                kind = "number"
            elif tok.type in (tokenize.STRING, tokenize.COMMENT):
                kind = "other"
            else:
                continue
            if tok.start[0] == tok.end[0]:
                out.append(Token(kind, tok.string, tok.start[0], tok.start[1]))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass  # what we read so far is still good tokens
    return out


_GO_TOKEN: Final = re.compile(
    r"""(?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<string>"(?:\\.|[^"\\\n])*"|`[^`]*`|'(?:\\.|[^'\\\n])*')
      | (?P<number>0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?)
      | (?P<name>[A-Za-z_]\w*)
      | (?P<op>&&|\|\||<<=|>>=|&\^=|<-|\+\+|--|[-+*/%&|^<>=!:]=|<<|>>|&\^|\.\.\.
              |[-+*/%&|^<>=!:;,.(){}\[\]~])
      | (?P<space>\s+)
      | (?P<bad>.)""",
    re.S | re.X,
)


def go_tokens(source: str) -> list[Token]:
    out: list[Token] = []
    line, line_start = 1, 0
    for m in _GO_TOKEN.finditer(source):
        kind = m.lastgroup or "bad"
        text = m.group()
        if kind in ("name", "number", "op") or (kind in ("comment", "string") and "\n" not in text):
            out.append(
                Token(
                    "other" if kind in ("comment", "string", "bad") else kind,
                    text,
                    line,
                    m.start() - line_start,
                )
            )
        newlines = text.count("\n")
        if newlines:
            line += newlines
            line_start = m.start() + text.rfind("\n") + 1
    return out


def _replace(text: str, tok: Token, new: str) -> str:
    return text[: tok.col] + new + text[tok.col + len(tok.text) :]


def _binary(prev: Token | None) -> bool:
    """A `+`/`-` after an operand is binary (`a - 1`), after an operator it is a sign."""
    if prev is None:
        return False
    return (
        prev.kind in ("name", "number")
        or prev.text in (")", "]", "}")
        or (prev.kind == "other" and not prev.text.startswith(("#", "//", "/*")))
    )


def _balanced(tokens: list[Token]) -> bool:
    depth = 0
    for t in tokens:
        if t.text in ("(", "[", "{"):
            depth += 1
        elif t.text in (")", "]", "}"):
            depth -= 1
    return depth == 0


def _code(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not (t.kind == "other" and t.text.startswith(("#", "//", "/*")))]


def _token_mutations(text: str, toks: list[Token], lang: str) -> Iterable[tuple[str, str]]:
    logic = _PY_LOGIC if lang == "python" else _GO_LOGIC
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        if tok.kind == "op" and tok.text in _FLIP:
            yield "flip comparison", _replace(text, tok, _FLIP[tok.text])
        elif tok.text in logic and (tok.kind == "op" or lang == "python"):
            yield "swap and/or", _replace(text, tok, logic[tok.text])
        elif tok.kind == "op" and tok.text in _ARITH and (tok.text[-1] == "=" or _binary(prev)):
            yield "swap +/-", _replace(text, tok, _ARITH[tok.text])
        elif tok.kind == "number" and re.fullmatch(r"\d+", tok.text):
            n = int(tok.text)
            yield "off by one", _replace(text, tok, str(n + 1))
            if n > 0:
                yield "off by one", _replace(text, tok, str(n - 1))


def _negate(text: str, toks: list[Token], lang: str) -> str | None:
    code = _code(toks)
    if len(code) < 3 or code[0].text not in ("if", "elif", "while") or not _balanced(code[:-1]):
        return None
    if lang == "python" and code[-1].text == ":":
        start, end = code[1].col, code[-1].col
        cond = text[start:end].rstrip()
        return f"{text[:start]}not ({cond}){text[start + len(text[start:end].rstrip()) :]}"
    if lang == "go" and code[-1].text == "{" and not any(t.text == ";" for t in code):
        start, end = code[1].col, code[-1].col
        cond = text[start:end].rstrip()
        return f"{text[:start]}!({cond}){text[start + len(text[start:end].rstrip()) :]}"
    return None


def _delete(text: str, toks: list[Token], lang: str) -> tuple[str, str] | None:
    """("return early" | "delete statement", new line) for a one-line simple statement."""
    code = _code(toks)
    if not code or not _balanced(code):
        return None
    indent = text[: len(text) - len(text.lstrip())]
    first = code[0]
    if all(t.kind == "other" for t in code):
        return None  # a docstring or a bare string: deleting it changes nothing
    if lang == "python":
        if first.text == "return" and len(code) > 1:
            return "return early", f"{indent}return None"
        if first.text in _PY_NO_DELETE or code[-1].text in (":", "\\", ",", "(", "[", "{"):
            return None
        if first.kind == "op" and first.text != "(":
            return None  # a continuation line
        return "delete statement", f"{indent}pass"
    if first.text in _GO_NO_DELETE or first.kind != "name" or code[-1].text in ("{", ",", "("):
        return None
    ops = {t.text for t in code if t.kind == "op"}
    if ":=" in ops:  # deleting a declaration would only break the build
        return None
    if ops & {"=", "+=", "-=", "*=", "/=", "++", "--"} or code[-1].text == ")":
        return "delete statement", f"{indent}// statement deleted"
    return None


def line_mutations(path: str, source: str, lines: Iterable[int]) -> list[Mutation]:
    """Every mutation of the given (1-based) lines of `source`."""
    lang = language(path)
    if lang is None:
        return []
    tokens = python_tokens(source) if lang == "python" else go_tokens(source)
    by_line: dict[int, list[Token]] = {}
    for tok in tokens:
        by_line.setdefault(tok.line, []).append(tok)
    text_lines = source.splitlines()
    out: list[Mutation] = []
    for no in sorted(set(lines)):
        if not 1 <= no <= len(text_lines):
            continue
        text, toks = text_lines[no - 1], by_line.get(no, [])
        if not _code(toks):
            continue
        found = list(_token_mutations(text, toks, lang))
        negated = _negate(text, toks, lang)
        if negated is not None:
            found.append(("negate condition", negated))
        deleted = _delete(text, toks, lang)
        if deleted is not None:
            found.append(deleted)
        seen = set()
        for operator, mutated in found:
            if mutated != text and mutated not in seen:
                seen.add(mutated)
                out.append(Mutation(path, no, operator, text, mutated))
    return out


def sample(mutations: list[Mutation], limit: int, seed: int = 0) -> list[Mutation]:
    """Up to `limit` mutations spread over the lines: one per line in turn, fixed seed."""
    rng = random.Random(seed)
    groups: dict[tuple[str, int], list[Mutation]] = {}
    for m in mutations:
        groups.setdefault((m.path, m.line), []).append(m)
    keys = list(groups)
    rng.shuffle(keys)
    for key in keys:
        rng.shuffle(groups[key])
    chosen: list[Mutation] = []
    while len(chosen) < limit and any(groups[k] for k in keys):
        for key in keys:
            if groups[key] and len(chosen) < limit:
                chosen.append(groups[key].pop())
    order = {id(m): i for i, m in enumerate(mutations)}
    return sorted(chosen, key=lambda m: order[id(m)])


def apply_mutation(source: str, m: Mutation) -> str:
    lines = source.split("\n")
    lines[m.line - 1] = m.mutated
    return "\n".join(lines)
