"""`deep-review parse FILE --json`, as every other command takes `--json`: the review as JSON
(parse's own output). Before, "No such option '--json'" (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

REVIEW = (
    "## Review\nI read the change.\n\nThe `load()` helper in store/io.py line 12 crashes on an "
    "empty file because it hands the empty string to `json.loads`.\n"
)


def test_parse_takes_json(tmp_path: Path) -> None:
    review = tmp_path / "alpha.md"
    review.write_text(REVIEW, encoding="utf-8")
    res = run_cli(["parse", str(review), "--json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["seat"] == "alpha"
    assert [loc["start"] for f in out["findings"] for loc in f["locations"]] == [12]


def test_json_beside_another_format_is_a_usage_error(tmp_path: Path) -> None:
    review = tmp_path / "alpha.md"
    review.write_text(REVIEW, encoding="utf-8")
    res = run_cli(
        ["parse", str(review), "--json", "--format", "md"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 2
    assert "--json" in res.stderr and "--format md" in res.stderr
