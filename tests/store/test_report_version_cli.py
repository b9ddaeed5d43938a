"""The report JSON's `schema_version`: 2 since a seat run's `tool_calls` may be null (a command
seat's, not measured). A version 1 report (every count a number) still reads as it did, through
every command that reads one; a report of a version above ours is refused with one line naming
its version, not called damaged, and not read with its new fields dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.model import REPORT_SCHEMA_VERSION
from support.repos import cli_env, make_repo, run_cli

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"


def _report(tmp_path: Path, env: dict[str, str]) -> dict[str, object]:
    res = run_cli(["parse", str(SEED), "--format", "json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    data: dict[str, object] = json.loads(res.stdout)
    return data


def test_a_report_is_written_as_version_2(tmp_path: Path) -> None:
    data = _report(tmp_path, cli_env(tmp_path))
    assert data["schema_version"] == REPORT_SCHEMA_VERSION == 2


@pytest.mark.parametrize("fmt", ["md", "html", "sarif", "json"])
def test_a_version_1_report_renders_as_it_did(tmp_path: Path, fmt: str) -> None:
    env = cli_env(tmp_path)
    current = _report(tmp_path, env)
    (tmp_path / "v2.json").write_text(json.dumps(current), encoding="utf-8")
    (tmp_path / "v1.json").write_text(json.dumps({**current, "schema_version": 1}), "utf-8")
    new = run_cli(["render", "v2.json", "--format", fmt], cwd=tmp_path, env=env)
    old = run_cli(["render", "v1.json", "--format", fmt], cwd=tmp_path, env=env)
    assert (old.returncode, old.stderr) == (0, ""), old.stderr
    # read into this version's model: rendered again, it is today's report (HTML's footer
    # and the JSON's schema_version say 2, the version it is written in now)
    assert old.stdout == new.stdout


def _newer(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps({**_report(tmp_path, env), "schema_version": 3}), "utf-8")
    return path


def _assert_newer_line(stderr: str, origin: str) -> None:
    (line,) = stderr.strip().splitlines()
    assert line.startswith("deep-review: error: "), line
    assert f"{origin} has report schema_version 3" in line, line
    assert "written by a newer deep-review" in line and "reads versions up to 2" in line, line
    assert line.endswith("upgrade deep-review to read it"), line
    assert "damaged" not in line and "not a Deep Review report" not in line, line


def test_render_of_a_newer_report_names_its_version(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    newer = _newer(tmp_path, env)
    res = run_cli(["render", str(newer), "--format", "md"], cwd=tmp_path, env=env)
    assert (res.returncode, res.stdout) == (2, ""), res.stdout[:300]
    _assert_newer_line(res.stderr, str(newer))
    as_json = run_cli(["render", str(newer), "--format", "json"], cwd=tmp_path, env=env)
    doc = json.loads(as_json.stdout)
    assert (as_json.returncode, doc["exit_code"]) == (2, 2)
    assert "has report schema_version 3" in doc["error"], doc
    parsed = run_cli(["parse", str(newer)], cwd=tmp_path, env=env)
    assert parsed.returncode == 2
    _assert_newer_line(parsed.stderr, str(newer))


def test_stored_reports_of_version_1_and_3(tmp_path: Path) -> None:
    """`show` reads the stored JSON: a version 1 one shows in every format; one of a newer
    version prints the files that version stored, and a format it did not store is refused
    with the version named (this version cannot render it without dropping what it added)."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    out = res.json()
    rid, record = out["review_id"], Path(out["paths"]["json"])
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    stored_md = Path(out["paths"]["md"]).read_text(encoding="utf-8")

    record.write_text(json.dumps({**data, "schema_version": 1}, indent=2), encoding="utf-8")
    for fmt in ("md", "sarif"):
        shown = run_cli(["show", rid, "--format", fmt], cwd=repo, env=env)
        assert (shown.returncode, shown.stderr) == (0, ""), shown.stderr
    assert run_cli(["show", rid], cwd=repo, env=env).stdout == stored_md

    record.write_text(json.dumps({**data, "schema_version": 3}, indent=2), encoding="utf-8")
    assert run_cli(["show", rid], cwd=repo, env=env).stdout == stored_md
    sarif = run_cli(["show", rid, "--format", "sarif"], cwd=repo, env=env)
    assert (sarif.returncode, sarif.stdout) == (2, ""), sarif.stdout[:300]
    _assert_newer_line(sarif.stderr, str(record))
