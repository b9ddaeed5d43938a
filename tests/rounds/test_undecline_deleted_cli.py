"""A decline outlives the review it was recorded from (`delete` keeps it: it belongs to the
series), so `undecline ID I1` still removes it once that review is gone (trial 58b, defect 2)."""

from __future__ import annotations

from pathlib import Path

from support.first_round import first_round
from support.repos import run_cli


def test_undecline_removes_a_decline_whose_review_was_deleted(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    env = fakes.env()
    rid = first["review_id"]
    assert (
        run_cli(["decline", rid, "I1", "--reason", "by design"], cwd=repo, env=env).returncode == 0
    )
    assert run_cli(["delete", rid, "--yes"], cwd=repo, env=env).returncode == 0
    assert f"{rid} I1" in run_cli(["declines"], cwd=repo, env=env).stdout

    res = run_cli(["undecline", rid, "I1"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert f"Removed the decline of I1 (Division by zero is not handled) from {rid}." in res.stdout
    listed = run_cli(["declines"], cwd=repo, env=env).stdout.strip()
    assert listed == "No declined findings of repository repo."

    # an ID that never was a review, nor recorded a decline, is still an unknown review
    res = run_cli(["undecline", "20200101-000000-nope", "I1"], cwd=repo, env=env)
    assert res.returncode == 2 and "no review '20200101-000000-nope'" in res.stderr
