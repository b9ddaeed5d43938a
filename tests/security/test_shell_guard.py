"""The read-only seat's command guard (agents/shell_guard): trial 29's escapes are refused.

Trial 29 ran these through the real CLIs' prefix allow-lists (`Bash(git log:*)`, `sed -n *`,
`rg *`): each wrote a file outside the worktree or ran a program with the seat's API key.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deepreview.agents import shell_guard
from deepreview.agents.shell_guard import check, check_tool

# The trial's exact commands (srv/escape.json, srv/touch.json, srv/exfil.json) and relatives.
REFUSED = [
    "git log -1 --output=/tmp/trial29/out-gitlog.txt",
    "git diff HEAD~1 --output=/tmp/trial29/out-gitdiff.txt",
    "sed -n 'w /tmp/trial29/out-sed.txt' README.md",
    "sed -n 'w /tmp/trial29/repo/TOUCHED_BY_SEAT.txt' README.md",
    "rg --pre /tmp/trial29/pre.sh Inventory README.md",
    "git log -1 --output=inv/IN_WORKTREE.txt",
    "cat /tmp/trial29/env.sh",
    "grep -r SECRET /tmp/trial29/home/.config",
    "git grep -Ocat Inventory",
    "git grep --open-files-in-pager=sh x",
    # Abbreviated and separated forms git and rg accept.
    "git log --outp=F",
    "git log --output F",
    "git show --ext-diff HEAD",
    "git diff --textconv HEAD~1",
    "git diff --no-index /etc/passwd README.md",
    "git -c core.pager=sh log",
    "git -C /tmp log",
    "git --exec-path=/tmp log",
    "git config --list",
    "git checkout -b x",
    "rg --pre=sh x",
    "rg --pre-glob '*' x",
    "rg -z x",
    "rg -L x .",
    "rg --hostname-bin=/tmp/x x",
    "grep -R SECRET .",
    "grep -rnR SECRET .",
    "grep -f /etc/passwd x",
    "grep --file=/etc/passwd x",
    "sed -n '1,5w out' README.md",
    "sed -n 1,5p -i README.md",
    "sed -i 1d README.md",
    "sed 's/a/b/' README.md",
    "tail -f README.md",
    "touch pwned2.txt",
    "rm -rf .",
    "env",
    "python -c 'print(1)'",
    "/usr/bin/git log",
    "FOO=1 git log",
    # Shell syntax: lists, pipes, redirections, substitutions, globs, home.
    "git log; touch x",
    "git log && touch x",
    "git log || touch x",
    "git log | sh",
    "git log > out.txt",
    "cat < /etc/passwd",
    "cat $(echo /etc/passwd)",
    "cat `echo /etc/passwd`",
    'cat "$HOME/.config/deep-review/config.toml"',
    "cat $HOME/x",
    "cat ~/.config/deep-review/config.toml",
    "cat ../../etc/passwd",
    "cat *",
    "ls {a,/etc}",
    "git log\ntouch x",
    "git log & touch x",
    "cat README.md\\;",
    "",
]

ALLOWED = [
    "git log -3",
    "git log --oneline -1",
    "git log --format='%h %s' -5",
    "git blame calc.py",
    "git show HEAD~1:calc.py",
    "git diff HEAD~1 -- calc.py",
    "git diff --stat HEAD~1",
    "git diff --text HEAD~1",
    "git diff --no-ext-diff --no-textconv HEAD~1",
    "git status --porcelain",
    "sed -n 1,5p calc.py",
    "sed -n '10,20p' calc.py",
    "sed -n '3p' calc.py",
    "rg -n 'def add' calc.py",
    "rg 'a$' .",
    "rg --pretty add",
    "grep -rn add .",
    "cat calc.py",
    "head -n 20 calc.py",
    "tail -n 5 calc.py",
    "wc -l calc.py",
    "nl calc.py",
    "ls",
    "ls -la sub",
]


@pytest.fixture
def worktree(tmp_path: Path) -> Path:
    wt = tmp_path / "wt"
    (wt / "sub").mkdir(parents=True)
    (wt / "calc.py").write_text("def add(a, b):\n    return a + b\n")
    return wt


@pytest.mark.parametrize("command", REFUSED)
def test_refused(command: str, worktree: Path) -> None:
    assert check(command, [str(worktree)]) is not None


@pytest.mark.parametrize("command", ALLOWED)
def test_allowed(command: str, worktree: Path) -> None:
    assert check(command, [str(worktree)]) is None


def test_symlink_out_of_the_worktree_is_refused(worktree: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret\n")
    (worktree / "link").symlink_to(secret)
    (worktree / "linkdir").symlink_to(tmp_path)
    for command in (
        "cat link",
        "head -n 1 link",
        "grep s3cret link",
        "ls linkdir/",
        "grep -flink x",
    ):
        assert check(command, [str(worktree)]) is not None, command
    assert check_tool("Read", {"file_path": str(worktree / "link")}, [str(worktree)])


def test_file_tools_are_confined(worktree: Path, tmp_path: Path) -> None:
    roots = [str(worktree), str(tmp_path / "seat-tmp")]
    assert check_tool("Read", {"file_path": str(worktree / "calc.py")}, roots) is None
    assert check_tool("Read", {"file_path": "calc.py"}, roots) is None
    assert check_tool("Read", {"file_path": str(tmp_path / "seat-tmp" / "out.txt")}, roots) is None
    assert check_tool("Read", {"file_path": "/tmp/trial29/home/.config/x.toml"}, roots)
    assert check_tool("Read", {"file_path": "~/.config/deep-review/config.toml"}, roots)
    assert check_tool("Grep", {"pattern": "SECRET", "path": "/tmp/trial29/home"}, roots)
    assert check_tool("Grep", {"pattern": "SECRET"}, roots) is None
    assert check_tool("Glob", {"pattern": "/etc/*"}, roots)
    assert check_tool("Glob", {"pattern": "**/*.py"}, roots) is None
    assert check_tool("LS", {"path": "/"}, roots)
    assert check_tool("TodoWrite", {"todos": []}, roots) is None  # left to the CLI's rules
    # Gemini CLI's tool names.
    assert check_tool("run_shell_command", {"command": "git log --output=/tmp/x"}, roots)
    assert check_tool("read_file", {"file_path": "/tmp/trial29/env.sh"}, roots)
    assert check_tool("read_file", {"file_path": str(worktree / "calc.py")}, roots) is None
    assert check_tool("read_many_files", {"paths": ["calc.py", "/etc/passwd"]}, roots)
    assert check_tool("read_many_files", {"paths": ["*.py", "sub/**"]}, roots) is None
    assert check_tool("grep_search", {"pattern": "SECRET", "dir_path": "/tmp/trial29"}, roots)


def _hook(event: dict[str, object], *roots: str) -> tuple[int, str]:
    args = [a for r in roots for a in ("--root", r)]
    stdin, stderr = sys.stdin, sys.stderr
    sys.stdin, sys.stderr = io.StringIO(json.dumps(event)), io.StringIO()
    try:
        code = shell_guard.main(args)
        return code, sys.stderr.getvalue()
    finally:
        sys.stdin, sys.stderr = stdin, stderr


def test_hook_blocks_with_exit_2_and_reason(worktree: Path) -> None:
    bad = {"tool_name": "Bash", "tool_input": {"command": "git log -1 --output=/tmp/x"}}
    code, err = _hook(bad, str(worktree))
    assert code == 2 and "--output" in err and "read-only" in err
    good = {"tool_name": "Bash", "tool_input": {"command": "git log -3"}}
    assert _hook(good, str(worktree)) == (0, "")


def test_hook_runs_as_an_isolated_script(worktree: Path) -> None:
    """The hook command runs the file with `python -I`: no package import, no PYTHONPATH."""
    event = {"tool_name": "Bash", "tool_input": {"command": "rg --pre ./x y"}}
    res = subprocess.run(
        [sys.executable, "-I", shell_guard.__file__, "--root", str(worktree)],
        input=json.dumps(event),
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": os.environ.get("PATH", "")},
    )
    assert res.returncode == 2, res.stderr
    assert "--pre" in res.stderr


# Trial 31 (a red-team of this guard): each of these read outside the worktree or hung a seat.
REFUSED_31 = [
    "ls -LR docs",
    "ls -H docs",
    "ls --dereference docs",
    "wc --files0-from=filelist",
    "wc --files0-from filelist",
    "tail +1f README.md",
    "tail +f README.md",
    "git log --show-signature",
]


@pytest.mark.parametrize("command", REFUSED_31)
def test_refused_after_trial_31(command: str, worktree: Path) -> None:
    assert check(command, [str(worktree)]) is not None


def test_a_symlink_chain_too_deep_to_resolve_is_refused_not_a_crash(
    worktree: Path, tmp_path: Path
) -> None:
    """A committed chain of 1,200 links made `realpath` raise: the hook exited 1, which both
    CLIs take as a non-blocking hook error, and the tool ran unchecked (the guard failed open)."""
    chain = worktree / "chain"
    chain.mkdir()
    for i in range(1, 1201):
        (chain / f"l{i}").symlink_to(f"l{i + 1}")
    (chain / "l1201").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "secret.txt").write_text("s3cret\n")
    assert check("cat chain/l1", [str(worktree)]) is not None
    event = {"tool_name": "Bash", "tool_input": {"command": "cat chain/l1 calc.py"}}
    code, err = _hook(event, str(worktree))
    assert code == 2, err


def test_the_hook_fails_closed_on_any_error(worktree: Path) -> None:
    """A lone surrogate (from a JSON `\\ud800` escape) made a path unencodable: exit 2, not 1."""
    event = {"tool_name": "Bash", "tool_input": {"command": "cat '/\ud800' calc.py"}}
    code, _ = _hook(event, str(worktree))
    assert code == 2
    read = {"tool_name": "Read", "tool_input": {"file_path": "/\ud800"}}
    assert _hook(read, str(worktree))[0] == 2


def test_gemini_dir_path_is_where_relative_paths_start(worktree: Path, tmp_path: Path) -> None:
    """`run_shell_command` runs in `dir_path`: `cat ext/secret.txt` there went through a link
    committed at `docs/a/ext`, while the guard looked for `<worktree>/ext/secret.txt`."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("s3cret\n")
    (worktree / "docs" / "a").mkdir(parents=True)
    (worktree / "docs" / "a" / "ext").symlink_to(tmp_path / "outside")
    roots = [str(worktree)]
    shell = "run_shell_command"
    assert check_tool(shell, {"command": "cat ext/secret.txt", "dir_path": "docs/a"}, roots)
    assert check_tool(shell, {"command": "cat calc.py", "dir_path": "/tmp"}, roots)
    assert check_tool(shell, {"command": "ls", "dir_path": "docs/a"}, roots) is None
