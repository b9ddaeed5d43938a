"""Two findings of one file under one generic title (`Missing error handling`) say different
things: declining one never takes the other with it in a later round, whatever the other's
line (trial 58b, defect 1)."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, run_cli, write
from support.rounds import feature_branch_repo, run_round, stored

APP = (
    "import json\n\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n"
    "\n\ndef save(path, data):\n    with open(path, 'w') as f:\n        json.dump(data, f)\n"
)
LOAD = (
    "I{n}. **Missing error handling** — `app.py:6` (important, robustness)\n\n"
    "`json.load` raises JSONDecodeError on a corrupt file and the caller crashes.\n"
)
SAVE = (
    "I{n}. **Missing error handling** — `app.py:10` (important, robustness)\n\n"
    "`open(path, 'w')` raises PermissionError on a read-only folder and the data is lost.\n"
)


def _review(items: str, verdicts: str = "") -> str:
    return (
        "## Executive Summary\n\nError paths.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
        f"### Important Issues\n\n{items}\n### Suggestions\n\nNone.\n{verdicts}"
    )


def _repo(tmp_path: Path) -> Path:
    return feature_branch_repo(tmp_path, "app.py", "import json\n", APP, "Add load and save")


def _next_commit(repo: Path, n: int) -> None:
    write(repo, f"notes{n}.txt", "unrelated\n")
    commit_all(repo, f"Notes {n}")


def test_declining_one_generic_title_leaves_the_other_open(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    both = LOAD.format(n=1) + "\n" + SAVE.format(n=2)
    rid1 = run_round(fakes, repo, _review(both))["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "fatal by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr

    # Round 2: only the save problem is raised again; the load one is not.
    _next_commit(repo, 2)
    r2 = run_round(
        fakes, repo, _review(SAVE.format(n=1), "\n## Round 1 Fix Verdicts\n\n- I2: not fixed\n")
    )
    md2 = stored(fakes, r2["review_id"], ".md")
    assert "(Round 1 I2, not fixed)" in md2
    declined = md2.split("#### Declined in prior rounds", 1)[1].split("\n---", 1)[0]
    assert "raised again" not in declined, declined

    # Round 3: both raised; the load one is left out, the save one carried.
    _next_commit(repo, 3)
    r3 = run_round(fakes, repo, _review(both, "\n## Round 2 Fix Verdicts\n\n- I1: not fixed\n"))
    data3 = json.loads(stored(fakes, r3["review_id"], ".json"))
    assert [f["carry_forward"] for f in data3["findings"]] == ["Round 2 I1, not fixed"]

    # Round 4: only the save problem again: still carried, never taken by the decline.
    _next_commit(repo, 4)
    r4 = run_round(
        fakes, repo, _review(SAVE.format(n=1), "\n## Round 3 Fix Verdicts\n\n- I2: not fixed\n")
    )
    data4 = json.loads(stored(fakes, r4["review_id"], ".json"))
    assert data4["header"]["verdict"]["label"] == "Merge with fixes"
    assert [f["carry_forward"] for f in data4["findings"]] == ["Round 3 I2, not fixed"]
    assert [v["prior_id"] for v in data4["round_info"]["fix_verdicts"]] == ["I2"]
    assert data4["round_info"]["declined"][0]["raised_again"] is False
