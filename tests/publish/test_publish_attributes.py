"""Inline comments are placed on the lines the seats reviewed, whatever `.gitattributes` the
user's checkout holds.

The review's diff ignores attributes (`targets.attributes`), but the publisher read the
reviewed commit's diff lines with a plain `git diff` in the local clone: with the PR checked
out, its own `calc.py -diff` made that diff "Binary files … differ", no line of calc.py was
commentable, and every finding on it went to the summary as "not on the diff".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.repos import git, run_cli

pytestmark = pytest.mark.slow  # a real review, then a publication


def test_an_inline_comment_on_a_file_the_pr_marks_not_to_diff_lands_on_its_line(
    tmp_path: Path,
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, attributes="calc.py -diff\n")
        rid = review(fakes, clone, env).json()["review_id"]
        # The PR checked out (as `gh pr checkout 7` leaves it): its `.gitattributes` is in the
        # worktree, where a plain `git diff` reads them.
        git(clone, "checkout", "-q", "--detach", git(tmp_path / "upstream", "rev-parse", "feature"))
        assert (clone / ".gitattributes").read_text() == "calc.py -diff\n"
        res = run_cli(["publish", rid, "--inline"], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        placed = {(c["path"], c["line"], c["side"]) for c in pull.review_comments}
        # I1 on its own line, I2 re-anchored to line 25; S1 is on no diff line (summary)
        assert placed == {("calc.py", 10, "RIGHT"), ("calc.py", 25, "RIGHT")}
        assert "1 not on the diff" in res.stderr


def test_an_inline_comment_on_a_nul_text_file_lands_on_its_line(tmp_path: Path) -> None:
    """A file that is text apart from a NUL byte is shown to the seats as text
    (`targets.nul_text`); the publisher's diff called it binary, so no line was commentable."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, nul=True)
        out = review(fakes, clone, env).json()
        prompt = (Path(out["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
        assert "+v18 = 18  # ␀" in prompt  # the seats saw it as text
        res = run_cli(["publish", out["review_id"], "--inline"], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        placed = {(c["path"], c["line"], c["side"]) for c in pull.review_comments}
        assert placed == {("calc.py", 10, "RIGHT"), ("calc.py", 25, "RIGHT")}
        assert "1 not on the diff" in res.stderr
