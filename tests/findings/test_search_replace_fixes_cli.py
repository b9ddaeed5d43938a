"""Aider's answer: each finding followed by a line naming its file and a SEARCH/REPLACE block.
The block is the finding's Fix (the file line its label), not its text. Before, the block was
read as the finding's explanation and the finding had no Fix. A file line over a plain excerpt,
or merge-conflict markers quoted in a finding, stay the finding's text.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

AIDER = """1. **High** — `export/writer.py` line 14 opens the file to append, so rows repeat.

export/writer.py
```python
<<<<<<< SEARCH
with open(path, "a") as out:
=======
with open(path, "w") as out:
>>>>>>> REPLACE
```

2. **Low** — `SEP` in `export/names.py` line 3 is never read.

export/names.py
```python
<<<<<<< SEARCH
SEP = ";"
=======
>>>>>>> REPLACE
```
"""


def test_search_replace_blocks_are_the_fixes(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, AIDER)
    got = [(f["severity"], f["locations"][0]["start"]) for f in parsed["findings"]]
    assert got == [("critical", 14), ("suggestion", 3)], parsed["warnings"]
    for f, path in zip(parsed["findings"], ("export/writer.py", "export/names.py"), strict=True):
        assert "<<<<<<< SEARCH" in f["fix"] and path in f["fix"]
        assert "SEARCH" not in f["body"]


EXCERPTS = """1. **High** — `export/writer.py` line 14 opens the file to append, so rows repeat.

export/writer.py
```python
with open(path, "a") as out:
```

2. **Low** — `export/names.py` line 3 still holds a merge conflict:

```python
<<<<<<< HEAD
SEP = ";"
=======
SEP = ","
>>>>>>> main
```
"""


def test_excerpts_and_conflict_markers_stay_the_text(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, EXCERPTS)
    assert len(parsed["findings"]) == 2, parsed["warnings"]
    assert 'open(path, "a")' in parsed["findings"][0]["body"]
    assert "<<<<<<< HEAD" in parsed["findings"][1]["body"]
    assert not any(f["fix"] for f in parsed["findings"])
