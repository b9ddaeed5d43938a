"""A decline whose review's commit was rewritten away (amend, force push, gc) and whose file
was renamed in that rewrite: its kept lines are found in the renamed file, so the finding
raised again there stays declined, not `(new)` (trial 58b, defect 8)."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import run_cli
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


def test_a_declined_finding_renamed_in_a_rewrite_stays_declined(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = read_branch_repo(tmp_path)
    rid1 = run_round(fakes, repo, LEAK.format(place="util.py:5"))["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "short-lived"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr

    amend_renaming_read(repo)

    rid2 = run_round(fakes, repo, LEAK.format(place="files.py:7"))["review_id"]
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert declined["left_out_as"] == "I1"
    assert declined["uncompared"] is False and declined["code_changed"] is False
