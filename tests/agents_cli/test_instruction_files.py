"""The reviewed change's own agent instruction files are not loaded by the seat CLIs.

The real-CLI check is tests/e2e/test_instruction_files_e2e.py; these are the fast checks of
each adapter's switch: Codex's argv, and for Gemini/opencode (no switch in their CLIs) that
the files are out of the worktree while the CLI runs and back afterwards.
"""

from __future__ import annotations

import itertools
import stat
from pathlib import Path

import pytest

from deepreview.agents import _park
from deepreview.agents.claude import ClaudeAgent
from deepreview.agents.codex import CodexAgent
from deepreview.agents.gemini import GeminiAgent
from deepreview.agents.opencode import OpencodeAgent

FILES = (
    "AGENTS.md", "GEMINI.md", "CLAUDE.md", "CONTEXT.md", "gemini.md",
    "sub/AGENTS.md", "sub/GEMINI.md", "sub/CLAUDE.md", "sub/CONTEXT.md",
    ".gemini/settings.json", ".codex/config.toml", "sub/.codex/hooks.json", "src/app.py",
)  # fmt: skip


OPENCODE_NAMES = ("AGENTS.md", "CLAUDE.md", "CONTEXT.md")


def populate(worktree: Path) -> None:
    for rel in FILES:
        path = worktree / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"notes for {rel}\n", "utf-8")
    (worktree / ".git").mkdir()
    (worktree / ".git" / "AGENTS.md").write_text("not part of the checkout\n", "utf-8")


def snapshot(worktree: Path) -> dict[str, str]:
    return {
        str(p.relative_to(worktree)): p.read_text("utf-8")
        for p in sorted(worktree.rglob("*"))
        if p.is_file()
    }


def recording_cli(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in CLI that lists the worktree files it can see, then exits."""
    seen = tmp_path / "seen.txt"
    script = tmp_path / "fake-cli"
    script.write_text(f"#!/bin/sh\nfind . -type f | sort > {seen}\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, seen


def test_codex_turns_off_project_docs(make_task) -> None:
    argv = CodexAgent().build(make_task("codex")).argv
    pairs = list(itertools.pairwise(argv))
    assert ("-c", "project_doc_max_bytes=0") in pairs


def test_claude_reads_user_settings_only(make_task) -> None:
    argv = ClaudeAgent().build(make_task("claude")).argv
    assert argv[argv.index("--setting-sources") + 1] == "user"


@pytest.mark.parametrize(
    ("agent", "hidden"),
    [
        (GeminiAgent(), {"GEMINI.md", "gemini.md", "sub/GEMINI.md", ".gemini/settings.json"}),
        (OpencodeAgent(), {*OPENCODE_NAMES, *(f"sub/{n}" for n in OPENCODE_NAMES)}),
        (CodexAgent(), {".codex/config.toml", "sub/.codex/hooks.json"}),
    ],
)
def test_instruction_files_are_out_of_the_worktree_during_the_run(
    agent, hidden: set[str], make_task, tmp_path: Path
) -> None:
    script, seen = recording_cli(tmp_path)
    task = make_task(agent.name, binary=str(script))
    populate(task.worktree)
    before = snapshot(task.worktree)

    agent.run(task)

    visible = {line.removeprefix("./") for line in seen.read_text("utf-8").splitlines()}
    assert visible, "the stand-in CLI did not run"
    assert not visible & hidden
    expected = {p for p in before if not p.startswith(".git/")} - hidden
    assert {p for p in visible if not p.startswith(".git/")} == expected
    assert snapshot(task.worktree) == before  # all put back


def test_parked_puts_back_over_whatever_the_run_left(tmp_path: Path) -> None:
    worktree, store = tmp_path / "wt", tmp_path / "store"
    populate(worktree)
    (worktree / "link").mkdir()
    (worktree / "link" / "GEMINI.md").symlink_to("../src/app.py")
    before = snapshot(worktree)

    with _park.parked(worktree, ("GEMINI.md",), store) as moved:
        assert sorted(p.relative_to(worktree).as_posix() for p in moved) == [
            "GEMINI.md", "gemini.md", "link/GEMINI.md", "sub/GEMINI.md",
        ]  # fmt: skip
        (worktree / "GEMINI.md").write_text("written by the seat\n", "utf-8")
        (worktree / "sub" / "GEMINI.md").mkdir()

    assert snapshot(worktree) == before
    assert (worktree / "link" / "GEMINI.md").is_symlink()


def test_find_skips_git_and_does_not_enter_linked_folders(tmp_path: Path) -> None:
    worktree = tmp_path / "wt"
    populate(worktree)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "AGENTS.md").write_text("x\n", "utf-8")
    (worktree / "elsewhere").symlink_to(outside, target_is_directory=True)

    found = {p.relative_to(worktree).as_posix() for p in _park.find(worktree, ["AGENTS.md"])}
    assert found == {"AGENTS.md", "sub/AGENTS.md"}
