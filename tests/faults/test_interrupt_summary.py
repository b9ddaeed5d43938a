"""What the final summary says of each seat after Ctrl-C: a seat the interrupt stopped is no
`ok` seat, though an earlier pass of it finished; one that finished before it is."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, run_json
from rounds.test_passes_worktree_cli import _alpha, _lines, _pass_2_running
from support.interrupt import interrupt_review
from support.rounds import make_branch_repo


def test_a_seat_stopped_in_pass_2_reads_interrupted_in_the_summary(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    starts = tmp_path / "alpha-starts"
    alpha = _alpha(fakes, "slow", "--sleep", "120", "--slow-when", "## Pass 2")
    fakes.write_config({"alpha": alpha, "beta": fakes.seat("ok")})
    args = ["review", "--agents", "alpha,beta", "--lead", "none", "--passes", "2"]
    run = interrupt_review(
        args,
        cwd=repo,
        env=fakes.env(),
        when=lambda: _pass_2_running(fakes.store) and len(_lines(starts)) == 2,
        what="pass 2 to start",
    )
    assert run.returncode == 130, run.stderr
    summary = run.stderr.split("[alpha] interrupted", 1)[1].splitlines()[1:]
    assert summary == [
        "  alpha: interrupted in pass 2 (pass 1 kept)",
        "  beta: ok",  # it finished before the interrupt
        f"Interrupted. Finished seats are kept; run `deep-review resume {_rid(fakes)}`.",
    ]
    # --json says the same of each seat; run.json keeps pass 1's ok (resume reruns pass 2 only)
    state = run_json(next(fakes.store.glob("*/run.json")).parent)
    assert state["seats"]["alpha"]["status"] == "ok"
    assert [(e["pass_no"], e["status"]) for e in state["seats"]["alpha"]["passes"]] == [
        (1, "ok"),
        (2, "pending"),
    ]


def _rid(fakes: Fakes) -> str:
    return next(fakes.store.glob("*/run.json")).parent.name
