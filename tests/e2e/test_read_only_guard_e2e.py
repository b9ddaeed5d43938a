"""Trial 29's escapes from a read-only seat, through the real CLIs and the scripted server.

`git log --output=F`, `sed -n 'w F'` and `rg --pre PROG` passed the CLIs' prefix allow-lists:
files appeared outside the worktree and a program ran with the seat's API key. Claude now asks
deep-review's guard (a PreToolUse hook) first; Gemini and opencode get no shell at all in a
read-only review. Plain reads still work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from e2e.agentkit import PROMPT_MARKER, REVIEW_TEXT, ReviewRepo, SeatRunner, git
from scripted_server import ReadFile, Shell, Step

pytestmark = pytest.mark.e2e


def escapes(out: Path) -> list[str]:
    return [
        f"git log -1 --output={out}/out-gitlog.txt",
        f"git diff HEAD~1 --output={out}/out-gitdiff.txt",
        f"sed -n 'w {out}/out-sed.txt' README.md",
        f"rg --pre {out}/pre.sh Demo README.md",
        f"cat {out}/secret.txt",
    ]


def _setup(tmp_path: Path) -> Path:
    out = tmp_path / "outside"
    out.mkdir()
    pre = out / "pre.sh"
    pre.write_text(f'#!/bin/sh\necho ran > {out}/pre-ran.txt\ncat "$1"\n')
    pre.chmod(0o755)
    (out / "secret.txt").write_text("OUTSIDE-SECRET-9931\n")
    return out


@pytest.mark.parametrize("name", ["claude", "gemini", "opencode"])
def test_trial29_escapes_are_refused(
    name: str, run_seat: SeatRunner, scripted_server, review_repo: ReviewRepo, tmp_path: Path
) -> None:
    out = _setup(tmp_path)
    commands = escapes(out)
    srv = scripted_server([*(Step.tools([Shell(c)]) for c in commands), Step.text(REVIEW_TEXT)])
    run = run_seat(name, srv.url, prompt=f"Review calc.py. {PROMPT_MARKER}")

    assert run.outcome.status == "ok", run.outcome.reason
    assert sorted(p.name for p in out.iterdir()) == ["pre.sh", "secret.txt"]
    assert git(review_repo.path, "status", "--porcelain") == ""
    assert not any(t.contains("OUTSIDE-SECRET-9931") for t in srv.turns())
    stats = run.outcome.stats
    assert stats is not None
    if name == "opencode":
        # No shell is offered at all: opencode routes each call to its `invalid` tool, and
        # each is counted as the refused `bash` call it stands in for.
        assert [(c.tool, c.denied) for c in stats.tool_calls] == [("bash", True)] * len(commands)
        assert len(stats.permission_denials) == len(commands)
        return
    calls = [c for c in stats.tool_calls if c.command in commands]
    assert len(calls) == len(commands), stats.tool_calls
    assert all(c.denied and c.ok is False for c in calls), calls
    assert len(stats.permission_denials) >= len(commands)


# Per CLI: the shell tool's name and the read tool's.
TOOLS = {"claude": ("Bash", "Read"), "gemini": ("run_shell_command", "read_file")}


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_read_only_commands_still_run(
    name: str, run_seat: SeatRunner, scripted_server, review_repo: ReviewRepo, tmp_path: Path
) -> None:
    out = _setup(tmp_path)
    srv = scripted_server(
        [
            Step.tools([Shell("git log -3"), Shell("sed -n 1,5p calc.py")]),
            Step.tools([ReadFile("calc.py"), ReadFile(str(out / "secret.txt"))]),
            Step.text(REVIEW_TEXT),
        ]
    )
    run = run_seat(name, srv.url, prompt=f"Review calc.py. {PROMPT_MARKER}")

    assert run.outcome.status == "ok", run.outcome.reason
    shell, read = TOOLS[name]
    turns = srv.turns()
    assert turns[1].contains("Change add") and turns[1].contains("return a - b")
    assert not any(t.contains("OUTSIDE-SECRET-9931") for t in turns)
    stats = run.outcome.stats
    assert stats is not None
    ok = [c for c in stats.tool_calls if c.ok]
    assert sorted(c.command or "" for c in ok if c.tool == shell) == [
        "git log -3",
        "sed -n 1,5p calc.py",
    ]
    # The read outside the worktree failed (Gemini's own workspace check may refuse it first).
    failed = [c for c in stats.tool_calls if not c.ok]
    assert [c.tool for c in failed] == [read], stats.tool_calls
