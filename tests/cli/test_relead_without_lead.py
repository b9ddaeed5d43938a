"""`relead ID` reruns the lead; when no lead can run (none named, no default lead usable),
the report is written again without one, and the command must say so rather than exit 0 as
if a lead had judged it."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def test_relead_with_no_usable_lead_says_no_lead_ran(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"HOME": str(tmp_path / "home")})
    first = run_cli(["review", "feature/x", "--agents", "static", "--json"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    review_id = first.json()["review_id"]
    res = run_cli(["relead", review_id], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    notes = [line for line in res.stderr.splitlines() if line.startswith("note: no lead ran")]
    assert len(notes) == 1, res.stderr
    assert "none of the default leads (claude, codex, gemini) is usable here" in notes[0]
    assert "--lead NAME" in notes[0]


def test_relead_lead_none_asked_for_says_nothing_more(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"HOME": str(tmp_path / "home")})
    first = run_cli(["review", "feature/x", "--agents", "static", "--json"], cwd=repo, env=env)
    review_id = first.json()["review_id"]
    res = run_cli(["relead", review_id, "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "note: no lead ran" not in res.stderr
