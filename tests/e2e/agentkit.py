"""Helpers and fixtures for driving the real agent CLIs against the scripted model server.

The CLIs come from `DEEPREVIEW_AGENT_CLIS` (a directory holding `claude`, `codex`, `gemini`,
`opencode`) or else `<repo>/.tools/agent-clis/node_modules/.bin` (`scripts/install-agent-clis.sh`).
A test that needs a missing CLI is skipped with the reason.

`SCRIPTED_SETUP` is also the recipe for pointing each seat at the scripted server:

- claude:   env ANTHROPIC_BASE_URL=<url>, ANTHROPIC_API_KEY=<any>
- codex:    extra_args defining a provider (`-c model_providers.scripted.base_url="<url>/v1"`,
            `wire_api="responses"`, `env_key=...`, `-c model_provider="scripted"`), model gpt-5.5
- gemini:   env GOOGLE_GEMINI_BASE_URL=<url>, GEMINI_API_KEY=<any>
- opencode: env OPENAI_BASE_URL=<url>/v1, OPENAI_API_KEY=<any>, model openai/gpt-5.5
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from deepreview import proc
from deepreview.agents.base import ProgressEvent, SeatOutcome, SeatSettings, SeatTask
from deepreview.agents.registry import get_agent

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
CLIS = ("claude", "codex", "gemini", "opencode")
REVIEW_TEXT = (E2E_DIR / "fixtures" / "scripted-review.md").read_text(encoding="utf-8")
PROMPT_MARKER = "DEEPREVIEW-PROMPT-MARKER-7f3a"
CANARY = ("DEEPREVIEW_E2E_CANARY", "canary-4711")  # an unrelated variable that must not leak
SCRIPTED_KEY = "scripted-test-key"
DEAD_PROXY = "http://127.0.0.1:9"  # discard port: nothing listens, connections fail at once
LOOPBACK = "127.0.0.1,localhost"


def codex_provider_args(url: str) -> tuple[str, ...]:
    return (
        "-c", 'model_providers.scripted.name="Scripted"',
        "-c", f'model_providers.scripted.base_url="{url}/v1"',
        "-c", 'model_providers.scripted.wire_api="responses"',
        "-c", 'model_providers.scripted.env_key="SCRIPTED_API_KEY"',
        "-c", 'model_provider="scripted"',
    )  # fmt: skip


def scripted_setup(name: str, url: str) -> tuple[dict[str, str], dict[str, Any]]:
    """(user env, SeatSettings fields) that point seat `name` at the server at `url`."""
    if name == "claude":
        return {"ANTHROPIC_BASE_URL": url, "ANTHROPIC_API_KEY": SCRIPTED_KEY}, {
            "model": "claude-sonnet-4-5"
        }
    if name == "codex":
        return {"SCRIPTED_API_KEY": SCRIPTED_KEY}, {
            "model": "gpt-5.5",
            "extra_args": codex_provider_args(url),
        }
    if name == "gemini":
        return {"GOOGLE_GEMINI_BASE_URL": url, "GEMINI_API_KEY": SCRIPTED_KEY}, {
            "model": "gemini-2.5-pro"
        }
    if name == "opencode":
        # opencode resolves `@opencode-ai/plugin` from the npm registry in the background at
        # startup (seconds when the registry is reachable); a dead proxy keeps the run offline.
        offline = {"HTTP_PROXY": DEAD_PROXY, "HTTPS_PROXY": DEAD_PROXY, "NO_PROXY": LOOPBACK}
        return {"OPENAI_BASE_URL": f"{url}/v1", "OPENAI_API_KEY": SCRIPTED_KEY, **offline}, {
            "model": "openai/gpt-5.5"
        }
    raise ValueError(name)


def agent_bin_dir() -> Path | None:
    configured = os.environ.get("DEEPREVIEW_AGENT_CLIS")
    path = Path(configured) if configured else REPO_ROOT / ".tools/agent-clis/node_modules/.bin"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def cli_bin_dir() -> Path:
    found = agent_bin_dir()
    if found is None:
        pytest.skip(
            "agent CLIs not installed: run scripts/install-agent-clis.sh "
            "or set DEEPREVIEW_AGENT_CLIS to a directory with claude/codex/gemini/opencode"
        )
    return found


def require_cli(bin_dir: Path, name: str) -> Path:
    path = bin_dir / name
    if not (path.exists() and os.access(path, os.X_OK)):
        pytest.skip(f"{name} CLI not found in {bin_dir}")
    return path


@dataclass(frozen=True)
class ReviewRepo:
    path: Path
    base_sha: str
    head_sha: str


def git(repo: Path, *args: str) -> str:
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(repo.parent),
        "GIT_AUTHOR_NAME": "Tester",
        "GIT_AUTHOR_EMAIL": "tester@example.com",
        "GIT_COMMITTER_NAME": "Tester",
        "GIT_COMMITTER_EMAIL": "tester@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = proc.run(["git", *args], cwd=repo, env=env, timeout=30)
    assert result.ok, f"git {' '.join(args)}: {result.stderr_text}"
    return result.stdout_text.strip()


@pytest.fixture
def review_repo(tmp_path: Path) -> ReviewRepo:
    """README.md + calc.py, then a second commit that breaks `add`."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("# Demo\n\nA tiny calculator.\n", encoding="utf-8")
    (repo / "calc.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Initial commit: add calc")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "calc.py").write_text("def add(a, b):\n    return a - b\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Change add")
    return ReviewRepo(repo, base, git(repo, "rev-parse", "HEAD"))


def big_prompt(repo: ReviewRepo) -> str:
    """A prompt over the 128 KiB single-argument limit, so it must travel on stdin."""
    diff = git(repo.path, "diff", f"{repo.base_sha}..HEAD")
    context = "".join(f"context line {i}: the quick brown fox\n" for i in range(4000))
    return (
        f"Review the change {repo.base_sha[:7]}..HEAD. {PROMPT_MARKER}\n\n```diff\n{diff}\n```\n\n"
        f"Surrounding context:\n{context}\nEnd with an Executive Summary."
    )


@dataclass
class SeatRun:
    outcome: SeatOutcome
    task: SeatTask
    events: list[ProgressEvent] = field(default_factory=list)


SeatRunner = Callable[..., SeatRun]


@pytest.fixture
def run_seat(tmp_path: Path, cli_bin_dir: Path, review_repo: ReviewRepo) -> Iterator[SeatRunner]:
    """`run_seat(name, url, **options)` runs one real seat in `review_repo` and returns it all."""
    user_home = tmp_path / "user-home"  # the "real" home: no credentials in it
    user_home.mkdir()
    counter = [0]

    def run(
        name: str,
        url: str,
        *,
        prompt: str | None = None,
        timeout: float = 90.0,
        allow_exec: bool = False,
        user_env: dict[str, str] | None = None,
        **settings: Any,
    ) -> SeatRun:
        require_cli(cli_bin_dir, name)
        counter[0] += 1
        work = tmp_path / f"{name}-{counter[0]}"
        (work / "home").mkdir(parents=True)
        server_env, defaults = scripted_setup(name, url)
        seat_settings = replace(SeatSettings(), **{**defaults, **settings})
        text = prompt if prompt is not None else big_prompt(review_repo)
        prompt_file = work / f"prompt-{name}.md"
        prompt_file.write_text(text, encoding="utf-8")
        events: list[ProgressEvent] = []
        task = SeatTask(
            seat=name,
            prompt=text,
            prompt_file=prompt_file,
            worktree=review_repo.path,
            home=work / "home",
            transcript_path=work / f"transcript-{name}-pass-1.jsonl",
            stderr_path=work / f"stderr-{name}.txt",
            settings=seat_settings,
            timeout=timeout,
            env={
                "PATH": f"{cli_bin_dir}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
                "HOME": str(user_home),
                "LANG": "C.UTF-8",
                CANARY[0]: CANARY[1],
                **server_env,
                **(user_env or {}),
            },
            base_sha=review_repo.base_sha,
            changed_files=("calc.py",),
            allow_exec=allow_exec,
            on_progress=events.append,
        )
        outcome = get_agent(name).run(task)
        return SeatRun(outcome, task, events)

    yield run


@pytest.fixture
def dead_url() -> str:
    """A loopback URL where nothing listens (the port was just free)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
