"""The repository files a command seat's argv runs, found without running anything.

Trust pins `.deep-review.toml`'s text; the files its argv reaches are the reviewed head's. A
seat whose argv reaches a file the change edits is refused (`command.py`), so this follows
argv as the programs it names would, reading shell text with `shlex` (never a shell):

- a word that is a repository path (`tools/lint.sh`, `--rules=x.yml`, `{worktree}/x`), from the
  repository root or from the folder a `cd` in shell text moved to;
- `sh`/`bash`… `-c TEXT`, a shell script it names and the scripts that one sources or runs
  (`.`/`source`, `sh x.sh`, `./x`), transitively, at most `MAX_FILES` files deep and wide;
- Python: `-m pkg.mod` names pkg/__init__.py, pkg/mod.py, pkg/mod/__main__.py…; and because
  Python puts the script's folder (for `-m` and `-c`, the working folder) first on its import
  path, every Python file under that folder counts: which of them the code imports is not
  worked out (a rule by folder, not by import graph, so a shadowing `json.py` the change adds
  counts too). `-I`/`-P` keep that folder off the path: then only the named files count;
- runners: `make` (its makefile, whose recipes and includes are followed as shell text),
  `npm`/`npx`/`yarn`/`pnpm` and JavaScript tools (package.json and its scripts, node_modules/,
  the JavaScript files in the working folder, where the tools' config files are), `node x.js`
  (JavaScript under x.js's folder), Python runners that import the project (`pytest`, `tox`,
  `nox`, `uv run`, `poetry run`…: the working folder's Python files and project files).

What a program finds on its own is not followed (a script extending `sys.path`, a config
naming another script, a plugin loaded by name): README's "Command seats" says so.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepreview.agents.shell_text import (
    KEYWORDS,
    after_options,
    expansion_tail,
    imports_something,
    shell_words,
)

WORKTREE = "{worktree}"
MAX_FILES = 64  # scripts read per seat: a script sourcing itself, or a chain, stops here
MAX_BYTES = 1 << 20
PY = (".py", ".pyc", ".so", ".pyd")  # what an import can load
JS = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".jsx", ".tsx", ".json")
SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash", "mksh", "busybox"})
WRAPPERS = frozenset({"env", "exec", "command", "nohup", "nice", "time", "timeout", "setsid"})
JS_RUNNERS = frozenset({"npm", "npx", "yarn", "pnpm", "pnpx", "bunx", "corepack"})
JS_TOOLS = frozenset({"eslint", "prettier", "jest", "vitest", "mocha", "tsc", "biome"})
PY_PROJECT_RUNNERS = frozenset({"pytest", "py.test", "tox", "nox"})
PY_ENV_RUNNERS = frozenset({"uv", "poetry", "pdm", "hatch", "pipenv", "rye"})
MAKES = frozenset({"make", "gmake", "bmake"})
_PY_RE = re.compile(r"(python|pypy)[\d.]*")
_SEPARATORS = frozenset("();|&\n")

Reader = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Reach:
    """A repository file argv runs (`tree` None), or a folder where any file ending in one of
    `tree`'s suffixes may run (`()`: any file; `flat`: only the folder's own files)."""

    path: str  # repository-relative; "" is the repository's top folder
    why: str = ""  # how argv gets there, for messages; "" when argv names the file itself
    tree: tuple[str, ...] | None = None
    flat: bool = False

    def covers(self, file: str) -> bool:
        if self.tree is None:
            return file == self.path
        rest = file if not self.path else file.removeprefix(self.path + "/")
        if rest == file and self.path:
            return False
        return (not self.flat or "/" not in rest) and (not self.tree or rest.endswith(self.tree))

    def describe(self) -> str:
        if self.tree is None:
            return self.path
        kind = "Python" if self.tree == PY else "JavaScript" if self.tree == JS else "any"
        where = f"under {self.path}/" if self.path else "of the repository"
        if self.flat:
            where = f"in {self.path}/" if self.path else "in the repository's top folder"
        return f"{kind} files {where} ({self.why})" if kind != "any" else f"files {where}"


def file_reader(root: Path) -> Reader:
    """Reads a regular file inside `root` (at most `MAX_BYTES`); None for anything else, so a
    change's symlink to /dev/zero or outside the repository is never read."""
    top = root.resolve()

    def read(rel: str) -> str | None:
        try:
            path = (top / rel).resolve()
            if not path.is_relative_to(top) or not path.is_file():
                return None
            with path.open("rb") as fh:
                return fh.read(MAX_BYTES).decode("utf-8", errors="replace")
        except (OSError, ValueError):
            return None

    return read


def repo_path(arg: str) -> str | None:
    """The repository-relative path an argv element names, if any: `tools/lint.sh`,
    `./lint.sh`, `{worktree}/tools/lint.sh`, or the value of `--rules=tools/rules.yml`. Never
    an absolute path (the user's own file), an option or another placeholder."""
    text = arg.partition("=")[2] if arg.startswith("-") else arg
    text = text.removeprefix(WORKTREE + "/")
    if not text or text.startswith(("-", "~", "/")) or "{" in text:
        return None
    return _join("", text)


def _join(base: str, rel: str) -> str | None:
    norm = posixpath.normpath(posixpath.join(base, rel.replace(os.sep, "/")))
    return None if norm in (".", "..") or norm.startswith("../") else norm


class _Walk:
    def __init__(self, read: Reader) -> None:
        self.read = read
        self.found: dict[tuple[str, tuple[str, ...] | None, bool], Reach] = {}
        self.scripts: set[str] = set()

    def add(self, reach: Reach) -> None:
        self.found.setdefault((reach.path, reach.tree, reach.flat), reach)

    def paths(self, word: str, dirs: Sequence[str], here: str | None) -> list[str]:
        """The repository paths `word` may name, from each folder in `dirs` (`{worktree}/x`:
        the top folder; `--rules=x.yml`: its value)."""
        if word.startswith("-"):
            word = word.partition("=")[2]
        if word.startswith(WORKTREE + "/"):
            return [p for p in [repo_path(word)] if p]
        if "$" in word or "`" in word:
            tail = expansion_tail(word)
            bases = [*dirs, *([here] if here is not None else [])]
            found = [_join(b, tail) for b in bases] if tail else []
        else:
            found = [_join(b, word) for b in dirs] if repo_path(word) else []
        return list(dict.fromkeys(p for p in found if p))

    def script(self, text: str, dirs: list[str], origin: str, here: str | None, depth: int) -> None:
        """Follow shell `text`; `origin` names it in messages, `here` is its file's folder."""
        stack: list[list[str]] = []
        words: list[str] = []
        written = False  # the word after `>`/`>>` is a file written, not run
        for tok in [*shell_words(text), "\n"]:
            if written and not (tok and set(tok) <= _SEPARATORS):
                written = False
                continue
            if tok and set(tok) <= _SEPARATORS:
                dirs = self.command(words, dirs, origin, here, depth)
                words = []
                for c in tok:
                    if c == "(":
                        stack.append(dirs)
                    elif c == ")" and stack:
                        dirs = stack.pop()
            elif not tok or not set(tok) <= set("<>&"):  # `< file`: a word (`python3 < x.py`)
                words.append(tok)
            else:
                written = ">" in tok

    def command(
        self,
        words: list[str],
        dirs: list[str],
        origin: str,
        here: str | None,
        depth: int,
        *,
        top: bool = False,
    ) -> list[str]:
        """Follow one simple command; returns the folders later commands run in."""
        while words and (re.fullmatch(r"[A-Za-z_]\w*=.*", words[0]) or words[0] in KEYWORDS):
            words = words[1:]
        if not words:
            return dirs
        prog, args = words[0].lstrip("@-+") or words[0], words[1:]
        name = prog.rsplit("/", 1)[-1]
        via = f"through {origin}" if origin else ""
        python = bool(_PY_RE.fullmatch(name)) or ("$" in prog and "python" in prog.lower())
        # An argv element holding a command line (`--cmd "python3 x.py"`) is followed as shell
        # text; inside shell text a quoted word is data (`echo "see calc.py"`), except what a
        # shell's or Python's own -c runs, followed below.
        shell_text = top and name not in SHELLS and not python
        self.mentioned(words, dirs, origin, here, depth, via=via, shell_text=shell_text)
        if name == "cd":
            target = next((a for a in args if not a.startswith("-")), "")
            moved = self.paths(target, dirs, here) if target not in ("", "-") else []
            return moved or dirs
        if name in WRAPPERS:
            rest = after_options(args, value=name == "timeout")
            return self.command(rest, dirs, origin, here, depth, top=top) or dirs
        self.program(name, prog, args, dirs, origin, here, depth, python=python)
        return dirs

    def mentioned(
        self,
        words: list[str],
        dirs: list[str],
        origin: str,
        here: str | None,
        depth: int,
        *,
        via: str,
        shell_text: bool,
    ) -> None:
        """The repository paths a command's words name, and the command lines its argv
        elements hold (`shell_text`)."""
        for n, word in enumerate(words):
            if n and shell_text and any(c.isspace() for c in word):
                self.script(word, dirs, origin, here, depth)
            if n or "/" in word:
                for path in self.paths(word, dirs, here):
                    self.add(Reach(path, via))

    def program(
        self,
        name: str,
        prog: str,
        args: list[str],
        dirs: list[str],
        origin: str,
        here: str | None,
        depth: int,
        *,
        python: bool,
    ) -> None:
        """What the program `name` runs besides its words: the files a shell, Python, a
        JavaScript or Python runner or `make` reads, or the repository executable itself."""
        if name in (".", "source"):
            for path in self.paths(args[0], dirs, here) if args else ():
                self.shell_file(path, dirs, depth)
        elif name in SHELLS:
            self.shell(args, dirs, origin, here, depth)
        elif python:  # `python3.11`, `.venv/bin/python`, make's `$(PYTHON)`
            self.python(args, dirs, here, prog)
        elif name in ("node", "deno", "ts-node", "tsx", "bun"):
            self.node(name, args, dirs, here, depth)
        elif name in JS_RUNNERS or name in JS_TOOLS:
            self.js_runner(dirs, depth, name)
        elif name in MAKES:
            self.make(args, dirs, depth)
        elif name in PY_PROJECT_RUNNERS or (name in PY_ENV_RUNNERS and "run" in args):
            self.py_runner(name, args, dirs, origin, here, depth)
        elif "/" in prog:
            for path in self.paths(prog, dirs, here):
                self.executable(path, dirs, depth)

    def node(
        self, name: str, args: list[str], dirs: list[str], here: str | None, depth: int
    ) -> None:
        script = next((a for a in args if not a.startswith("-")), "")
        for path in self.paths(script, dirs, here) if script else ():
            self.add(Reach(posixpath.dirname(path), f"what {path} may import", JS))
        if name == "bun":
            self.js_runner(dirs, depth, name)

    def py_runner(
        self, name: str, args: list[str], dirs: list[str], origin: str, here: str | None, depth: int
    ) -> None:
        for d in dirs:
            for project in ("pyproject.toml", "setup.cfg"):
                self.add(Reach(_join(d, project) or project, f"the project {name} uses"))
            self.add(Reach(d, f"what {name} may import", PY))
        if "run" in args:
            rest = after_options(args[args.index("run") + 1 :])
            self.command(rest, dirs, origin, here, depth)

    def shell(
        self, args: list[str], dirs: list[str], origin: str, here: str | None, depth: int
    ) -> None:
        it = iter(args)
        for arg in it:
            if arg == "-c" or (arg.startswith("-") and arg.endswith("c") and "-" not in arg[1:]):
                text = next(it, "")
                return self.script(text, dirs, origin, here, depth)
            if arg in ("-o", "+o"):
                next(it, None)
            elif not arg.startswith(("-", "+")):
                for path in self.paths(arg, dirs, here):
                    self.shell_file(path, dirs, depth)
                return None
        return None

    def python(self, args: list[str], dirs: list[str], here: str | None, prog: str) -> None:
        isolated, module, code, script = False, "", None, ""
        it = iter(args)
        for arg in it:
            if not arg.startswith("-") or arg in ("-", "--"):
                script = next(it, "") if arg == "--" else "" if arg == "-" else arg
                break
            flags = arg[1:]
            for i, c in enumerate(flags):
                if c in "IP":
                    isolated = True
                elif c in "mcWX":  # these take a value: the rest of the word, or the next one
                    value = flags[i + 1 :] or next(it, "")
                    if c == "m":
                        module = value
                    elif c == "c":
                        code = value
                    break
            if module or code is not None:
                break
        if module:
            parts = module.split(".")
            for d in dirs:
                names = ["/".join(parts[:i]) + "/__init__.py" for i in range(1, len(parts) + 1)]
                names += [module.replace(".", "/") + s for s in (".py", "/__main__.py")]
                for name in names:
                    self.add(Reach(_join(d, name) or name, f"module {module}"))
        if isolated:
            return
        why = f"on the import path of {prog.rsplit('/', 1)[-1]}"
        if module or (code is not None and imports_something(code)):
            for d in dirs:
                self.add(Reach(d, f"{why} -m {module}" if module else f"{why} -c", PY))
        for path in self.paths(script, dirs, here) if script else ():
            self.add(Reach(posixpath.dirname(path), f"on the import path of {path}", PY))

    def js_runner(self, dirs: list[str], depth: int, name: str) -> None:
        for d in dirs:
            package = _join(d, "package.json") or "package.json"
            self.add(Reach(package, f"which {name} reads"))
            self.add(Reach(_join(d, "node_modules") or "node_modules", name, ()))
            self.add(Reach(d, f"config files {name} may load", JS, flat=True))
            if package in self.scripts or len(self.scripts) >= MAX_FILES:
                continue  # scripts running `npm run` again must not read it again, and again
            self.scripts.add(package)
            try:
                scripts = json.loads(self.read(package) or "{}").get("scripts") or {}
            except (ValueError, AttributeError):
                continue
            for text in scripts.values() if isinstance(scripts, dict) else ():
                if isinstance(text, str) and depth < MAX_FILES:
                    self.script(text, [d], package, d, depth + 1)

    def make(self, args: list[str], dirs: list[str], depth: int) -> None:
        named, it = [], iter(args)
        for arg in it:
            option, _, value = arg.partition("=")
            if option in ("-C", "--directory", "-f", "--file", "--makefile"):
                value = value or next(it, "")
            elif arg.startswith(("-C", "-f")) and not arg.startswith("--"):
                option, value = arg[:2], arg[2:]
            else:
                continue
            if option in ("-C", "--directory"):
                dirs = self.paths(value, dirs, None) or dirs
            else:
                named.append(value)
        for d in dirs:
            files = named or ["GNUmakefile", "makefile", "Makefile"]
            for name in files:
                path = _join(d, name)
                if path:
                    self.add(Reach(path, "" if named else "which make reads"))
                    text = self.read(path)
                    if (
                        text is not None
                        and path not in self.scripts
                        and len(self.scripts) < MAX_FILES
                    ):
                        self.scripts.add(path)
                        self.script(text, [d], path, d, depth + 1)

    def shell_file(self, path: str, dirs: list[str], depth: int) -> None:
        if path in self.scripts or len(self.scripts) >= MAX_FILES or depth >= MAX_FILES:
            return
        self.scripts.add(path)
        text = self.read(path)
        if text is not None:
            self.script(text, dirs, path, posixpath.dirname(path), depth + 1)

    def executable(self, path: str, dirs: list[str], depth: int) -> None:
        """A repository file run as a program: its `#!` line (or name) says what runs it."""
        text = self.read(path)
        first = text.partition("\n")[0] if text and text.startswith("#!") else ""
        if "python" in first or (not first and path.endswith(".py")):
            if not re.search(r"\s-\w*[IP]", first):
                self.add(Reach(posixpath.dirname(path), f"on the import path of {path}", PY))
        elif "node" in first or (not first and path.endswith(JS)):
            self.add(Reach(posixpath.dirname(path), f"what {path} may import", JS))
        else:
            self.shell_file(path, dirs, depth)


def reached(argv: Sequence[str], read: Reader) -> tuple[Reach, ...]:
    """What `argv` runs from the repository whose files `read` reads. A bare argv[0] (`sh`) is
    found on PATH, never in the repository: a change adding a file `sh` must not stop a seat."""
    walk = _Walk(read)
    # argv[0] as a repository path (`./tools/lint.sh`) is resolved against the user's checkout,
    # but the same file in the seat's worktree is what the change may edit: `command` follows it
    walk.command(list(argv), [""], "", None, 0, top=True)
    return tuple(walk.found.values())


def edited(reach: Sequence[Reach], changed: Sequence[str]) -> tuple[str, ...]:
    """The changed files `reach` covers, each with how argv gets to it when not directly."""
    out = []
    for file in changed:
        hit = next((r for r in reach if r.covers(file)), None)
        if hit is not None:
            out.append(f"{file} ({hit.why})" if hit.why else file)
    return tuple(out)
