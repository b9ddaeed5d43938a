"""`--json` runs that fail still answer on stdout with one JSON object; `--lead` names leads."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def test_bad_input_with_json_prints_an_error_object(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["review", "main..no-such-branch", "--json"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2
    data = json.loads(res.stdout)
    assert data["exit_code"] == 2 and data["schema_version"] == 1
    assert "unknown ref 'no-such-branch'" in data["error"]
    assert "unknown ref 'no-such-branch'" in res.stderr  # the one line stays on stderr


def test_usage_error_with_json_prints_an_error_object(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["list", "--json", "--bogus-option"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2
    data = json.loads(res.stdout)
    assert data["exit_code"] == 2 and "--bogus-option" in data["error"]


def test_without_json_stdout_stays_empty_on_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["review", "main..no-such-branch"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2 and res.stdout == ""


def test_unknown_lead_is_called_a_lead_and_lists_only_leads(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "bogus"], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 2
    [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert "unknown lead 'bogus'" in line, line
    assert "static" not in line.split("unknown lead 'bogus'", 1)[1], line
    assert "claude" in line and "none" in line


def test_bad_input_with_format_json_prints_an_error_object(tmp_path: Path) -> None:
    """`show`, `render`, `parse` and `consolidate` print their report on stdout in `--format`:
    asked for JSON (`parse`'s default), a refusal answers in JSON there too."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    missing = str(tmp_path / "nonexistent.json")
    for argv in (
        ["show", "NOPE", "--format", "json"],
        ["render", missing, "--format=json"],
        ["parse", str(tmp_path / "nonexistent.md"), "--format", "json"],
        ["parse", str(tmp_path / "nonexistent.md")],
        ["consolidate", missing, "--format", "json"],
    ):
        res = run_cli(argv, cwd=repo, env=env)
        assert res.returncode == 2, (argv, res.stderr)
        data = json.loads(res.stdout)
        assert data["exit_code"] == 2 and data["schema_version"] == 1, argv
        assert data["error"] in res.stderr, argv
    # Another format, or `review --format json` (the files it stores): stdout stays empty.
    for argv in (
        ["show", "NOPE", "--format", "md"],
        ["render", missing],
        ["review", "main..no-such-branch", "--format", "json"],
    ):
        res = run_cli(argv, cwd=repo, env=env)
        assert res.returncode == 2 and res.stdout == "", (argv, res.stdout)
