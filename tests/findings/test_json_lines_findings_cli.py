"""Findings as JSON Lines (one bare object a line, short keys `sev` / `msg`) between a chatty
lead-in and closing words are read as a JSON review's findings. Before, no JSON reader took the
text whole and the review read as clean. JSON log lines quoted in a clean review name no file:
they stay its text and the review stays clean, a route in `path` too.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

STREAMED = """Sure, here they are, one per line:

{"file": "export/writer.py", "line": 14, "sev": "high", "msg": "a second export repeats rows"}
{"path": "export/names.py", "line": 3, "sev": "low", "msg": "unused constant SEP"}

Hope this helps, and nice work on the tests!
"""


def test_findings_as_json_lines_are_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, STREAMED)
    found = [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"], f["title"])
        for f in parsed["findings"]
    ]
    assert found == [
        ("critical", "export/writer.py", 14, "a second export repeats rows"),
        ("suggestion", "export/names.py", 3, "unused constant SEP"),
    ]


LOGGED = """No issues found. The new logger writes lines such as

{"level": "error", "message": "disk full", "ts": 1700000000}
{"level": "warning", "message": "retrying upload", "path": "/api/upload"}
{"level": "error", "msg": "upload failed", "path": "/api/v2/upload"}

which is the format the log shipper expects. LGTM.
"""


def test_json_log_lines_in_a_clean_review_stay_its_text(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, LOGGED)
    assert parsed["findings"] == []
    assert not parsed["unread_findings"]
