"""A changed text file on which every analyzer of the static seat failed was listed
`Reviewed, no issues` and the verdict said "static checks found nothing": read as checked and
clean, while only a seat note said the checks were missing. Its Coverage Summary row says
`Not analyzed` and the verdict counts it as not analyzed; a file some analyzers checked and
one failed on is `Partly analyzed` (which one failed), as a file an analyzer did not reach
before its deadline is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.agents.static import assigned_secrets, diff_check, ruff_check, secret_scan
from deepreview.agents.static.diagnostics import AnalyzerRun
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write


def _failing(name: str) -> Any:
    def run(*_args: Any, **_kwargs: Any) -> AnalyzerRun:
        return AnalyzerRun(name, error="exited with code 2: cannot start")

    return run


def _review(tmp: Path, repo: Path) -> tuple[dict[str, str], str, str]:
    """(coverage rows of the stored report's static seat, verdict label, reason)."""
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp),
        in_process=True,
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    rows = {
        cells[1].strip("` "): cells[2].strip()
        for line in md.splitlines()
        if len(cells := line.split("|")) == 4 and cells[1].strip().startswith("`")
    }
    verdict = report["header"]["verdict"]
    return rows, verdict["label"], verdict["reason"]


def _branch(tmp: Path) -> Path:
    repo = make_repo(tmp)
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "topic")
    return repo


def test_a_text_file_every_analyzer_failed_on_is_not_analyzed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _branch(tmp_path)
    write(repo, "NOTES.md", "# Notes\n\nRetries are on by default.\n")
    commit_all(repo, "Add notes")
    monkeypatch.setattr(secret_scan, "run_secret_scan", _failing(secret_scan.NAME))
    monkeypatch.setattr(assigned_secrets, "run_assigned_secrets", _failing(assigned_secrets.NAME))
    monkeypatch.setattr(diff_check, "run_diff_check", _failing(diff_check.NAME))
    rows, label, reason = _review(tmp_path, repo)
    assert rows["NOTES.md"].startswith("Not analyzed ("), rows
    assert rows["NOTES.md"] == (
        "Not analyzed (detect-secrets, assigned secrets, git diff --check failed)"
    ), rows
    assert label == "No model review"
    assert reason == "static checks analyzed none of the changed files (1 not analyzed)"


def test_a_file_one_analyzer_failed_on_is_partly_analyzed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _branch(tmp_path)
    write(repo, "one.py", "def one():\n    return 1\n")
    write(repo, "NOTES.md", "# Notes\n")
    commit_all(repo, "Add a module and notes")
    monkeypatch.setattr(ruff_check, "run_ruff", _failing(ruff_check.NAME))
    rows, label, reason = _review(tmp_path, repo)
    assert rows["one.py"] == f"Partly analyzed ({ruff_check.NAME} failed)", rows
    assert rows["NOTES.md"] == "Reviewed, no issues", rows  # ruff is no check of a text file
    assert (label, reason) == ("No model review", "static checks found nothing")
