"""Through the real `deep-review consolidate`: two findings placed apart in one file, each
explanation citing the other's lines in words ("the client built at line 40" at lines 10-11,
"lines 10-11 read the region once" at line 40), are one problem told from both of its ends
(`cross_cited.lines_cited_each_way`), as two findings citing each other across two files are.
Not when only one cites the other (a reviewer walking through the code), nor when the two are
graded apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

READER = """## Findings

### Important Issues

I1. **`REGION` is fixed at import: new settings are lost** — `cfg.py:10-11` (important, regression)

```python
REGION = os.environ.get("APP_REGION", "eu-west-1")
```

The value is fixed at import time, so the storage client built at line 40 keeps the default
even after the settings page stores another one.
"""

CLIENT = """## Findings

### {section}

{fid}. **Uploads go to the old bucket after a settings change** — `cfg.py:40` ({grade}, regression)

```python
client = Storage(endpoint_for(REGION))
```

{because} so uploads land in the old bucket until the process restarts.
"""

EACH_WAY = "Lines 10-11 capture `REGION` when the module loads,"
ONE_WAY = "Nothing rebuilds this object when `REGION` changes,"


def _together(tmp_path: Path, because: str, grade: str = "important") -> bool:
    section, fid = ("Important Issues", "I1") if grade == "important" else ("Suggestions", "S1")
    found = consolidated_findings(
        tmp_path,
        {
            "claude": READER,
            "codex": CLIENT.format(section=section, fid=fid, grade=grade, because=because),
        },
    )
    return len(found) == 1


def test_each_citing_the_others_lines_is_one_problem(tmp_path: Path) -> None:
    assert _together(tmp_path, EACH_WAY)


@pytest.mark.parametrize(("because", "grade"), [(ONE_WAY, "important"), (EACH_WAY, "suggestion")])
def test_one_way_only_or_graded_apart_stays_two(tmp_path: Path, because: str, grade: str) -> None:
    assert not _together(tmp_path, because, grade)
