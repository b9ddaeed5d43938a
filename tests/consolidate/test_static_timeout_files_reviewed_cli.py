"""Through the real `deep-review review`: the retro's Files reviewed row of a static seat its
deadline stopped says so, not the full count as if every changed file had been checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, commit_all, make_repo, run_cli, write
from support.static_deadline import kill_secret_scan_after_first_file

MUTABLE_DEFAULT = "def collect(item, into=[]):\n    into.append(item)\n    return into\n"


def test_a_timed_out_static_seats_files_reviewed_say_it_timed_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    write(repo, "bag.py", MUTABLE_DEFAULT)
    write(repo, "later.cfg", "# padding\n" * 200 + "LATER = 1\n")
    commit_all(repo, "Add bag")
    kill_secret_scan_after_first_file(monkeypatch)
    printing_seats(tmp_path, {"alpha": NO_FINDINGS})
    res = run_cli(
        ["review", "--agents", "alpha,static", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
        in_process=True,
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    (static,) = [s for s in report["retro"]["seats"] if s["seat"] == "static"]
    cells = dict(static["cells"])
    # detect-secrets answered its first file (the smallest) before the deadline; the other
    # three only ruff and git's checks saw
    assert cells["Files reviewed"] == "1/4 (timed out after 30 min; 3 partly analyzed)", cells
    assert cells["Coverage misses"] == "0", cells
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "Partly analyzed (detect-secrets timed out before it)" in md
