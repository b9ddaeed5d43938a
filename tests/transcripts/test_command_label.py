from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deepreview.transcripts.shell import command_label, unwrap_argv, unwrap_shell


@pytest.mark.parametrize(
    ("cmd", "label"),
    [
        ("git blame x", "git blame"),
        ("git -C /repo --no-pager -c core.pager=cat log -1", "git log"),
        ("/usr/bin/git --git-dir=.git status", "git status"),
        ("git", "git"),
        ("sed -n '1,20p' f", "sed -n"),
        ("sed -e s/a/b/ -n f", "sed -n"),
        ("sed -ne '/x/p' f", "sed -n"),
        ("sed -i.bak s/a/b/ f", "sed -i"),
        ("sed 's/a/b/' f", "sed"),
        ("rg foo", "rg"),
        ("nl -ba f", "nl"),
        ("cat f", "cat"),
        ("A=1 B='x y' git diff", "git diff"),
        ("cd dir && git blame f", "git blame"),
        ("cd 'my dir' && GIT_PAGER=cat git log --oneline", "git log"),
        ("set -e; cd x; rg -n TODO", "rg"),
        ("cat f | head -5", "cat"),
        ("rg -l foo || true", "rg"),
        ("bash -lc 'cd x && sed -n 1p f'", "sed -n"),
        ('/bin/bash -lc "git log --oneline -1"', "git log"),
        ("sh -c 'nl -ba a.go | sed -n 1,40p'", "nl"),
        ("bash script.sh", "bash"),
        ("cd x\ngit status", "git status"),
        ("git \\\n  blame f", "git blame"),
        ("timeout 60 go test ./...", "go test"),
        ("env FOO=1 python3 -m pytest -q", "python3 -m pytest"),
        ("python script.py", "python"),
        ("(cd sub && make -j4 build)", "make build"),
        ("make", "make"),
        ("for f in *.py; do wc -l $f; done", "wc"),
        ("if git diff --quiet; then echo same; fi", "git diff"),
        ("2>/dev/null ls -la", "ls"),
        ("cat <<'EOF' > notes.md\nit's here\nEOF", "cat"),
        ("grep -e 'a|b' f", "grep"),
        ("# look first\ngit log", "git log"),
        ("cd x", "cd"),
        ("", ""),
        ("   ", ""),
        # malformed quoting never raises; the plain split still finds the program
        ('echo "unterminated', "echo"),
        ("bash -lc 'git blame f", "git blame"),
        ("sed -n '1,5p f", "sed -n"),
        ("git log --format='%H", "git log"),
    ],
)
def test_command_label(cmd: str, label: str) -> None:
    assert command_label(cmd) == label


@given(st.text(max_size=80))
def test_command_label_never_raises(cmd: str) -> None:
    assert isinstance(command_label(cmd), str)


@pytest.mark.parametrize(
    ("cmd", "inner"),
    [
        ("/bin/bash -lc 'git blame calc.py'", "git blame calc.py"),
        ("/bin/bash -lc 'rg -n '\"'\"'def add'\"'\"' .'", "rg -n 'def add' ."),
        ("/bin/bash -lc \"sed -n '1,40p' calc.py\"", "sed -n '1,40p' calc.py"),
        ("bash -c 'a\nb'", "a\nb"),
        ("git status", "git status"),
        ("/bin/bash -lc 'unterminated", "/bin/bash -lc 'unterminated"),
    ],
)
def test_unwrap_shell(cmd: str, inner: str) -> None:
    assert unwrap_shell(cmd) == inner


def test_unwrap_argv() -> None:
    assert unwrap_argv(["bash", "-lc", "git log"]) == "git log"
    assert unwrap_argv(["rg", "-n", "a b"]) == "rg -n 'a b'"
