"""A branch and a tag of one name (trial46a #4): `review topic`, `main..topic` and
`main...topic` all review the branch, as `review topic` does, and say that a tag of that name
exists and how to review it; git alone takes the tag in a range, without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, git, make_repo, write


def _paths(out: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["path"] for f in run_json(Path(out["review_dir"]))["target"]["changed_files"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "b.py", "B = 2\n")
    commit_all(repo, "b")
    write(repo, "c.py", "C = 3\n")
    commit_all(repo, "c")
    git(repo, "tag", "topic", "topic~1")  # a tag once cut from the branch
    git(repo, "checkout", "-q", "main")
    return repo


@pytest.mark.parametrize("spec", ["topic", "main..topic", "main...topic"])
def test_every_form_reviews_the_branch_and_names_the_tag(
    tmp_path: Path, repo: Path, spec: str
) -> None:
    res = Fakes(tmp_path).review(repo, spec, "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert _paths(res.json()) == {"b.py", "c.py"}  # the branch's tip, not the tag's
    notes = [line for line in res.stderr.splitlines() if line.startswith("note:")]
    said = " ".join(notes)
    assert "'topic' is both a branch and a tag" in said, res.stderr
    assert "refs/tags/topic" in said


def test_the_tag_is_reviewed_when_named_in_full(tmp_path: Path, repo: Path) -> None:
    res = Fakes(tmp_path).review(repo, "main..refs/tags/topic", "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert _paths(res.json()) == {"b.py"}
    assert "both a branch and a tag" not in res.stderr
