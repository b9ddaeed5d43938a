"""Putting the fake seats and fake agent CLIs in front of the real `deep-review` CLI.

`Fakes(tmp_path)` makes a folder whose name is a unique marker; every fake runs from there, so
any process still alive after a review shows up by scanning /proc for that marker.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import tomli_w

from support.repos import CliResult, cli_env, git, make_repo, run_cli

HERE = Path(__file__).resolve().parent
FAKE_SEAT = HERE / "fake_seat.py"
FAKE_AGENT = HERE / "fake_agent.py"
AGENT_CLIS = ("claude", "codex", "gemini")
# Auth the real adapters look for before they call a seat usable.
AGENT_AUTH = {
    "claude": ("ANTHROPIC_API_KEY", "sk-ant-api03-fakefakefakefakefakefakefake"),
    "codex": ("OPENAI_API_KEY", "sk-proj-fakefakefakefakefakefakefake"),
    "gemini": ("GEMINI_API_KEY", "AIzaFakeFakeFakeFakeFakeFakeFakeFakeFak"),
}


def _install(src: Path, dest: Path) -> Path:
    """Copy a fake with a shebang for *this* interpreter (a pyenv shim may not run in a seat)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    body = src.read_text(encoding="utf-8").split("\n", 1)[1]
    dest.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    dest.chmod(0o755)
    return dest


class Fakes:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.marker = f"drfake-{uuid.uuid4().hex[:12]}"
        self.bin = tmp / self.marker
        self.bin.mkdir(parents=True)
        self.seat_script = _install(FAKE_SEAT, self.bin / "fake_seat.py")
        self.store = tmp / "store"
        self.config = tmp / "user-config.toml"

    # -- seats -----------------------------------------------------------------------------
    def seat(self, mode: str, *options: str) -> dict[str, Any]:
        """A `[seats.NAME]` table for a command seat running `fake_seat.py MODE`."""
        return {"argv": [sys.executable, str(self.seat_script), mode, *options]}

    def agent(
        self, cli: str, scenario: dict[str, Any] | None = None, sub: str | None = None
    ) -> Path:
        """Install the fake `cli` (claude/codex/gemini; opencode only failing) on PATH, or in
        `sub/` for a `binary`."""
        folder = self.bin / sub if sub else self.bin
        path = _install(FAKE_AGENT, folder / cli)
        (folder / f"{cli}.scenario.json").write_text(json.dumps(scenario or {}))
        return path

    def install(self, name: str, text: str) -> Path:
        """Any other executable on PATH (e.g. a fake `gh`)."""
        path = self.bin / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
        return path

    def write_config(
        self, seats: dict[str, dict[str, Any]], review: dict[str, Any] | None = None
    ) -> None:
        data: dict[str, Any] = {}
        if review:
            data["review"] = review
        if seats:
            data["seats"] = seats
        self.config.write_text(tomli_w.dumps(data), encoding="utf-8")

    def env(self, extra: dict[str, str] | None = None, *, agents: bool = False) -> dict[str, str]:
        env = cli_env(self.tmp, extra)
        env["PATH"] = f"{self.bin}{os.pathsep}{env['PATH']}"
        if agents:
            for var, value in AGENT_AUTH.values():
                env.setdefault(var, value)
        return env

    # -- running -----------------------------------------------------------------------------
    def review(
        self,
        repo: Path,
        *args: str,
        env: dict[str, str] | None = None,
        timeout: float = 120,
        lead: str | None = "none",
    ) -> CliResult:
        # a test's own --lead replaces the default (an option given twice is refused)
        own = any(a == "--lead" or a.startswith("--lead=") for a in args)
        lead_args = ["--lead", lead] if lead and not own else []
        return run_cli(
            ["review", *lead_args, "--json", *args],
            cwd=repo,
            env=env or self.env(),
            timeout=timeout,
        )

    def survivors(self, wait_s: float = 2.0) -> list[str]:
        """Live processes whose command line holds the marker (after a short grace)."""
        deadline = time.monotonic() + wait_s
        while True:
            found = processes_with(self.marker)
            if not found or time.monotonic() >= deadline:
                return found
            time.sleep(0.1)


def review_stream(tmp_path: Path, cli: str, events: list[dict[str, Any]] | str) -> CliResult:
    """`deep-review review --agents CLI` of make_repo's branch, the fake `cli` printing `events`
    (or that text, byte for byte) as its stream: what a real CLI's output makes of a review."""
    stream = tmp_path / f"{cli}.jsonl"
    text = events if isinstance(events, str) else "".join(json.dumps(e) + "\n" for e in events)
    stream.write_text(text, encoding="utf-8")
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(cli, {"transcript_file": str(stream)})
    fakes.write_config({})
    return fakes.review(repo, "--agents", cli, env=fakes.env(agents=True))


def processes_with(marker: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if marker.encode() in cmd:
            found.append(f"{pid}: {cmd.decode(errors='replace')}")
    return found


def worktrees(repo: Path) -> list[str]:
    return [
        ln.removeprefix("worktree ")
        for ln in git(repo, "worktree", "list", "--porcelain").splitlines()
        if ln.startswith("worktree ")
    ]


def assert_no_leftovers(fakes: Fakes, repo: Path) -> None:
    assert fakes.survivors() == [], "seat processes survived the review"
    assert worktrees(repo) == [str(repo)], "a seat worktree was left behind"
    temp = fakes.tmp / "tmp"  # the reviews' TMPDIR (`repos.cli_env`): their seat homes
    homes = sorted(p.name for p in temp.glob("deep-review-home-*"))
    assert homes == [], f"a seat home was left behind: {homes}"


def run_json(review_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    return data


def store_files(store: Path) -> list[Path]:
    return sorted(p for p in store.rglob("*") if p.is_file())


def grep_store(store: Path, needles: list[str]) -> list[str]:
    """`path: needle` for every stored file (binary too) that contains a needle."""
    hits = []
    for path in store_files(store):
        data = path.read_bytes()
        hits += [f"{path}: {n}" for n in needles if n.encode() in data]
    return hits


def rmtree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
