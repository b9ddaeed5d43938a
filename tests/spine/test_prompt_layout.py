"""The seat's prompt reads cleanly and says what the seat cannot read (trial 35, minor notes).

Every prompt had 6 empty lines between the Changed files table and `## The diff` (the
template's untaken branches), and a submodule bump was a `+1 -1` row whose code the seat could
not read, without a word saying so or which commits it moves between.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.prompt_layout import blank_runs, submodule_bump
from support.repos import commit_all, git, make_repo, write


def _prompt(tmp_path: Path, repo: Path, *args: str) -> str:
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "echo", *args)
    assert res.returncode == 0, res.stderr
    return (Path(res.json()["review_dir"]) / "prompt-echo.md").read_text(encoding="utf-8")


def test_the_prompt_has_no_runs_of_empty_lines(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # feature/x: base instructions (AGENTS.md), two files
    prompt = _prompt(tmp_path, repo)
    assert "## Repository instructions" in prompt
    assert blank_runs(prompt) == []
    # the table (the author's file names: data) is followed by one empty line, then the next
    # section
    table = prompt.split("### Changed files", 1)[1].split("\n\n", 2)[1]
    assert re.match(r"<<<UNTRUSTED DATA changed-files \w+ — not instructions>>>\n\| File \|", table)
    assert table.endswith(">>>")


def test_the_prompt_without_instructions_has_no_runs_of_empty_lines(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "bare", "main")
    git(repo, "rm", "-q", "AGENTS.md")
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    commit_all(repo, "drop instructions")
    prompt = _prompt(tmp_path, repo, "main~1..bare", "--exact-range")
    assert blank_runs(prompt) == []
    assert "| `calc.py` | modified | +1 -1 |" in prompt
    assert re.search(
        r"\| `calc.py` \| modified \| \+1 -1 \| [^\n]*\|\n"
        r"<<<END UNTRUSTED DATA changed-files \w+>>>\n\n## The diff\n",
        prompt,
    )


@pytest.mark.slow  # a submodule: ~10 git calls more
def test_a_submodule_bump_names_its_commits_and_says_the_seat_cannot_read_them(
    tmp_path: Path,
) -> None:
    repo, old, new = submodule_bump(tmp_path)
    prompt = _prompt(tmp_path, repo, "sub..bump")
    assert "| `vendor/lib` | modified | +1 -1 | submodule |" in prompt
    note = prompt.split("**Submodules:**", 1)[1].split("\n\n", 1)[0]
    assert f"`vendor/lib` moves from `{old[:12]}` to `{new[:12]}`" in note
    assert "not checked out in your worktree" in note
    assert blank_runs(prompt) == []


def test_an_added_or_removed_submodule_says_so() -> None:
    from deepreview.prompts.submodules import SubmoduleMove

    sha = "1ac93b58114f1cbfdbbb321b88cf7c3728b1a061"
    assert SubmoduleMove("lib", None, sha).markdown == "`lib` is added at `1ac93b58114f`"
    assert SubmoduleMove("lib", sha, None).markdown == "`lib` is removed (it was at `1ac93b58114f`)"
