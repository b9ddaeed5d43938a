"""Findings written as TOML (a ```toml block of `[[findings]]` tables, as a model asked for a
config-like format writes them) are read as a JSON review's items. Before, the review read as
clean. A TOML block that is the change's own config stays the text of a clean review, even a
lint config whose `[[rules]]` carry a severity, a path and a message: only a findings-like key
(`findings`, `issues`, `[[finding]]`, ...) holds findings.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

AS_TOML = '''As requested, TOML:

```toml
[summary]
verdict = "changes"

[[findings]]
severity = "high"
file = "cron/schedule.py"
line = 21
title = "Jobs scheduled in local time skip the DST hour"
body = """
`next_run()` adds 24 hours to a naive datetime.
"""

[[findings]]
severity = "low"
path = "cron/names.py"
line = "4-6"
message = "`JOBS` could be a tuple"
```
'''


def test_findings_as_toml_tables_are_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, AS_TOML)
    found = [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"], f["title"])
        for f in parsed["findings"]
    ]
    assert found == [
        ("critical", "cron/schedule.py", 21, "Jobs scheduled in local time skip the DST hour"),
        ("suggestion", "cron/names.py", 4, "`JOBS` could be a tuple"),
    ]


CONFIG_QUOTED = """No issues found. The new lint rules look right:

```toml
[[rules]]
id = "no-print"
severity = "warning"
path = "app/main.py"
message = "use the logger instead of print"

[[rules]]
id = "no-eval"
severity = "error"
path = "app/plugins.py"
message = "eval is forbidden"
```

LGTM.
"""


def test_a_quoted_toml_config_stays_the_text_of_a_clean_review(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, CONFIG_QUOTED)
    assert parsed["findings"] == []
    assert not parsed["unread_findings"]
