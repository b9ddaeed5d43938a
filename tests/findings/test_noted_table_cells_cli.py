"""A table with a row per file and all of that file's notes in one cell, split by `<br>`, each
note led by its line and level (`L27 🔴 text<br>L64 🟡 text`): each note is a finding at that
file and line. Before, the table read as nothing and the review as clean. A cell whose notes are
not all led by a line and a level (a change list, `adds the cache<br>drops the old flag`) is no
list of findings: the table stays as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.read_findings import parsed_by_cli

_NOTED = (
    "## Review\n\n| File | Notes |\n|------|-------|\n"
    "| `queue/worker.py` | L14 🔴 the lock is released before the job is marked taken, so two "
    "workers run it<br>L80 🟢 `MAXJOBS` could live in settings |\n"
    "| `queue/api.py` | L33 🟠 the endpoint returns 200 when enqueueing fails |\n"
    "| `queue/README.md` | ✅ no issues |\n"
)


def test_each_note_of_a_cell_is_a_finding(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _NOTED)
    findings = parsed["findings"]
    assert isinstance(findings, list)
    found = sorted(
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings
    )
    assert found == [
        ("critical", "queue/worker.py", 14),
        ("important", "queue/api.py", 33),
        ("suggestion", "queue/worker.py", 80),
    ]
    titles = {f["locations"][0]["start"]: f["title"] for f in findings}
    assert "two workers run it" in f"{titles[14]}"
    assert "<br>" not in json.dumps(findings)


_CHANGES = """## Summary

| File | Notes |
|------|-------|
| `queue/worker.py` | L14 🔴 the lock is released early<br>also renames `run` to `execute` |
| `queue/api.py` | adds the enqueue endpoint<br>drops the old `/jobs` route |

No issues found.
"""


def test_a_cell_with_notes_not_led_by_line_and_level_stays(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _CHANGES)
    assert parsed["findings"] == []
