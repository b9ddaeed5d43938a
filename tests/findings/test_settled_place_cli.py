"""What a user sees of a finding's place through `deep-review parse`, whatever shape the seat
wrote it in (`findings/draft_place.py`): the one place a JSON record's prose tells in words is
its place, and a folder named in the prose never is (the one file the finding names is).
Before, the JSON findings had no place and the folder findings sat on the folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support.repos import cli_env, run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reviews"


def _places(tmp_path: Path, name: str) -> list[list[str]]:
    shutil.copy(FIXTURES / f"{name}.md", tmp_path / "review.md")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    assert parsed["unread_findings"] == []
    return [
        [loc["path"] + (f":{loc['start']}" if loc["start"] else "") for loc in f["locations"]]
        for f in parsed["findings"]
    ]


def test_a_json_findings_place_told_in_its_prose(tmp_path: Path) -> None:
    assert _places(tmp_path, "json-place-told-in-prose") == [
        ["worker/consume.py:52"],
        ["worker/config.py:18"],
        [],  # two places told: which is the finding's own is the reader's call
        ["worker/log.py:7"],  # its own place stays
    ]


def test_a_folder_is_no_place_the_file_its_fix_names_is(tmp_path: Path) -> None:
    assert _places(tmp_path, "folder-place-fix-names-file") == [
        ["ctl/pkg/controllers/app/reconcile.go"],
        [],  # two files named
        [],  # no file named
    ]
