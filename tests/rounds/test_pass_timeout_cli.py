"""A later pass that timed out is reported as such (trial44a #11: the retro said "pass 2: 0C 0I
0S (0 new)", the summary `ok`, --json `reason: null`, as if pass 2 had looked and found
nothing new)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo


def test_a_later_pass_that_timed_out_says_so_everywhere(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    review = fakes.tmp / "round1.md"
    review.write_text(ROUND1, encoding="utf-8")  # an Important finding: pass 2 runs
    seat = fakes.seat(
        "slow", "--sleep", "60", "--slow-when", "## Pass 2", "--review-file", str(review)
    )
    fakes.write_config({"alpha": seat})
    args = ["review", "--agents", "alpha", "--lead", "none", "--passes", "2", "--timeout", "3"]
    res = run_cli(args, cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    said = "pass 2 timed out: the seat's 3.0 s timeout ran out (pass 1 kept)"
    assert f"  alpha: ok: {said}" in res.stderr.splitlines(), res.stderr

    rid = next(fakes.store.glob("*/run.json")).parent.name
    state = run_json(fakes.store / rid)
    entry = state["seats"]["alpha"]
    assert [(e["pass_no"], e["status"]) for e in entry["passes"]] == [(1, "ok"), (2, "timeout")]
    assert entry["status"] == "ok"  # pass 1's review stands
    assert entry["run"]["reason"] == said

    md = (fakes.store / f"{rid}.md").read_text(encoding="utf-8")
    assert f"pass 2: {said.removeprefix('pass 2 ')}" in md
    assert not re.search(r"pass 2: 0C 0I 0S", md)
    page = (fakes.store / f"{rid}.html").read_text(encoding="utf-8")
    assert f"pass 2: {said.removeprefix('pass 2 ')}" in page
    assert "pass 2: 0C 0I 0S" not in page
    report = json.loads((fakes.store / f"{rid}.json").read_text(encoding="utf-8"))
    [run] = [r for r in report["runs"] if r["seat"] == "alpha"]
    assert run["status"] == "ok" and run["reason"] == said
    # the timeline bar gives the Duration row's figure
    duration = re.search(r"<title>Alpha: ok, ([^<—]+?)(?: —|<)", page)
    assert duration is not None, page
    cell = re.search(r"\| Duration \| ([^|]+?) \|", md)
    assert cell is not None and duration.group(1).strip() in cell.group(1), (duration, cell)

    res = run_cli(["show", rid, "--format", "json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
