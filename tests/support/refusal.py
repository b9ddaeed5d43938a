"""What every refused command must look like to the user: exit 2, one line naming the problem,
and no store created (nothing half-written)."""

from __future__ import annotations

from pathlib import Path

from support.repos import CliResult


def assert_refused(res: CliResult, needle: str, store: Path) -> None:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert needle in lines[0], lines[0]
    assert not store.exists(), "a refused review must not create the store"
