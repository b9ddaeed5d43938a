"""`context apply` over a deep-review-context.md that an earlier `context apply` wrote and nobody
committed yet: an untracked file is an uncommitted change too, refused before any diff is shown
unless --force (the README says so beside the command)."""

from __future__ import annotations

from pathlib import Path

from support.first_round import first_round
from support.repos import run_cli

REASON = "by design: callers validate the divisor"


def test_a_context_file_left_uncommitted_needs_force(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0
    first = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    assert "(not committed)" in first.stdout
    written = (repo / "deep-review-context.md").read_text(encoding="utf-8")

    again = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert again.returncode == 2, again.stderr
    assert again.stdout == ""
    assert "has uncommitted changes" in again.stderr and "or pass --force" in again.stderr
    assert "`git stash -u` for a new file" in again.stderr  # a plain stash leaves it
    forced = run_cli(["context", "apply", rid, "--yes", "--force"], cwd=repo, env=env)
    assert forced.returncode == 0, forced.stderr
    assert "already in deep-review-context.md" in forced.stdout, forced.stdout
    assert (repo / "deep-review-context.md").read_text(encoding="utf-8") == written
