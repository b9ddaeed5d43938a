"""`review origin/topic` (a remote-tracking branch, trial46a #5): the advice reviews what the
branch changed against its base, not only its last commit (`origin/topic~1..origin/topic`)."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import git, make_repo


def test_a_remote_tracking_branch_is_advised_as_a_three_dot_range(tmp_path: Path) -> None:
    up = make_repo(tmp_path, "up")  # feature/x: two files changed over main
    git(up, "checkout", "-q", "main")
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(up), str(work))
    fakes = Fakes(tmp_path)
    res = fakes.review(work, "origin/feature/x", "--agents", "static")
    assert res.returncode == 2
    assert "remote-tracking branch" in res.stderr
    assert "origin/main...origin/feature/x" in res.stderr, res.stderr
    assert "origin/feature/x~1..origin/feature/x" not in res.stderr

    advised = fakes.review(work, "origin/main...origin/feature/x", "--agents", "static")
    assert advised.returncode == 0, advised.stderr
    changed = run_json(Path(advised.json()["review_dir"]))["target"]["changed_files"]
    assert {f["path"] for f in changed} == {"calc.py", "util/strings.py"}
