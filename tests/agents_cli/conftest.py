"""Fixtures for the adapter unit tests: tasks in tmp dirs, canned transcripts, ProcResults."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from deepreview import proc
from deepreview.agents.base import SeatSettings, SeatTask

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROMPT = "Review the change.\n" + "x" * 300_000  # far over one argv string's limit

TaskFactory = Callable[..., SeatTask]


@pytest.fixture
def user_home(tmp_path: Path) -> Path:
    """Stands in for the user's real home (credential files are put here by tests)."""
    home = tmp_path / "user-home"
    home.mkdir()
    return home


@pytest.fixture
def make_task(tmp_path: Path, user_home: Path) -> TaskFactory:
    counter = [0]

    def make(
        seat: str = "claude",
        *,
        user_env: dict[str, str] | None = None,
        transcript: str | None = None,
        stderr: str = "",
        allow_exec: bool = False,
        **settings: Any,
    ) -> SeatTask:
        counter[0] += 1
        work = tmp_path / f"{seat}-{counter[0]}"
        worktree = work / "worktree"
        (work / "home").mkdir(parents=True)
        worktree.mkdir()
        transcript_path = work / "transcript.jsonl"
        if transcript is not None:
            transcript_path.write_bytes((FIXTURES / transcript).read_bytes())
        stderr_path = work / "stderr.txt"
        stderr_path.write_text(stderr, encoding="utf-8")
        prompt_file = work / "prompt.md"
        prompt_file.write_text(PROMPT, encoding="utf-8")
        return SeatTask(
            seat=seat,
            prompt=PROMPT,
            prompt_file=prompt_file,
            worktree=worktree,
            home=work / "home",
            transcript_path=transcript_path,
            stderr_path=stderr_path,
            settings=replace(SeatSettings(), **settings),
            timeout=60,
            env={"PATH": "/usr/bin:/bin", "HOME": str(user_home), **(user_env or {})},
            allow_exec=allow_exec,
        )

    return make


def result(returncode: int | None = 0, **flags: Any) -> proc.ProcResult:
    return proc.ProcResult(
        argv=("cli",), returncode=returncode, started_at=time.time() - 5, duration_s=5.0, **flags
    )


@pytest.fixture
def proc_result() -> Callable[..., proc.ProcResult]:
    return result
