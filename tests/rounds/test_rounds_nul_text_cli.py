"""A file that is text apart from its NUL bytes is text in a later round too (hmisc9 item 3).

The review's diff shows such a file as text (`targets.nul_text`), but a round's interdiff and
the check whether a declined finding's lines changed ran `git diff` without those attributes:
the interdiff read "Binary files … differ" (the seats saw no line of what changed since round
1) and a declined finding's changed lines read as unchanged, so it stayed declined.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored


def _nul_repo(fakes: Fakes) -> Path:
    """`make_branch_repo` whose branch's `calc.py` holds a NUL byte in a comment."""
    repo = make_branch_repo(fakes.tmp)
    write(repo, "calc.py", b"def div(a, b):\n    # divide \0\n    return a / b\n")
    commit_all(repo, "Mark the comment")
    return repo


def test_a_rounds_interdiff_shows_a_nul_text_file_as_text(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _nul_repo(fakes)
    run_round(fakes, repo, ROUND1)
    write(repo, "calc.py", b"def div(a, b):\n    # divide \0\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    prompt = (fakes.store / rid2 / "prompt-alpha.md").read_text(encoding="utf-8")
    later = prompt.split("## A later round: what changed since round 1", 1)[1]
    assert "+    return a / b if b else 0.0" in later
    assert "Binary files" not in later


def test_a_declined_finding_on_a_nul_text_file_sees_its_lines_change(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _nul_repo(fakes)
    rid1 = run_round(fakes, repo, ROUND1)["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", b"def div(a, b):\n    # divide \0\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["round_info"]["declined"][0]["code_changed"] is True
    assert "(declined, code changed)" in stored(fakes, rid2, ".md")


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
