"""Fixtures for seat tests: a real git repository in tmp_path and a SeatTask builder."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from deepreview import proc
from deepreview.agents.base import SeatSettings, SeatTask


class GitRepo:
    """A throwaway repository; the checkout itself stands in for the review worktree."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def git(self, *args: str) -> str:
        result = proc.run(("git", *args), cwd=self.root, env=self.env, timeout=60)
        assert result.ok, f"git {' '.join(args)} failed: {result.stderr_text}"
        return result.stdout_text

    def write(self, path: str, content: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(content.encode("utf-8"))
        return target

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--no-verify", "-m", message)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()


def git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
    )
    return env


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    root = tmp_path / "repo"
    root.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    r = GitRepo(root, git_env(home))
    r.git("init", "-q", "-b", "main")
    return r


@pytest.fixture
def make_task(tmp_path: Path) -> Callable[..., SeatTask]:
    """Build a SeatTask for a seat run in `repo` (HEAD = the review SHA)."""
    out = tmp_path / "out"
    out.mkdir()

    def build(
        repo: GitRepo,
        base_sha: str,
        *,
        seat: str = "static",
        prompt: str = "Review this change.",
        settings: SeatSettings | None = None,
        timeout: float = 120.0,
        cancel: threading.Event | None = None,
        env: dict[str, str] | None = None,
        **extra: Any,
    ) -> SeatTask:
        prompt_file = out / f"prompt-{seat}.md"
        prompt_file.write_text(prompt, encoding="utf-8")
        home = out / f"home-{seat}"
        home.mkdir(exist_ok=True)
        return SeatTask(
            seat=seat,
            prompt=prompt,
            prompt_file=prompt_file,
            worktree=repo.root,
            home=home,
            transcript_path=out / f"transcript-{seat}-pass-1.jsonl",
            stderr_path=out / f"stderr-{seat}-pass-1.txt",
            settings=settings or SeatSettings(),
            timeout=timeout,
            env=env if env is not None else dict(repo.env),
            base_sha=base_sha,
            cancel=cancel or threading.Event(),
            **extra,
        )

    return build
