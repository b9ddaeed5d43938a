"""A decline's reason written over several lines (`--reason "$(cat why.txt)"`) is listed by
`declines` on the decline's one line, as every other decline: before, its second line started
a line of its own that read as another decline. The reason itself is kept as written
(`declines --json`)."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo, run_round

REASON = "by design:\nthe retries are idempotent\n\nsee the runbook"


def test_a_reason_over_several_lines_is_listed_on_one_line(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    rid = run_round(fakes, repo, ROUND1)["review_id"]
    env = fakes.env()
    done = run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 1, done.stdout
    listed = run_cli(["declines"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.strip().splitlines()
    assert line.endswith("by design: the retries are idempotent see the runbook"), line
    [kept] = run_cli(["declines", "--json"], cwd=repo, env=env).json()["declines"]
    assert kept["reason"] == REASON
