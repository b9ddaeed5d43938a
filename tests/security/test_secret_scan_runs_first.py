"""The static seat's secret scan runs before its other analyzers (hmisc9 item 1).

The seat ran ruff, `git diff --check`, then detect-secrets under one time budget: a ruff that
hung used the whole budget, detect-secrets was skipped, and the change's secret — which only
the scan finds — stayed in every stored file (prompts, transcripts, the report). The redaction
depends on the scan, so the scan goes first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deepreview.agents.static import ruff_check
from fakebin.harness import Fakes, grep_store
from support.inprocess import can_run_in_process
from support.repos import commit_all, git, make_repo, write

_SECRET = "Zv81kQ7mN2pL5vR9tY3wXY"


@pytest.mark.slow
@pytest.mark.skipif(
    not can_run_in_process() or bool(os.environ.get("DEEPREVIEW_TEST_SUBPROCESS")),
    reason="the slow ruff is patched into this process",
)
def test_a_hanging_ruff_does_not_keep_the_secret_scan_from_masking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = tmp_path / "slow-ruff"
    # answers `--version` (availability), hangs on the analysis
    slow.write_text(
        '#!/bin/sh\n[ "$1" = --version ] && echo "ruff 0.0.0" && exit 0\nexec sleep 60\n'
    )
    slow.chmod(0o755)
    monkeypatch.setattr(ruff_check, "find_ruff", lambda: slow)
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "keys")
    write(repo, "settings.py", f'DB_PASSWORD = "{_SECRET}"\n')
    commit_all(repo, "keys")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    # Time for the secret scan's worker (a Python process importing detect-secrets: over a
    # second on a loaded machine) to finish first; the hanging ruff then uses up the rest.
    res = fakes.review(repo, "--agents", "echo,static", "--timeout", "8")
    assert "static" in res.stdout + res.stderr
    assert grep_store(tmp_path / "store", [_SECRET]) == []
    assert "ruff failed (timed out" in "".join(
        p.read_text(errors="replace") for p in (tmp_path / "store").rglob("review-static-*.md")
    )
