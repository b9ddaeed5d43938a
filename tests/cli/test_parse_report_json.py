"""`deep-review parse REPORT.json`: the help says parse reads "a whole Deep Review report", and a
report's JSON (the store's `<ID>.json`, `consolidate --format json`) is one. Before, it was read
as a command seat's review JSON and refused with "invalid review JSON: findings.0.locations.0.
start: Extra inputs are not permitted … a command seat printing this would fail" (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

ALPHA = (
    "## Important Issues\n\n"
    "1. **Totals drop the last row** — `ledger/sum.py:14`: the loop stops at `len(rows) - 1`, so "
    "the final entry is never added.\n"
)


def _report_json(tmp_path: Path) -> Path:
    review = tmp_path / "alpha.md"
    review.write_text(ALPHA, encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(["consolidate", str(review), "--format", "json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "report.json"
    out.write_text(res.stdout, encoding="utf-8")
    return out


def test_parse_reads_a_report_json_as_the_report(tmp_path: Path) -> None:
    report = _report_json(tmp_path)
    res = run_cli(["parse", str(report)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == json.loads(report.read_text(encoding="utf-8"))


def test_parse_renders_a_report_json_in_another_format(tmp_path: Path) -> None:
    report = _report_json(tmp_path)
    res = run_cli(["parse", str(report), "--format", "md"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("# Deep Review")
    assert "Totals drop the last row" in res.stdout and "`ledger/sum.py:14`" in res.stdout


def test_parse_of_a_damaged_report_json_names_the_report_problem(tmp_path: Path) -> None:
    report = _report_json(tmp_path)
    data = json.loads(report.read_text(encoding="utf-8"))
    data["findings"] = "none"
    report.write_text(json.dumps(data), encoding="utf-8")
    res = run_cli(["parse", str(report)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "is not a Deep Review report JSON: findings" in lines[0]
    assert "command seat" not in lines[0]


def test_render_reads_a_report_json_saved_with_a_byte_order_mark(tmp_path: Path) -> None:
    """An editor or a shell's redirection may save the JSON with a UTF-8 BOM; before, `render`
    refused it ("Unexpected UTF-8 BOM"), while `parse` read the same file."""
    report = _report_json(tmp_path)
    report.write_bytes(b"\xef\xbb\xbf" + report.read_bytes())
    res = run_cli(["render", str(report), "--format", "md"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "Totals drop the last row" in res.stdout
    parsed = run_cli(["parse", str(report), "--format", "md"], cwd=tmp_path, env=cli_env(tmp_path))
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stdout == res.stdout
