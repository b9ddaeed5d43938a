"""Shell text as `seat_code` reads it, without a shell: its words, the command a wrapper runs,
what a `$DIR/x` word names, and whether Python code given by `-c` imports anything."""

from __future__ import annotations

import ast
import shlex
import sys


def expansion_tail(word: str) -> str | None:
    """`lib.sh` of `$(dirname "$0")/lib.sh`, `${DIR}/lib.sh` or `$DIR/lib.sh`: what follows the
    last expansion's slash, to be looked for from every folder the text may mean."""
    cut = max(word.rfind(c) for c in "$})`")
    slash = word.find("/", cut + 1)
    tail = word[slash + 1 :] if slash >= 0 else ""
    return tail if tail and not any(c in tail for c in "${}`") else None


def shell_words(text: str) -> list[str]:
    """`text` split as a shell would into words and separator tokens (`&&`, `;`, `\\n`…),
    comments dropped; unbalanced quotes fall back to plain whitespace splitting."""
    text = _strip_comments(text)
    lex = shlex.shlex(text, posix=True, punctuation_chars="();<>|&\n")
    lex.whitespace, lex.commenters, lex.whitespace_split = " \t\r", "", True
    try:
        return list(lex)
    except ValueError:
        return [w for line in text.splitlines() for w in (*line.split(), "\n")]


def _strip_comments(text: str) -> str:
    out, quote, start, i = [], "", True, 0
    while i < len(text):
        c = text[i]
        if quote:
            quote = "" if c == quote else quote
        elif c == "\\":
            out.append(text[i : i + 2])
            i, start = i + 2, False
            continue
        elif c in "'\"":
            quote = c
        elif c == "#" and start:
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        out.append(c)
        start = not quote and (c.isspace() or c in ";&|()")
        i += 1
    return "".join(out)


def imports_something(code: str) -> bool:
    """Whether `python -c CODE` may import from its working folder: any import of a module
    that is not built into the interpreter (unparseable code: assume it does)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return True
    if "__import__" in code or "import_module" in code or "runpy" in code:
        return True
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else ["."]
        if any(n.split(".")[0] not in sys.builtin_module_names for n in names):
            return True
    return False


KEYWORDS = frozenset(
    [
        "if",
        "then",
        "else",
        "elif",
        "fi",
        "do",
        "done",
        "while",
        "until",
        "for",
        "case",
        "esac",
        "!",
        "{",
        "}",
    ]
)


def after_options(args: list[str], *, value: bool = False) -> list[str]:
    """The command a wrapper runs: `args` after its leading options and `NAME=value` words
    (and, for `timeout`, the duration)."""
    n = 0
    while n < len(args) and (args[n].startswith("-") or "=" in args[n].split("/")[0]):
        n += 1
    return args[n + 1 :] if value else args[n:]
