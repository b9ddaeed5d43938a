"""A report JSON whose `schema_version` no deep-review writes — 0, negative, a string, `true` —
is refused with one line naming the versions this one reads. Before, `render` and `parse`
read it silently (pydantic took "2" for 2 and `true` for version 1; 0 was written back out as
`"schema_version": 0`), and `show` rendered a stored one in a format it had not stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
ODD = [0, -1, "2", True, "two"]


def _report(tmp_path: Path, env: dict[str, str]) -> dict[str, object]:
    res = run_cli(["parse", str(SEED), "--format", "json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    data: dict[str, object] = json.loads(res.stdout)
    return data


def _assert_refused(stderr: str, origin: str, version: object) -> None:
    (line,) = stderr.strip().splitlines()
    assert line.startswith("deep-review: error: "), line
    assert f"{origin} has report schema_version {json.dumps(version)}" in line, line
    assert "this one reads versions 1 to 2" in line, line
    assert "newer" not in line, line


@pytest.mark.parametrize("version", ODD)
@pytest.mark.parametrize("command", ["render", "parse"])
def test_render_and_parse_refuse_a_version_no_deep_review_writes(
    tmp_path: Path, command: str, version: object
) -> None:
    env = cli_env(tmp_path)
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({**_report(tmp_path, env), "schema_version": version}), "utf-8")
    res = run_cli([command, str(path), "--format", "md"], cwd=tmp_path, env=env)
    assert (res.returncode, res.stdout) == (2, ""), res.stdout[:300]
    _assert_refused(res.stderr, str(path), version)


def test_show_refuses_a_stored_report_of_version_0_for_a_format_it_did_not_store(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    out = res.json()
    rid, record = out["review_id"], Path(out["paths"]["json"])
    data = json.loads(record.read_text(encoding="utf-8"))
    stored_md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    record.write_text(json.dumps({**data, "schema_version": 0}, indent=2), encoding="utf-8")
    # the files the review stored still print, as for a newer report
    assert run_cli(["show", rid], cwd=repo, env=env).stdout == stored_md
    sarif = run_cli(["show", rid, "--format", "sarif"], cwd=repo, env=env)
    assert (sarif.returncode, sarif.stdout) == (2, ""), sarif.stdout[:300]
    _assert_refused(sarif.stderr, str(record), 0)
