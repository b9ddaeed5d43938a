"""Through the real `deep-review review`: a static seat stopped by its deadline after some of
its analyzers answered. What they found is sound line by line (an analyzer's finding is no
half-written text), so its findings so far are in the report, credited to Static analysis;
the verdict still says its checks did not finish (Unverified, as the README's exit codes count
it), and the appendix does not call them "not read for findings"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import CliResult, cli_env, commit_all, make_repo, run_cli, write
from support.static_deadline import kill_secret_scan_after_first_file

# ruff's B006, from an analyzer that finished before the deadline stopped detect-secrets
MUTABLE_DEFAULT = "def collect(item, into=[]):\n    into.append(item)\n    return into\n"


def _timed_out_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bag: str
) -> tuple[CliResult, dict[str, Any]]:
    """`review --agents alpha,static --fail-on critical` of a change adding `bag.py`, the
    static seat's detect-secrets stopped by the deadline after its first file."""
    repo = make_repo(tmp_path)
    write(repo, "bag.py", bag)
    write(repo, "later.cfg", "# padding\n" * 200 + "LATER = 1\n")
    commit_all(repo, "Add bag")
    kill_secret_scan_after_first_file(monkeypatch)
    printing_seats(tmp_path, {"alpha": NO_FINDINGS})
    res = run_cli(
        ["review", "--agents", "alpha,static", "--lead", "none", "--json", "--fail-on", "critical"],
        cwd=repo,
        env=cli_env(tmp_path),
        in_process=True,
    )
    out: dict[str, Any] = res.json()
    assert {s["seat"]: s["status"] for s in out["seats"]}["static"] == "timeout", out["seats"]
    return res, out


def test_a_timed_out_static_seats_findings_so_far_are_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    res, out = _timed_out_review(tmp_path, monkeypatch, MUTABLE_DEFAULT)
    repo = tmp_path / "repo"
    assert res.returncode == 4, res.stderr  # the checks did not finish: not all judged
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    placed = [(loc["path"], f["reviewers"]) for f in report["findings"] for loc in f["locations"]]
    assert ("bag.py", ["Static analysis"]) in placed, report["findings"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] != "Merge as-is", verdict
    assert verdict["reason"].endswith(
        "Static analysis timed out before its checks finished, with its findings so far in this "
        "report"
    ), verdict
    # the store listing names it in one parenthesis
    listed = run_cli(["list", "--json"], cwd=repo, env=cli_env(tmp_path))
    assert (
        "Merge with fixes (Static analysis timed out before its checks finished, with its "
        "findings so far in this report)" in listed.stdout
    ), listed.stdout
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "not read for findings" not in md


def test_a_static_seat_timed_out_before_finding_anything_is_a_failed_seat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    res, out = _timed_out_review(tmp_path, monkeypatch, "LIMIT = 3\n")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["findings"] == []
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "| **Reviewers** | Alpha |" in md
    assert "marked as failed and not read for findings" in md  # its text: the appendix's
    assert report["header"]["verdict"]["reason"] == "no issues found; 1 of 2 seats failed"
