"""The read-only seat's guard: which shell commands and file paths a seat may use.

Prefix allow-lists (`Bash(git log:*)`) cannot say "git log, but not `--output=F`", and
`sed -n 'w F'`, `rg --pre PROG` and `git grep -O<cmd>` write files or run programs through
options of harmless-looking tools. `check` is the one decision: a command passes only when it
is a single program from a small list, with no shell syntax that could run or redirect
anything, no option that writes or executes, and no path outside the allowed roots (the
worktree; symlinks are resolved, so a link in the reviewed change cannot point outside).

`check_tool` applies the same to a Claude Code tool call (Bash, and the paths of Read, Grep,
Glob, LS; Gemini CLI's tools by their names), and `main` is the hook: it reads the tool call
as JSON on stdin (`tool_name`, `tool_input`) and exits 2 with the reason on stderr to refuse
it (Claude Code's PreToolUse, Gemini CLI's BeforeTool). Standard library only, and no imports
from this package: the hook runs as `python -I <this file>`, in the seat's environment.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from collections.abc import Mapping, Sequence

PROGRAMS = frozenset({"git", "rg", "grep", "cat", "head", "tail", "wc", "nl", "ls", "sed"})
GIT_SUBCOMMANDS = frozenset({"log", "show", "diff", "blame", "status"})
# Long options that write a file, run a program or read outside the repository. An
# abbreviation is refused too (git accepts unambiguous prefixes: `--outp=F`).
_GIT_LONG = (
    "output", "ext-diff", "textconv", "exec-path", "open-files-in-pager", "no-index",
    "show-signature",  # runs gpg on the reviewed commits' signatures
)  # fmt: skip
_GIT_LONG_OK = frozenset({"text", "no-textconv", "no-ext-diff"})
_RG_LONG = ("pre", "pre-glob", "search-zip", "hostname-bin", "follow")
_GREP_LONG = ("dereference-recursive",)
_TAIL_LONG = ("follow", "retry")
_LS_LONG = ("dereference", "dereference-command-line", "dereference-command-line-symlink-to-dir")
_WC_LONG = ("files0-from",)  # reads the names of the files to count from a file
# Short flags that follow symlinks (out of the worktree) or never end.
_SHORT_REFUSED = {"rg": "Lz", "grep": "R", "tail": "fF", "ls": "LH"}
# `tail +1f FILE`: the obsolete form of `-f` (follows forever).
_TAIL_PLUS_FOLLOW = re.compile(r"^\+\d*[bcl]?f")
# `sed -n` with one pure print script: `10,20p`, `5p`, `$p`, `1,$p`.
_SED_PRINT = re.compile(r"^(?:\d+|\$)(?:,(?:\d+|\$))?p$")
# Outside quotes these make the shell run, redirect, expand or glob something.
_UNQUOTED_REFUSED = set(";&|<>()$`\\\n*?[]{}")
_IN_DOUBLE_REFUSED = set("$`\\")

SHELL_TOOLS = frozenset({"Bash", "run_shell_command"})  # Claude Code's, Gemini CLI's
REFUSAL = "Refused by deep-review (read-only review)"
# Path arguments of the file tools: Claude Code's, then Gemini CLI's (which also confines them
# to its workspace; checked here all the same, symlinks included).
PATH_TOOLS: Mapping[str, tuple[str, ...]] = {
    "Read": ("file_path",),
    "NotebookRead": ("notebook_path",),
    "Grep": ("path",),
    "Glob": ("path", "pattern"),
    "LS": ("path",),
    "read_file": ("file_path", "absolute_path", "path"),
    "read_many_files": ("paths", "include"),
    "list_directory": ("dir_path", "path"),
    "glob": ("dir_path", "path", "pattern"),
    "grep_search": ("dir_path", "path"),
    "search_file_content": ("dir_path", "path"),
}


def check(command: str, roots: Sequence[str]) -> str | None:
    """Why `command` is refused for a read-only seat whose cwd is `roots[0]`; None: allowed."""
    reason = _shell_syntax(command)
    if reason is not None:
        return reason
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        return f"cannot parse the command ({exc})"
    if not argv:
        return "empty command"
    program, args = argv[0], argv[1:]
    if program not in PROGRAMS:
        return f"`{program}` is not one of the read-only commands ({', '.join(sorted(PROGRAMS))})"
    reason = _program_options(program, args)
    if reason is not None:
        return reason
    for arg in args:
        reason = _arg_path(arg, roots)
        if reason is not None:
            return reason
    return None


def check_path(path: str, roots: Sequence[str]) -> str | None:
    """Why a file tool may not touch `path`; None when it lies inside one of `roots`."""
    if not path:
        return None
    if path.startswith("~"):
        return f"{path} is outside the worktree"
    full = path if os.path.isabs(path) else os.path.join(roots[0], path)
    try:
        real = os.path.realpath(full)
        os.fsencode(real)
    except (OSError, ValueError, RecursionError):
        # a link chain too deep to follow, a name no file system can hold: never "inside"
        return f"{path} cannot be resolved"
    for root in roots:
        base = os.path.realpath(root)
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return None
    return f"{path} is outside the worktree"


def check_tool(tool: str, tool_input: Mapping[str, object], roots: Sequence[str]) -> str | None:
    """Why a tool call (Claude Code's or Gemini CLI's names) is refused; None leaves it to the
    CLI's own permission rules."""
    if tool in SHELL_TOOLS:
        command = tool_input.get("command")
        if not isinstance(command, str):
            return "no command given"
        # Gemini CLI runs the command in `dir_path`: its relative paths start there.
        where = tool_input.get("dir_path") or tool_input.get("directory")
        if isinstance(where, str) and where not in ("", "."):
            reason = check_path(where, roots)
            if reason is not None:
                return reason
            cwd = os.path.realpath(os.path.join(roots[0], where))
            return check(command, [cwd, *roots])
        return check(command, roots)
    for key in PATH_TOOLS.get(tool, ()):
        value = tool_input.get(key)
        values = value if isinstance(value, list) else [value]
        for item in values:
            if not isinstance(item, str):
                continue
            reason = check_path(item, roots)
            if reason is not None:
                return reason
    return None


def _shell_syntax(command: str) -> str | None:
    quote = ""
    for ch in command:
        if quote == "'":
            quote = "" if ch == "'" else quote
        elif quote == '"':
            if ch == '"':
                quote = ""
            elif ch in _IN_DOUBLE_REFUSED:
                return f"`{ch}` inside double quotes is not allowed (use single quotes)"
        elif ch in "'\"":
            quote = ch
        elif ch in _UNQUOTED_REFUSED:
            shown = "newline" if ch == "\n" else f"`{ch}`"
            return (
                f"shell syntax {shown} is not allowed: run one plain command "
                "(no pipes, redirections, substitutions, globs or command lists)"
            )
    return None


def _program_options(program: str, args: list[str]) -> str | None:
    if program == "git":
        if not args or args[0] not in GIT_SUBCOMMANDS:
            sub = args[0] if args else ""
            return f"`git {sub}` is not allowed: only git {', '.join(sorted(GIT_SUBCOMMANDS))}"
        return _long_refused(f"git {args[0]}", args[1:], _GIT_LONG, _GIT_LONG_OK)
    if program == "sed":
        if len(args) < 2 or args[0] != "-n" or not _SED_PRINT.match(args[1]):
            return "only `sed -n 'A,Bp' FILE...` (a line-range print) is allowed"
        if any(a.startswith("-") for a in args[2:]):
            return "only `sed -n 'A,Bp' FILE...` (a line-range print) is allowed"
        return None
    if program == "tail" and any(_TAIL_PLUS_FOLLOW.match(a) for a in args):
        return "`tail +Nf` follows the file forever: not allowed"
    longs = {
        "rg": _RG_LONG, "grep": _GREP_LONG, "tail": _TAIL_LONG, "ls": _LS_LONG, "wc": _WC_LONG,
    }.get(program, ())  # fmt: skip
    reason = _long_refused(program, args, longs, frozenset({"pretty"}))
    if reason is not None:
        return reason
    refused = _SHORT_REFUSED.get(program, "")
    for arg in _options(args):
        if not arg.startswith("--") and any(flag in refused for flag in arg[1:]):
            return f"`{program} {arg}` is not allowed in a read-only review"
    return None


def _options(args: list[str]) -> list[str]:
    out = []
    for arg in args:
        if arg == "--":
            break
        if arg.startswith("-") and arg != "-":
            out.append(arg)
    return out


def _long_refused(
    program: str, args: list[str], refused: Sequence[str], fine: frozenset[str]
) -> str | None:
    for arg in _options(args):
        if not arg.startswith("--"):
            continue
        name = arg[2:].split("=", 1)[0]
        if name in fine or not name:
            continue
        if any(bad.startswith(name) for bad in refused):
            return f"`{program} --{name}` writes a file or runs a program: not allowed"
    return None


def _arg_path(arg: str, roots: Sequence[str]) -> str | None:
    """Refuse an argument (or an option's value) that names a path outside the roots."""
    value = arg
    if arg.startswith("-"):
        if "=" in arg:
            value = arg.split("=", 1)[1]
        elif "/" in arg:
            value = arg[arg.index("/") :]  # `-f/etc/passwd`: a short option's attached value
        elif not arg.startswith("--") and len(arg) > 2:
            value = arg[2:]  # `-fLINK`: checked below if such a file exists
        else:
            return None
    if value.startswith(("/", "~")) or ".." in value:
        return check_path(value, roots)
    # A relative name that exists may be a symlink (from the reviewed change) to outside.
    if os.path.lexists(os.path.join(roots[0], value)):
        return check_path(value, roots)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Claude Code PreToolUse hook: `python -I shell_guard.py --root DIR [--root DIR...]`.

    Fails closed: both CLIs treat any exit but 2 as a hook that merely did not work, and run
    the tool unchecked, so an error in the guard refuses the call."""
    try:
        return _hook(argv)
    except Exception as exc:  # noqa: BLE001 — any error must refuse, never let the call through
        sys.stderr.write(f"{REFUSAL}: the guard could not check this call ({type(exc).__name__})\n")
        return 2


def _hook(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    roots = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--root"]
    try:
        event = json.loads(sys.stdin.read() or "{}")
    except ValueError:
        sys.stderr.write("deep-review guard: unreadable hook input\n")
        return 2
    if not isinstance(event, dict):
        return 2
    if not roots:
        cwd = event.get("cwd")
        roots = [cwd] if isinstance(cwd, str) else []
    if not roots:
        sys.stderr.write("deep-review guard: no worktree to confine the seat to\n")
        return 2
    tool = event.get("tool_name")
    tool_input = event.get("tool_input")
    if not isinstance(tool, str) or not isinstance(tool_input, dict):
        return 0
    reason = check_tool(tool, tool_input, roots)
    if reason is None:
        return 0
    # The CLI hands stderr of a blocking hook (exit 2) to the model as the refusal.
    sys.stderr.write(f"{REFUSAL}: {reason}\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
