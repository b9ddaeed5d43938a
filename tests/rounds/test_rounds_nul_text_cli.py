"""A NUL-text file changed or renamed only between two rounds is text in the interdiff too.

A round's interdiff shows a file that is text apart from its NUL bytes (`targets.nul_text`) as
text, as the review's diff does (the file the review's diff shows so, and a declined finding's
lines on it: `test_rounds_text_shown_cli`). One the branch did not change in round 1, or
renamed since, is text there as well: the interdiff finds its own such files, and both names
of a renamed one are shown as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import commit_all, git, write
from support.rounds import ROUND1, make_branch_repo, run_round


def _nul_repo(fakes: Fakes) -> Path:
    """`make_branch_repo` whose branch's `calc.py` holds a NUL byte in a comment."""
    repo = make_branch_repo(fakes.tmp)
    write(repo, "calc.py", b"def div(a, b):\n    # divide \0\n    return a / b\n")
    commit_all(repo, "Mark the comment")
    return repo


@pytest.mark.parametrize("renamed", [False, True])
def test_a_nul_text_file_first_changed_after_round_1_is_text_in_the_interdiff(
    tmp_path: Path, renamed: bool
) -> None:
    """A NUL-text file the branch did not touch in round 1 and changed since (renamed too):
    its lines show in round 2's interdiff and diff (not "Binary files … differ"), each NUL
    as `␀`."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(fakes.tmp)
    git(repo, "checkout", "-q", "main")
    write(repo, "notes.py", b"# notes \0\nLIMIT = 1\nA = 1\nB = 2\nC = 3\n")
    commit_all(repo, "Add notes")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main")
    run_round(fakes, repo, ROUND1)
    if renamed:
        git(repo, "mv", "notes.py", "limits.py")
    write(
        repo,
        "limits.py" if renamed else "notes.py",
        b"# notes \0\nLIMIT = 2\nA = 1\nB = 2\nC = 3\n",
    )
    commit_all(repo, "Raise the limit")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    prompt = (fakes.store / rid2 / "prompt-alpha.md").read_text(encoding="utf-8")
    later = prompt.split("## A later round: what changed since round 1", 1)[1]
    assert "+LIMIT = 2" in later, later
    assert "# notes ␀" in prompt, prompt
    assert "Binary files" not in prompt, prompt


def test_a_nul_text_file_renamed_since_round_1_is_text_in_the_interdiff(tmp_path: Path) -> None:
    """Added in round 1, renamed (and edited) since: round 2's change adds the new name, the
    interdiff renames the old one; both sides of that rename are text there too."""
    fakes = Fakes(tmp_path)
    repo = _nul_repo(fakes)
    write(repo, "notes.py", b"# notes \0\nLIMIT = 1\nA = 1\nB = 2\nC = 3\n")
    commit_all(repo, "Add notes")
    run_round(fakes, repo, ROUND1)
    git(repo, "mv", "notes.py", "limits.py")
    write(repo, "limits.py", b"# notes \0\nLIMIT = 2\nA = 1\nB = 2\nC = 3\n")
    commit_all(repo, "Rename the notes")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    prompt = (fakes.store / rid2 / "prompt-alpha.md").read_text(encoding="utf-8")
    later = prompt.split("## A later round: what changed since round 1", 1)[1]
    assert "rename from notes.py" in later, later
    assert "+LIMIT = 2" in later, later
    assert "Binary files" not in later, later
