"""A finding's `Severity:` field given as a score on a scale (`Severity: 8/10`, `Priority: 2 of
5`) under a bold `Finding N — title` line. Before, the score was no level word, so every finding
read as unrated (important). Now a field whose value is a score on a scale of 3 to 10 gives the
level of its share of the scale, as a `[4/5]` mark at an item's head does (`numeric_levels`). A
value that opens with a level word keeps that word, whatever score follows it; a `Priority:`
score gives no level (priority 1 is as often the first as the least): its finding stays unread.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_SCORED = """## Review of the cache change

Scores run from 1 (cosmetic) to 10 (data loss); the last is on the five-point scale.

**Finding 1 — entries outlive their owner's logout**
Location: `cache/store.py`, line 40
Severity: 8/10
A user's cached profile is served to the next user of the same session slot.

**Finding 2 — eviction scans the whole map**
Location: `cache/store.py`, lines 90–97
Severity: 5 / 10
Each insert walks every entry to find the oldest; use an ordered dict.

**Finding 3 — a log line says "entires"**
Location: `cache/log.py`, line 7
Severity: 1 out of 5.
"""

_WORD_FIRST = """## Review

**Finding 1 — the lock is taken twice on the retry path**
Location: `cache/store.py`, line 120
Severity: moderate (I am 9/10 sure of this)
The second `acquire()` blocks forever when the first attempt failed.
"""


def _findings(tmp_path: Path, text: str) -> list[tuple[str, str, int]]:
    (tmp_path / "review.md").write_text(text, encoding="utf-8")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    return sorted(
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"])
        for f in parsed["findings"]
    )


def test_a_scored_severity_field_gives_the_level_of_its_share(tmp_path: Path) -> None:
    assert _findings(tmp_path, _SCORED) == [
        ("critical", "cache/store.py", 40),
        ("important", "cache/store.py", 90),
        ("suggestion", "cache/log.py", 7),
    ]


def test_a_level_word_before_a_score_keeps_its_word(tmp_path: Path) -> None:
    # `moderate` is important; the `9/10` after it is how sure the reviewer is, not the level
    assert _findings(tmp_path, _WORD_FIRST) == [("important", "cache/store.py", 120)]


_PRIORITY = """## Review

**Finding 1 — the export drops the header row**
Location: `cache/export.py`, line 12
Priority: 1/5
Spreadsheets open the file with the first record as column names.
"""


def test_a_priority_score_gives_no_level(tmp_path: Path) -> None:
    (tmp_path / "review.md").write_text(_PRIORITY, encoding="utf-8")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    # not a suggestion: `1/5` may be the first priority; the finding stays text we could not
    # read, and the review says so rather than reading as clean
    assert parsed["findings"] == []
    assert any("no finding could be read" in w for w in parsed["warnings"])
