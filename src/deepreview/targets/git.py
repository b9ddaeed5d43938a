"""Typed wrappers over `git`, all through `deepreview.proc.run`."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.errors import (
    GitError,
)
from deepreview.untrusted_text import inside_repo

# Git must never page, prompt, or run user-configured helpers that expect a terminal.
_BASE_ENV = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "LC_ALL": "C",
    "GIT_OPTIONAL_LOCKS": "0",
}


# What a git process hands its children (hooks, aliases): where the repository, work tree,
# index and objects are, and its `-c` settings. Honoured only to find the user's repository
# (`find_repo_root`); every later git command, scratch worktree and seat goes without them: a
# `deep-review` run from a pre-commit hook inherits `GIT_INDEX_FILE`, and the seat worktree's
# `reset --hard` then wrote the reviewed tree into the user's index and checkout.
INHERITED_GIT_VARS: Final = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_COMMON_DIR",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_QUARANTINE_PATH",
        "GIT_NAMESPACE",
        "GIT_PREFIX",
        "GIT_CEILING_DIRECTORIES",
        "GIT_DISCOVERY_ACROSS_FILESYSTEM",
        # `git -c core.hooksPath=… <hook>` hands this down; it would win over the settings
        # below when they come through `GIT_CONFIG_COUNT` (a seat's environment).
        "GIT_CONFIG_PARAMETERS",
    }
)
# Settings every git command of ours carries, in the user's checkout, in a scratch worktree and
# in a seat's environment: no hook and no fsmonitor ever runs. A relative `core.hooksPath`
# (husky's `.husky/_`) or `core.fsmonitor` is resolved in the worktree git runs in, which for a
# scratch worktree holds the reviewed change's files: its own hooks ran on the reviewer's machine.
# The user's own hooks do not run either: a review is no commit, checkout or ref update of theirs.
SAFE_CONFIG: Final[Mapping[str, str]] = {
    "core.hooksPath": os.devnull,
    "core.fsmonitor": "false",
    # Verifying a signature runs `gpg.program`; a seat's plain `git log` must not.
    "log.showSignature": "false",
}

# `git diff`'s standard output, whatever the user's config says: our parsers read its `a/`
# and `b/` headers (`diff.noprefix` would name a file `diff --git calc.py calc.py`), and the
# seats' prompt shows three lines around each change, not the user's `diff.context = 0`.
PLAIN_DIFF: Final[Mapping[str, str]] = {
    "diff.noprefix": "false",
    "diff.mnemonicPrefix": "false",
    "diff.srcPrefix": "a/",
    "diff.dstPrefix": "b/",
    "diff.context": "3",
    "diff.interHunkContext": "0",
    "diff.suppressBlankEmpty": "false",
    "diff.relative": "false",
    "diff.orderFile": os.devnull,  # path order (an empty value is no file to git)
}

# What a setting that names a program is set to when the user's config names a file relative
# to where git runs (`tools/fmt.sh`, `python fmt.py`): git runs those in the scratch worktree,
# where that file is the change's (`program_config`). An empty filter is no filter (`required`
# would make that an error); textconv `cat` shows the file as it is; an external diff shows
# git's own diff of the two files.
_NO_EXTERNAL_DIFF: Final = (
    'f() { git --no-pager diff --no-ext-diff --no-index -- "$2" "$5"; [ $? -le 1 ]; }; f'
)
_PROGRAM_KEYS: Final[Mapping[str, str]] = {
    "diff.external": _NO_EXTERNAL_DIFF,
    "gpg.program": "gpg",
    "gpg.openpgp.program": "gpg",
    "gpg.x509.program": "gpgsm",
    "gpg.ssh.program": "ssh-keygen",
    "gpg.ssh.defaultkeycommand": "",
    "core.sshcommand": "ssh",
    "core.askpass": "",
    "core.editor": "false",
    "core.pager": "cat",
}
_DRIVER_KEYS: Final[Mapping[str, Mapping[str, str]]] = {
    "filter": {"smudge": "", "clean": "", "process": "", "required": "false"},
    "diff": {"textconv": "cat", "command": _NO_EXTERNAL_DIFF},
    "merge": {"driver": "false"},
}
# Interpreters run their first argument: `sh fmt.sh` runs a file as `./fmt.sh` would.
_INTERPRETERS: Final = frozenset(
    {"sh", "bash", "dash", "zsh", "ksh", "env", "python", "python3", "node", "perl", "ruby"}
)


def runs_relative_file(command: str) -> bool:
    """Whether a command git runs through the shell may run a file relative to its cwd: a
    word with a `/` that is no absolute path, or an interpreter's argument. Unparseable: yes."""
    try:
        lexer = shlex.shlex(command.removeprefix("!"), posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError:
        return True
    first: str | None = None
    for word in words:
        if word and set(word) <= set("();&|<>"):
            first = None  # a new command of a pipeline or list
            continue
        value = word.partition("=")[2] if word.startswith("-") else word
        if ("/" in value and not value.startswith(("/", "~", "$"))) or "PWD" in value:
            return True  # `$PWD`/`${PWD}` is the worktree too
        if first is None:
            first = word
        elif first.rpartition("/")[2].rstrip("0123456789.") in _INTERPRETERS and (
            value and not value.startswith(("-", "%", "/", "$"))
        ):
            return True
    return False


def program_config(listing: bytes, *, seat: bool = False) -> dict[str, str]:
    """Settings that neutralise every program `listing` (`git config --list -z`) names by a
    relative path, and every config-defined hook (`hook.<name>.command`, git 2.36+ reads
    them: `core.hooksPath` does not cover them). `seat`: for a seat's own git, every diff
    driver and external diff too, wherever its program is: the change's `.gitattributes` pick
    the files a driver runs on (a decrypting textconv, git-crypt's or `sops -d`, decrypted
    for the model whatever blob the change marked), and our own diffs are blind to them."""
    out: dict[str, str] = {}
    for entry in listing.decode("utf-8", errors="replace").split("\0"):
        key, _, value = entry.partition("\n")
        section, _, rest = key.partition(".")
        sub, _, name = rest.rpartition(".")
        relative = runs_relative_file(value)
        if seat and section.lower() == "diff":
            relative = relative or key.lower() == "diff.external" or name in _DRIVER_KEYS["diff"]
        if section == "hook" and name == "command":
            out[key] = "true"
        elif key.lower() in _PROGRAM_KEYS and relative:
            out[key] = _PROGRAM_KEYS[key.lower()]
        elif section == "credential" and name == "helper" and relative:
            out[key] = ""  # an empty helper empties the list: no helper runs
        elif name in _DRIVER_KEYS.get(section, {}) and sub and relative:
            out.update({f"{section}.{sub}.{k}": v for k, v in _DRIVER_KEYS[section].items()})
    return out


# Per folder git runs in: `program_config` of the config git reads there.
_PROGRAMS: dict[Path, dict[str, str]] = {}


def user_programs(cwd: Path, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """`program_config` of the config git reads in `cwd` with `env` (ours, cached: every git
    command of ours runs with it; or a seat's, whose own git reads other files, and whose
    diff drivers are all switched off: `program_config`'s `seat`)."""
    if env is None and (known := _PROGRAMS.get(cwd)) is not None:
        return known
    listed = proc.run(
        ["git", "config", "--list", "-z"],
        cwd=cwd,
        env=without_inherited(env) if env is not None else git_env(),
        timeout=60,
    )
    found = program_config(listed.stdout, seat=env is not None) if listed.ok else {}
    if env is None and listed.ok:
        _PROGRAMS[cwd] = found
    return found


def without_inherited(env: Mapping[str, str]) -> dict[str, str]:
    """`env` minus `INHERITED_GIT_VARS`."""
    return {k: v for k, v in env.items() if k not in INHERITED_GIT_VARS}


def git_env(extra: Mapping[str, str] | None = None, *, discover: bool = False) -> dict[str, str]:
    """The environment of every git command of ours. `discover`: keep `INHERITED_GIT_VARS`
    (finding the user's repository, which `GIT_DIR`/`GIT_WORK_TREE` may name); `extra` may
    set them again (an explicit, scratch `GIT_INDEX_FILE`)."""
    env = dict(os.environ) if discover else without_inherited(os.environ)
    env.update(_BASE_ENV)
    if extra:
        env.update(extra)
    return env


def config_args(config: Mapping[str, str]) -> list[str]:
    return [arg for key, value in config.items() for arg in ("-c", f"{key}={value}")]


def config_env(env: Mapping[str, str], config: Mapping[str, str]) -> dict[str, str]:
    """The variables that add `config` to every git command run in `env` (a seat's).

    `GIT_CONFIG_COUNT` (git 2.31+) entries after those `env` already holds, so ours win; an
    older git ignores them.
    """
    try:
        start = max(int(env.get("GIT_CONFIG_COUNT", "0")), 0)
    except ValueError:
        start = 0  # git refuses a bogus count anyway: ours replaces it
    out: dict[str, str] = {}
    for n, (key, value) in enumerate(config.items(), start=start):
        out[f"GIT_CONFIG_KEY_{n}"] = key
        out[f"GIT_CONFIG_VALUE_{n}"] = value
    out["GIT_CONFIG_COUNT"] = str(start + len(config))
    return out


def decode_path(raw: bytes) -> str:
    """File names may hold any bytes; keep them printable and valid UTF-8."""
    return raw.decode("utf-8", errors="backslashreplace")


class Git:
    def __init__(self, repo: Path) -> None:
        self.repo = repo

    def run(
        self,
        args: Sequence[str],
        *,
        check: bool = True,
        env: Mapping[str, str] | None = None,
        timeout: float = 600,
        cwd: Path | None = None,
        stdin: bytes | None = None,
        config: Mapping[str, str] | None = None,
    ) -> proc.ProcResult:
        """`config`: `-c KEY=VALUE` settings for this one command (over every config file)."""
        where = cwd or self.repo
        # ours last: they win
        mine = {**PLAIN_DIFF, **(config or {})}
        overrides = config_args({**mine, **user_programs(where), **SAFE_CONFIG})
        result = proc.run(
            # quotepath off: diff headers, `--name-only` and such name `naïve.py` as it is,
            # not as `"na\303\257ve.py"` (which the seats would then look for)
            ["git", "-c", "core.quotepath=false", *overrides, *args],
            cwd=where,
            env=git_env(env),
            timeout=timeout,
            stdin=stdin,
        )
        if check and not result.ok:
            detail = result.stderr_text.strip().splitlines()
            reason = detail[-1] if detail else result.describe_failure()
            shown = list(args)
            while shown[:1] == ["-c"]:  # `git -c key=value diff …` is named by its command
                shown = shown[2:]
            raise GitError(f"git {' '.join(shown[:3])} failed: {reason}")
        return result

    def out(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        return self.run(args, env=env).stdout_text.strip()

    def ok(self, *args: str) -> bool:
        return self.run(args, check=False).ok

    def rev(self, ref: str) -> str | None:
        # --end-of-options: a name is a name, never an option (a branch `refs/heads/-dash`,
        # or a range side typed as `--all`)
        argv = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"]
        result = self.run(argv, check=False)
        return result.stdout_text.strip() if result.ok else None

    def is_branch(self, name: str) -> bool:
        """`name` is exactly a local branch. Not `rev("refs/heads/NAME")`: git reads
        `refs/heads/topic~1` (or `^`, `@{1}`) as the branch plus a suffix, a commit."""
        return self.ok("show-ref", "--verify", "--quiet", f"refs/heads/{name}")

    def show_file(self, rev: str, path: str) -> str | None:
        """Text of `path` at `rev`, or None when it is not a file there."""
        return self.show_files(rev, [path]).get(path)

    def show_files(
        self, rev: str, paths: Sequence[str], *, follow_links: bool = False
    ) -> dict[str, str]:
        """Text of each of `paths` that is a file at `rev`, read in one `git cat-file --batch`.

        Paths missing at `rev` (or naming a directory) are left out of the result, and so are
        paths that cannot name a file of the repository (a seat's `../../etc/passwd`, which git
        refuses with an error, or a name with a newline, which the line-based request would
        read as two). A symbolic link is its own text (the path it names), as the diff shows it;
        with `follow_links` (files read for what they say: a config, instructions) it is the
        file it links to in the same tree (`CLAUDE.md -> AGENTS.md`, a config shared from
        `config/`), and one leading out of the tree (or dangling, or in a loop) is left out:
        nothing outside the repository is ever read.
        """
        paths = [p for p in paths if inside_repo(p) is not None]
        if not paths:
            return {}
        request = "".join(f"{rev}:{path}\n" for path in paths).encode()
        follow = ["--follow-symlinks"] if follow_links else []
        out = self.run(["cat-file", "--batch", *follow], stdin=request).stdout
        found: dict[str, str] = {}
        pos = 0
        for path in paths:
            # Each answer is "<sha> <type> <size>\n<content>\n", "<name> missing\n", or for
            # a link it cannot follow in the tree "symlink|dangling|loop|notdir <size>\n<what
            # it names>\n" (git-cat-file(1), --follow-symlinks).
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) == 2 and header[0] in (b"symlink", b"dangling", b"loop", b"notdir"):
                pos += int(header[1]) + 1
                continue
            if len(header) != 3 or header[1] not in (b"blob", b"tree", b"commit", b"tag"):
                continue
            size = int(header[2])
            if header[1] == b"blob":
                found[path] = out[pos : pos + size].decode("utf-8", errors="replace")
            pos += size + 1
        return found

    def common_dir(self) -> Path:
        if (known := _COMMON_DIRS.get(self.repo)) is not None:
            return known
        raw = self.out("rev-parse", "--git-common-dir")
        path = Path(raw)
        return path if path.is_absolute() else (self.repo / path).resolve()


# Each repository's common git folder (where the worktree lock lives), as `find_repo_root`
# learnt it: asked in the same `git rev-parse`, it saves a call before the first seat.
_COMMON_DIRS: dict[Path, Path] = {}


def learn_common_dir(root: Path, common: Path) -> None:
    """`root`'s common git folder, as `repo_root.find_repo_root` learnt it."""
    _COMMON_DIRS[root] = common


def learnt_common_dir(root: Path) -> Path | None:
    return _COMMON_DIRS.get(root)
