"""`--passes N` and the static seat: its analyzers answer the same on every pass, so a second
pass would only repeat its review, add to its time and double its tool calls. It runs once,
whatever it found; a model seat beside it still looks again; the retro says why the static seat
has one pass."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, make_repo
from support.review_texts import ONE_FINDING_REVIEW


def test_the_static_seat_runs_once_with_passes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    # an Important finding for the static seat (ruff F821): a model seat would look again
    (repo / "bad.py").write_text("def f():\n    return undefined_thing\n", encoding="utf-8")
    commit_all(repo, "Add f")
    fakes = Fakes(tmp_path)
    review = tmp_path / "review.md"
    review.write_text(ONE_FINDING_REVIEW, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review))})
    res = fakes.review(repo, "--agents", "alpha,static", "--passes", "2", env=fakes.env())
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.json()
    review_dir = Path(out["review_dir"])

    state = run_json(review_dir)
    alpha, static = state["seats"]["alpha"], state["seats"]["static"]
    assert [e["pass_no"] for e in alpha["passes"]] == [1, 2]  # the other seat looks again
    assert [(e["pass_no"], e["status"]) for e in static["passes"]] == [(1, "ok")]
    assert not list(review_dir.glob("*-static-pass-2*")), sorted(
        p.name for p in review_dir.iterdir()
    )
    run = static["run"]
    # one run of each analyzer: its counts are one pass's
    assert run["tool_calls"] == len(run["tool_counts"]) > 0, run
    assert all(n == 1 for _, n in run["tool_counts"]), run

    # the live lines: it ran and ended once (no second "running" with the first pass's figures)
    static_lines = [ln for ln in res.stderr.splitlines() if ln.startswith("[static] ")]
    assert static_lines[0] == "[static] running", res.stderr
    assert len(static_lines) == 2 and re.fullmatch(
        rf"\[static\] ok \([^,()]+, {run['tool_calls']} tool calls\)", static_lines[1]
    ), res.stderr
    (seat,) = [s for s in out["seats"] if s["seat"] == "static"]
    assert seat["tool_calls"] == run["tool_calls"]

    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert [(a["name"], a["pass_no"]) for a in report["appendix"]] == [
        ("Alpha", 1),
        ("Alpha", 2),
        ("Static analysis", 1),
    ]
    narratives = {s["seat"]: s["narrative"] for s in report["retro"]["seats"]}
    assert "Passes — pass 1: 0C 1I 0S (1 new)" in narratives["alpha"]
    assert (
        "Passes — one: its analyzers find the same on every pass, so `--passes 2` ran them once."
        in narratives["static"]
    ), narratives["static"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "### [Static analysis] — Pass 2" not in md
