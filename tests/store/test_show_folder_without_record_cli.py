"""A review folder with no run.json and no report (a review stopped before it wrote its record,
or whose files were removed by hand) is no review `show` can print; it said "no review 'ID';
did you mean ID? (give the whole ID …)", offering the whole ID just typed. Now the line says
what the folder lacks and how to remove it; `delete` does."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import NO_FINDINGS, one_stored_review
from support.repos import run_cli

STRAY = "20261207-000000-stray"


def test_a_folder_without_a_record_is_said_so(tmp_path: Path) -> None:
    repo, env, _ = one_stored_review(tmp_path, NO_FINDINGS)
    folder = Path(env["DEEP_REVIEW_STORE"]) / STRAY
    folder.mkdir()
    for command in (["show", STRAY], ["show", STRAY, "--format", "json"], ["open", STRAY]):
        res = run_cli(command, cwd=repo, env=env)
        assert res.returncode == 2, (command, res.stderr)
        line = res.stderr.splitlines()[0]
        assert "did you mean" not in line, line
        assert str(folder) in line and "run.json" in line, line
        assert f"`deep-review delete {STRAY}`" in line, line
    res = run_cli(["delete", STRAY, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert not folder.exists()
