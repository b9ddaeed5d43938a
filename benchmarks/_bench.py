"""Shared pieces of the end-to-end benchmarks: repos, fake agents, timing a `deep-review` run.

The benchmarks drive the installed CLI (`python -m deepreview`) exactly as a user would, with the
fake agent CLIs from tests/fakebin/ first on PATH, in a throwaway directory.
"""

from __future__ import annotations

import compileall
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fakebin.harness import Fakes  # noqa: E402
from support.repos import GIT_ENV, git, make_repo  # noqa: E402

TIME_BIN = "/usr/bin/time"


def compile_package() -> None:
    """Write the package's .pyc files, as installing it does. Where PYTHONDONTWRITEBYTECODE is
    set (the shared development VM) an editable checkout has none, and every `deep-review`
    run would compile its modules from source (~0.1-0.2 s of CPU): timings would measure that."""
    spec = importlib.util.find_spec("deepreview")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


compile_package()


@dataclass(frozen=True)
class Run:
    wall_s: float
    launched_at: float  # epoch seconds just before the command was started
    maxrss_mb: float | None  # peak RSS of the largest process in the tree (deep-review itself)
    returncode: int
    out: dict[str, Any]
    stderr: str


def run_review(repo: Path, env: dict[str, str], *args: str) -> Run:
    """`deep-review review ... --json` timed from outside, peak memory via /usr/bin/time -v."""
    argv = [sys.executable, "-m", "deepreview", "review", "--json", *args]
    use_time = Path(TIME_BIN).exists()
    if use_time:
        argv = [TIME_BIN, "-v", *argv]
    launched_at = time.time()
    t0 = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(argv, cwd=repo, env=env, capture_output=True, check=False)
    wall = time.monotonic() - t0
    stderr = proc.stderr.decode(errors="replace")
    maxrss = None
    if use_time:
        for line in stderr.splitlines():
            if "Maximum resident set size" in line:
                maxrss = int(line.rsplit(":", 1)[1]) / 1024
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        maxrss = after / 1024 if after > before else None
    try:
        out = json.loads(proc.stdout)
    except json.JSONDecodeError:
        out = {}
    if proc.returncode not in (0, 3):
        raise SystemExit(f"deep-review failed ({proc.returncode}):\n{stderr[-3000:]}")
    return Run(wall, launched_at, maxrss, proc.returncode, out, stderr)


def seat_durations(out: dict[str, Any]) -> dict[str, float]:
    return {s["seat"]: float(s["duration_s"] or 0.0) for s in out.get("seats", [])}


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def fast_import(repo: Path, stream: bytes) -> None:
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(
        ["git", "fast-import", "--quiet", "--force"], cwd=repo, input=stream, check=True, env=env
    )


__all__ = [
    "Fakes",
    "Run",
    "fast_import",
    "fresh_dir",
    "git",
    "make_repo",
    "run_review",
    "seat_durations",
]
