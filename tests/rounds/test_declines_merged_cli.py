"""A decline takes at most the finding it declined (trial 58b, defect 4): when a seat's new
problem at the declined finding's line is merged with another seat's re-raise of it, the
merged finding is reported (its text is the new problem), and the decline says it was raised
again within it — never "Merge as-is" with the new problem in no section."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, run_cli, write
from support.rounds import read_branch_repo, stored

EMPTY = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n{}\n\n"
    "### Suggestions\n\nNone.\n"
)
LEAK = (
    "I1. **File handle leaked in `read`** — `util.py:5` (important, resource)\n\n"
    "`open(path).read()` never closes the file."
)
# the new problem's text names the leak too: one finding with the re-raise (a finding that
# never mentions the leak is another problem there, reported apart)
MISSING = (
    "I1. **`read` crashes on a missing file** — `util.py:5` (important, robustness)\n\n"
    '`read("nope")` raises FileNotFoundError that callers do not expect; when the file '
    "exists, the handle it opens is leaked."
)


def _round(fakes: Fakes, repo: Path, alpha: str, beta: str) -> str:
    seats = {}
    for name, text in (("alpha", alpha), ("beta", beta)):
        path = fakes.tmp / f"{name}.md"
        path.write_text(EMPTY.format(text), encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", "alpha,beta", "--lead", "none", "--format", "md")
    assert res.returncode == 0, res.stderr
    rid: str = res.json()["review_id"]
    return rid


def test_a_decline_leaves_a_new_problem_merged_with_its_reraise_reported(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = read_branch_repo(tmp_path)
    rid1 = _round(fakes, repo, "None.", LEAK)
    res = run_cli(
        ["decline", rid1, "I1", "--reason", "short-lived script"], cwd=repo, env=fakes.env()
    )
    assert res.returncode == 0, res.stderr

    write(repo, "notes.txt", "unrelated\n")
    commit_all(repo, "Notes")
    rid2 = _round(fakes, repo, MISSING, LEAK)
    data = json.loads(stored(fakes, rid2, ".json"))
    assert [f["title"] for f in data["findings"]] == ["`read` crashes on a missing file"]
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    [declined] = data["round_info"]["declined"]
    assert declined["left_out_as"] == "" and declined["within"] == "I1"
    md = stored(fakes, rid2, ".md")
    assert (
        "short-lived script (raised again within I1, merged with another reviewer's finding)" in md
    )
