"""Label one shell command for the retro's breakdown: `git blame x` → `git blame`, `rg foo` → `rg`.

The label is the first *real* command of the line: leading `VAR=value` assignments, `cd dir &&`,
`set -e;`, wrappers such as `timeout 60` and `bash -lc '…'` are looked through. Never raises: a
command shlex cannot tokenise (unbalanced quotes) falls back to a plain whitespace split.
"""

from __future__ import annotations

import re
import shlex
from functools import lru_cache

_OPERATOR_CHARS = "();<>|&\n"
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_SUBCOMMAND = re.compile(r"[A-Za-z][\w:.+-]*")
_PYTHON = re.compile(r"python[0-9.]*")
_FALLBACK_SEPARATORS = re.compile(r"&&|\|\||[|;&()\n]")
# `bash -lc '<cmd>'` / `bash -lc "<cmd>"` whose quoted part shell would take literally
_SIMPLE_WRAPPED = re.compile(
    r"""(?:/usr)?(?:/bin/)?(?:bash|sh|zsh) -l?c (?:'([^']*)'|"([^"\\$`]*)")""", re.DOTALL
)

# Segments that only set up the shell; the label comes from the command after them.
_TRIVIAL = frozenset(
    {"cd", "pushd", "popd", "export", "set", "unset", "source", ".", "true", ":", "shopt",
     "trap", "umask", "alias", "for", "case", "select", "esac", "done", "fi"}
)  # fmt: skip
# Words that may precede a command without being it.
_KEYWORDS = frozenset({"if", "then", "else", "elif", "while", "until", "do", "!", "{", "}"})
_SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh"})
# Wrappers that run the command given in their arguments; value = options that take a value.
_WRAPPERS: dict[str, frozenset[str]] = {
    "env": frozenset({"-u", "--unset", "-C", "--chdir", "-S", "--split-string"}),
    "time": frozenset({"-f", "--format", "-o", "--output"}),
    "timeout": frozenset({"-s", "--signal", "-k", "--kill-after"}),
    "nice": frozenset({"-n", "--adjustment"}),
    "nohup": frozenset(),
    "command": frozenset(),
    "exec": frozenset({"-a"}),
    "sudo": frozenset({"-u", "--user", "-g", "--group", "-C", "-D", "-h", "-p", "-U"}),
    "stdbuf": frozenset(),
    "ionice": frozenset({"-c", "-n", "-p"}),
}
# Programs whose first argument is a subcommand worth keeping: `go test`, `make build`.
_SUBCOMMAND_TOOLS = frozenset(
    {"go", "cargo", "npm", "npx", "pnpm", "yarn", "bun", "deno", "docker", "podman", "kubectl",
     "gh", "make", "just", "poetry", "uv", "pip", "pip3", "dotnet", "mvn", "gradle", "bazel",
     "helm", "terraform", "rustup", "apt", "apt-get", "brew", "conda", "tox", "nox"}
)  # fmt: skip
_GIT_VALUE_OPTIONS = frozenset(
    {"-C", "-c", "--git-dir", "--work-tree", "--namespace", "--super-prefix", "--config-env",
     "--exec-path", "--list-cmds"}
)  # fmt: skip
_MAX_LABEL = 40
_MAX_DEPTH = 3


@lru_cache(maxsize=4096)  # agents repeat the same commands; shlex is slow
def command_label(cmd: str) -> str:
    """The breakdown label of one shell command string ("" for an empty command)."""
    return _command_label(cmd, 0)


def _command_label(cmd: str, depth: int) -> str:
    cmd = cmd.replace("\\\n", " ")
    try:
        segments = _segments(cmd)
        fallback = False
    except ValueError:  # unbalanced quotes: a plain split still finds the program name
        segments = [_unquote_words(part.split()) for part in _FALLBACK_SEPARATORS.split(cmd)]
        fallback = True
    first: list[str] | None = None
    for words in segments:
        words = _strip_prefix(words)
        if not words:
            continue
        if first is None:
            first = words
        if words[0] in _TRIVIAL or words[0].startswith("#"):
            continue
        return _label(words, depth, fallback)
    return _label(first, depth, fallback) if first else ""


def _segments(cmd: str) -> list[list[str]]:
    """Split on shell operators (`&&`, `|`, `;`, newline...), dropping redirection targets."""
    lex = shlex.shlex(cmd, posix=True, punctuation_chars=_OPERATOR_CHARS)
    lex.whitespace = " \t\r"  # newline separates commands, so it is an operator here
    lex.whitespace_split = True
    lex.commenters = ""  # `#` inside words (URLs, sed scripts) must survive
    segments: list[list[str]] = [[]]
    skip_next = False
    for token in lex:
        if token and all(ch in _OPERATOR_CHARS for ch in token):
            if "<" in token or ">" in token:
                skip_next = True  # the word after a redirection is its target, not an argument
                if segments[-1] and segments[-1][-1].isdigit():
                    segments[-1].pop()  # the `2` of `2>/dev/null` is a descriptor
            elif segments[-1]:
                segments.append([])
            continue
        if skip_next:
            skip_next = False
            continue
        segments[-1].append(token)
    return segments


def _unquote_words(words: list[str]) -> list[str]:
    return [w.strip("'\"") for w in words if w.strip("'\"")]


def _strip_prefix(words: list[str]) -> list[str]:
    """Drop leading assignments, keywords and wrappers such as `env A=1 timeout 5`."""
    i = 0
    while i < len(words):
        word = words[i]
        if _ASSIGNMENT.match(word) or word in _KEYWORDS:
            i += 1
            continue
        name = _basename(word)
        if name in _WRAPPERS and i + 1 < len(words):
            i = _skip_wrapper(words, i + 1, name)
            continue
        break
    return words[i:]


def _skip_wrapper(words: list[str], i: int, name: str) -> int:
    value_options = _WRAPPERS[name]
    while i < len(words):
        word = words[i]
        if word == "--":
            return i + 1
        if word.startswith("-") and len(word) > 1:
            i += 2 if word in value_options else 1
            continue
        if name == "env" and _ASSIGNMENT.match(word):
            i += 1
            continue
        if name == "timeout":
            return i + 1  # the duration
        return i
    return i


def _basename(word: str) -> str:
    return word.rsplit("/", 1)[-1] if "/" in word.rstrip("/") else word


def _label(words: list[str], depth: int, fallback: bool) -> str:
    prog = _basename(words[0])
    args = words[1:]
    if prog in _SHELLS and depth < _MAX_DEPTH:
        script = _shell_script(args, fallback)
        if script is not None:
            inner = _command_label(script, depth + 1)
            if inner:
                return inner
    if prog == "git":
        return _git_label(args)
    if prog == "sed":
        return _sed_label(args)
    if _PYTHON.fullmatch(prog):
        if len(args) >= 2 and args[0] == "-m":
            return _cap(f"{prog} -m {args[1]}")
        return _cap(prog)
    if prog in _SUBCOMMAND_TOOLS:
        for arg in args:
            if arg.startswith("-"):
                continue
            return _cap(f"{prog} {arg}") if _SUBCOMMAND.fullmatch(arg) else _cap(prog)
    return _cap(prog)


def _shell_script(args: list[str], fallback: bool) -> str | None:
    """The script of `bash -lc '<script>'` / `sh -c '<script>'`, or None."""
    for i, arg in enumerate(args):
        if arg.startswith("-") and not arg.startswith("--") and "c" in arg[1:]:
            rest = args[i + 1 :]
            if not rest:
                return None
            # A broken quote split the script into several words; glue them back.
            return " ".join(rest) if fallback else rest[0]
        if not arg.startswith("-"):
            return None  # `bash script.sh`
    return None


def _git_label(args: list[str]) -> str:
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _GIT_VALUE_OPTIONS:
            i += 2
        elif arg.startswith("-"):
            i += 1  # --no-pager, -P, --git-dir=x, -c=...
        else:
            return _cap(f"git {arg}") if _SUBCOMMAND.fullmatch(arg) else "git"
    return "git"


def _sed_label(args: list[str]) -> str:
    quiet = in_place = False
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            break
        if arg in ("--quiet", "--silent"):
            quiet = True
        elif arg.startswith("--in-place"):
            in_place = True
        elif arg in ("--expression", "--file", "--line-length"):
            i += 1
        elif arg.startswith("-") and not arg.startswith("--") and len(arg) > 1:
            for pos, ch in enumerate(arg[1:], start=1):
                if ch == "n":
                    quiet = True
                elif ch == "i":
                    in_place = True
                    break  # the rest is the backup suffix
                elif ch in "efl":
                    if pos == len(arg) - 1:
                        i += 1  # the value is the next word
                    break
    if quiet:
        return "sed -n"
    return "sed -i" if in_place else "sed"


def _cap(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"


def unwrap_shell(cmd: str) -> str:
    """`/bin/bash -lc '<cmd>'` → `<cmd>` (how Codex reports commands); anything else unchanged."""
    match = _SIMPLE_WRAPPED.fullmatch(cmd)
    if match:  # literal quoting: no need for (slow) shlex
        return match.group(1) if match.group(1) is not None else match.group(2)
    try:
        words = shlex.split(cmd)
    except ValueError:
        return cmd
    if len(words) == 3 and _basename(words[0]) in _SHELLS and _is_c_option(words[1]):
        return words[2]
    return cmd


def _is_c_option(word: str) -> bool:
    return word.startswith("-") and not word.startswith("--") and "c" in word[1:]


def unwrap_argv(words: list[str]) -> str:
    """`["bash", "-lc", "<cmd>"]` → `<cmd>`; any other argv → its shell-quoted join."""
    if len(words) == 3 and _basename(words[0]) in _SHELLS and _is_c_option(words[1]):
        return words[2]
    return shlex.join(words)
