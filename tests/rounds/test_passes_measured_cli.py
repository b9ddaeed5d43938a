"""`--passes N`: a seat's measured run is the sum of its passes, everywhere it is shown.

The fake `claude` reports, per run, $0.0421, 2000 tokens in (1200 + 300 cache writes + 500
cache reads), 240 out, 1520 ms of its own time and 3 Bash calls (`git log`, `git blame`,
`git diff`). Its review raises an Important issue, so it reviews again (pass 2); pass 2 says
the same thing again (nothing new), so it stops there: two paid runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo, stored

ONE_RUN = {"cost": 0.0421, "tokens_in": 2000, "tokens_out": 240, "cli_ms": 1520, "tools": 3}


def test_a_seats_run_is_the_sum_of_its_passes(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.agent("claude", {"review": ROUND1})
    env = fakes.env(agents=True)
    res = fakes.review(repo, "--agents", "claude", "--passes", "2", env=env)
    assert res.returncode == 0, res.stderr
    out = res.json()
    rid, review_dir = out["review_id"], Path(out["review_dir"])
    assert (review_dir / "transcript-claude-pass-2.jsonl").is_file()

    state = run_json(review_dir)
    passes = state["seats"]["claude"]["passes"]
    assert [(e["pass_no"], e["status"]) for e in passes] == [(1, "ok"), (2, "ok")]
    run = state["seats"]["claude"]["run"]
    assert run["status"] == "ok"
    assert run["cost_usd"] == pytest.approx(2 * ONE_RUN["cost"])
    assert (run["tokens_in"], run["tokens_out"]) == (4000, 480)
    assert run["cli_duration_ms"] == 2 * ONE_RUN["cli_ms"]
    assert run["tool_calls"] == 6
    assert run["tool_counts"] == [["Bash", 6]]
    assert run["shell_breakdown"] == [["git blame", 2], ["git diff", 2], ["git log", 2]]
    # The seat's time is the sum of its passes' (they run one after another in its thread).
    assert run["duration_s"] == pytest.approx(sum(e["duration_s"] for e in passes), abs=0.002)

    # `review --json`
    (seat,) = out["seats"]
    assert seat["tool_calls"] == 6
    assert seat["duration_s"] == pytest.approx(run["duration_s"], abs=0.002)
    # the README's promise: cost and tokens summed over the passes, in `review --json` too
    assert (seat["cost_usd"], seat["tokens_in"], seat["tokens_out"]) == (0.0842, 4000, 480)
    assert seat["duration_s"] == round(seat["duration_s"], 3)  # no float noise
    # the terminal's last line for the seat says the same: both passes, not the last one
    finals = [ln for ln in res.stderr.splitlines() if ln.startswith("[claude] ok (")]
    assert finals[-1].endswith(", 6 tool calls)"), res.stderr

    # The report: its runs and its retro.
    report = json.loads(stored(fakes, rid, ".json"))
    (measured,) = report["runs"]
    assert measured["cost_usd"] == pytest.approx(0.0842)
    assert measured["tool_calls"] == 6
    md = stored(fakes, rid, ".md")
    assert "| Tool calls | 6 (Bash 6) |" in md
    assert "Ran 2 `git blame` commands." in md
    assert "pass 1: 0C 1I 0S (1 new)" in md and "pass 2: 0C 1I 0S (0 new)" in md

    # `stats`
    stats = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert stats.returncode == 0, stats.stderr
    (row,) = stats.json()["seats"]
    assert row["cost_usd"] == pytest.approx(0.0842)
    assert (row["tokens_in"], row["tokens_out"]) == (4000, 480)
    # The measured run, as the retro shows it (not the CLI's own 2 × 1520 ms), to a tenth.
    assert row["duration_median_s"] == round(run["duration_s"], 1)
