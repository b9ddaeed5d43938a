"""Findings exported as CSV (or TSV) in a code block, a header row naming a level column and a
place column, quoted fields holding commas, are read as the findings table they stand for: one
finding a row, its last column's `fix` its Fix. Before, the block was code and the review read
as clean. The change's own CSV quoted in a finding (a header naming no level) stays code.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

EXPORTED = """Findings, exported as requested:

```csv
level,location,problem,fix
high,export/writer.py:14,"Opened to append, so rows repeat","Open it with ""w"" instead"
low,export/names.py:3,Unused constant SEP,Remove it
```
"""

TABBED = """Findings:

```tsv
severity\tfile\tline\tproblem
critical\texport/writer.py\t14\tThe file is opened in append mode, so rows repeat
minor\texport/names.py\t3\tUnused constant SEP
```
"""

EXPECTED = [("critical", "export/writer.py", 14), ("suggestion", "export/names.py", 3)]


def test_a_csv_findings_block_is_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, EXPORTED)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]
    assert "Opened to append, so" in parsed["findings"][0]["title"]
    assert 'Open it with "w"' in parsed["findings"][0]["fix"]


def test_a_tsv_findings_block_is_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, TABBED)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]


QUOTED_DATA = """## Critical Issues

### C1: a second export duplicates every row
`export/writer.py:14` opens the file in append mode; two exports of

```csv
id,name,country
1,Ada,UK
```

give this row twice.
"""


def test_the_changes_own_csv_stays_code(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, QUOTED_DATA)
    assert levels_and_places(parsed) == [("critical", "export/writer.py", 14)]
    assert "id,name,country\n1,Ada,UK" in parsed["findings"][0]["body"]
