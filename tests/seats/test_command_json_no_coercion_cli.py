"""A command seat's findings JSON is checked as strictly as a config file: `"schema_version":
true` is no version 1, and `"line": true` or `"line": "12"` is no line. Before, pydantic took
`true` for 1 and `"12"` for 12, so a script's bug (a flag printed where the line belonged)
placed its finding at line 1 with no word; now the seat fails with the field named, as for any
other JSON of the wrong shape, and `deep-review parse` previews the same error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import cli_env, make_repo, run_cli


def _review(version: object = 1, line: object = 5) -> str:
    return json.dumps(
        {
            "schema_version": version,
            "findings": [
                {
                    "severity": "important",
                    "title": "Subtraction is reversed",
                    "locations": [{"path": "calc.py", "line": line}],
                }
            ],
        }
    )


@pytest.mark.parametrize(
    ("version", "line", "field"),
    [(True, 5, "schema_version"), (1.0, 5, "schema_version"), (1, True, "line"), (1, "5", "line")],
)
def test_parse_refuses_a_coerced_value(
    tmp_path: Path, version: object, line: object, field: str
) -> None:
    path = tmp_path / "seat.json"
    path.write_text(_review(version, line), encoding="utf-8")
    res = run_cli(["parse", str(path)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stdout[:300]
    (err,) = res.stderr.strip().splitlines()
    assert "invalid review JSON: " in err and field in err, err
    assert res.json()["exit_code"] == 2


def test_parse_still_reads_a_whole_number(tmp_path: Path) -> None:
    path = tmp_path / "seat.json"
    path.write_text(_review(), encoding="utf-8")
    res = run_cli(["parse", str(path)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    [finding] = json.loads(res.stdout)["findings"]
    assert finding["locations"] == [{"path": "calc.py", "start": 5, "end": None}]


def test_a_seat_printing_a_boolean_line_fails_rather_than_placing_it_at_line_1(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    review_file = tmp_path / "review.json"
    review_file.write_text(_review(line=True), encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 3, res.stderr
    [seat] = res.json()["seats"]
    assert seat["status"] == "failed"
    assert seat["reason"].startswith("invalid review JSON: findings.0.locations.0.line"), seat
