"""A checkout whose path holds a newline (trial46a #12) is read at its whole path, not at the
path cut before the newline (another folder, or another repository)."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, git, make_repo, write


def test_the_checkout_with_a_newline_in_its_path_is_the_one_reviewed(tmp_path: Path) -> None:
    src = make_repo(tmp_path, "src")
    other = tmp_path / "proj"  # a repository at the path cut before the newline
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    write(other, "other.py", "OTHER = 1\n")
    commit_all(other, "other")
    write(other, "other.py", "OTHER = 2\n")
    commit_all(other, "other2")
    checkout = tmp_path / "proj\nv2"
    git(tmp_path, "clone", "-q", str(src), str(checkout))
    res = Fakes(tmp_path).review(checkout, "HEAD~1..HEAD", "--agents", "static")
    assert res.returncode == 0, res.stderr
    changed = run_json(Path(res.json()["review_dir"]))["target"]["changed_files"]
    assert {f["path"] for f in changed} == {"calc.py", "util/strings.py"}
