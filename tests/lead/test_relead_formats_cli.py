"""A relead writes the report again in every format the review stored, not only in the ones
its own `--format` (or the default md, json, html) names: a `review --format sarif` for code
scanning, then `relead ID`, left the `.sarif` file of the earlier lead beside the new report,
and `show --format sarif`, `open` and a code-scanning upload read findings the new lead had
dropped. Through the real CLI, the lead a scripted fake `claude`."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lead_kit import ANSWER, fenced, install_fake_claude, write_config

from support.repos import cli_env, make_repo, run_cli

AGENTS = ["--agents", "alpha,bravo,charlie"]


def _setup(tmp_path: Path, *more_answers: str) -> tuple[Path, dict[str, str]]:
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    bin_dir = tmp_path / "bin"
    answers = [fenced(ANSWER), *more_answers]
    install_fake_claude(bin_dir, answers, log_dir=tmp_path / "lead-log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return repo, env


def _rendered(repo: Path, env: dict[str, str], report_json: Path, fmt: str) -> str:
    res = run_cli(["render", str(report_json), "--format", fmt], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_relead_rewrites_a_sarif_file_the_review_stored(tmp_path: Path) -> None:
    repo, env = _setup(tmp_path)
    first = run_cli(
        ["review", *AGENTS, "--lead", "none", "--format", "sarif", "--json"], cwd=repo, env=env
    )
    assert first.returncode == 0, first.stderr
    rid, paths = first.json()["review_id"], first.json()["paths"]
    sarif = Path(paths["sarif"])
    before = json.loads(sarif.read_text(encoding="utf-8"))
    # the consolidation without a lead keeps charlie's critical overflow claim
    assert any(r["level"] == "error" for r in before["runs"][0]["results"])

    again = run_cli(["relead", rid, "--lead", "claude", "--json"], cwd=repo, env=env)
    assert again.returncode == 0, again.stderr
    assert again.json()["paths"]["sarif"] == str(sarif)
    after = json.loads(sarif.read_text(encoding="utf-8"))
    # the lead dropped it as a false positive: the stored SARIF says what the report says
    assert not any(r["level"] == "error" for r in after["runs"][0]["results"]), after
    json_path = Path(paths["json"])
    assert sarif.read_text(encoding="utf-8") == _rendered(repo, env, json_path, "sarif")
    shown = run_cli(["show", rid, "--format", "sarif"], cwd=repo, env=env)
    assert shown.returncode == 0 and shown.stdout == sarif.read_text(encoding="utf-8")


def test_relead_with_format_md_rewrites_the_stored_html_too(tmp_path: Path) -> None:
    repo, env = _setup(tmp_path)
    first = run_cli(["review", *AGENTS, "--lead", "none", "--json"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    rid, paths = first.json()["review_id"], first.json()["paths"]
    html = Path(paths["html"])
    assert "Consolidated without a lead" in html.read_text(encoding="utf-8")

    again = run_cli(
        ["relead", rid, "--lead", "claude", "--format", "md", "--json"], cwd=repo, env=env
    )
    assert again.returncode == 0, again.stderr
    assert "Consolidated without a lead" not in Path(paths["md"]).read_text(encoding="utf-8")
    # the page `open` shows is the new report's, not the earlier one's
    assert again.json()["paths"]["html"] == str(html)
    assert "Consolidated without a lead" not in html.read_text(encoding="utf-8")
    assert html.read_text(encoding="utf-8") == _rendered(repo, env, Path(paths["json"]), "html")


def test_a_failed_relead_leaves_no_file_of_a_format_it_added(tmp_path: Path) -> None:
    """The earlier lead's report stands (exit 6): a `--format sarif` file the failed relead
    wrote would hold the consolidation without a lead beside it."""
    repo, env = _setup(tmp_path, "No JSON this time.")
    first = run_cli(["review", *AGENTS, "--lead", "claude", "--json"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    rid, paths = first.json()["review_id"], first.json()["paths"]
    store = Path(first.json()["store"])
    md_before = Path(paths["md"]).read_bytes()
    # the lead answers no JSON, asked again none again: it falls back
    again = run_cli(["relead", rid, "--lead", "claude", "--format", "sarif"], cwd=repo, env=env)
    assert again.returncode == 6, again.stderr
    assert "the earlier report stands" in again.stderr
    assert Path(paths["md"]).read_bytes() == md_before
    assert not (store / f"{rid}.sarif").exists()
    shown = run_cli(["show", rid, "--format", "sarif"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == _rendered(repo, env, Path(paths["json"]), "sarif")


def test_relead_writes_again_a_sarif_file_deleted_by_hand(tmp_path: Path) -> None:
    """`list` shows such a review as `files missing` and says `relead ID` writes them again:
    followed, it must, though the file is no longer there to say its format was stored."""
    repo, env = _setup(tmp_path)
    first = run_cli(
        ["review", *AGENTS, "--lead", "none", "--format", "sarif", "--json"], cwd=repo, env=env
    )
    assert first.returncode == 0, first.stderr
    rid, sarif = first.json()["review_id"], Path(first.json()["paths"]["sarif"])
    sarif.unlink()
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    (row,) = listed.json()["reviews"]
    assert (
        row["missing_files"] == [sarif.name]
        and f"`deep-review relead {rid} --lead none`" in (listed.json()["notes"][0])
    )
    again = run_cli(["relead", rid, "--lead", "none"], cwd=repo, env=env)
    assert again.returncode == 0, again.stderr
    assert sarif.is_file()
    (row,) = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert row["status"] == "complete" and row["missing_files"] == [], row
