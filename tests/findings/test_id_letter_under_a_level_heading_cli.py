"""A bold ID whose letter is another level than its heading's (`**S1**` under `### Important`)
takes the heading's level, as before (ps80 looked at changing it). A careful reader weighs the
two: the heading is a level word the seat chose for the group, while a letter is only a level
in our own template's scheme; reviews that number findings by kind (`S1` security, `P1`
performance, `C1` correctness) put `**S1**` under `### Critical` meaning a security finding.
The 39 corpus reports and the parse cases hold no bold ID under a heading of another level
untagged, so nothing there argues for the letter; the heading stays the level.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

UNDER_CRITICAL = """## Findings

### Critical

**S1** `auth/login.py:40` — the password is compared with `==`, a timing side channel.

**S2** `auth/session.py:12` — the session id is logged at info level.

### Suggestions

**S3** `auth/login.py:3` — unused import.
"""


def test_a_kind_letter_under_a_level_heading_keeps_the_headings_level(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, UNDER_CRITICAL)
    assert [f["severity"] for f in parsed["findings"]] == ["critical", "critical", "suggestion"]
