"""The user's checkout is deleted while the seats run (`rm -rf` in another terminal, a CI
workspace cleaned up): through the real `deep-review` command with a seat that deletes it.
The seats' worktrees can no longer be checked by git: that reads as unknown, never as the seat
having changed its worktree ("HEAD moved to nothing"); the review stops with one line saying
the repository is gone instead of running the lead in it, and keeps what the seats wrote."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo


def test_a_checkout_deleted_mid_review_stops_it_and_keeps_the_seats(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    # One seat: a second one removing its worktree while the checkout is deleted could take
    # the repository's lock just before and make its `.git` folder again.
    fakes.write_config({"vandal": fakes.seat("delete-victim", "--victim", str(repo))})
    res = fakes.review(repo, "--agents", "vandal", lead="none")
    assert not repo.exists(), (res.stdout, res.stderr)
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("deep-review:")]
    assert len(errors) == 1, res.stderr
    assert f"the repository {repo} is gone" in errors[0], errors[0]
    assert "modified its worktree" not in res.stderr + res.stdout
    (review_dir,) = [p for p in fakes.store.iterdir() if (p / "run.json").is_file()]
    state = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["status"] == "failed"
    assert f"deep-review resume {review_dir.name}" in errors[0], errors[0]
    entry = state["seats"]["vandal"]
    assert entry["status"] == "ok", entry
    assert not entry["run"].get("worktree_changes"), entry  # was "HEAD moved to nothing"
    assert (review_dir / "review-vandal-pass-1.md").is_file()
    assert not list(fakes.store.glob(f"{review_dir.name}.*"))  # no report from a lost repository
