"""A finding whose file was renamed in a rewrite that took the previous round's commit away
(amend, force push, gc): raised again under its title at the renamed file, it is the prior
finding, reported once. Before, with no rename git could see, it was `(new)` at the new path and
carried again at the path that no longer exists (tr64 #4). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.rounds import amend_renaming_read, read_branch_repo, run_round, stored

LEAK = """## Findings

### Critical Issues

None.

### Important Issues

I1. **File handle leaked in `read`** — `{place}` (important, resource)

`open(path).read()` never closes the file.

### Suggestions

None.
"""


def _rewritten(tmp_path: Path, place: str) -> dict[str, Any]:
    """Round 1 raises the leak at util.py:5; the commit is amended to rename util.py to
    files.py (a comment added) and the old one pruned; round 2 raises it at `place`."""
    fakes = Fakes(tmp_path)
    repo = read_branch_repo(tmp_path)
    run_round(fakes, repo, LEAK.format(place="util.py:5"))
    amend_renaming_read(repo)
    rid = run_round(fakes, repo, LEAK.format(place=place))["review_id"]
    data: dict[str, Any] = json.loads(stored(fakes, rid, ".json"))
    return data


def test_raised_again_at_the_renamed_file_it_is_reported_once(tmp_path: Path) -> None:
    data = _rewritten(tmp_path, "files.py:7")
    assert [(f["locations"][0]["path"], f["carry_forward"]) for f in data["findings"]] == [
        ("files.py", "Round 1 I1, raised again")
    ]
    assert data["round_info"]["new_findings"] == []


def test_at_a_file_that_is_still_there_it_stays_new(tmp_path: Path) -> None:
    """What must stay: the same title at another file, while the prior's file is still there
    or the other file is not where it went, is another finding."""
    data = _rewritten(tmp_path, "os_helpers.py:3")
    tags = sorted(f["carry_forward"] for f in data["findings"])
    assert tags == ["Round 1 I1, no verdict", "new"]
