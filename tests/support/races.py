"""Two commands on one review at once, made certain: the other command runs to the end
between this one's checks and its run lock (`resume`, `relead` load the target there)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

import pytest

from support.repos import run_cli


def another_runs_first(
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    args: list[str],
    cwd: Path,
    env: Mapping[str, str],
) -> list[int]:
    """Patch `module.load_target` so that, the first time it is called, the same command
    (`args`) runs in a real process to the end first; the list gets its exit code."""
    others: list[int] = []
    load_target = module.load_target

    def the_other_runs_first(state):  # type: ignore[no-untyped-def]
        if not others:
            other = run_cli(args, cwd=cwd, env=dict(env), in_process=False)
            others.append(other.returncode)
            assert other.returncode == 0, other.stderr
        return load_target(state)

    monkeypatch.setattr(module, "load_target", the_other_runs_first)
    return others
