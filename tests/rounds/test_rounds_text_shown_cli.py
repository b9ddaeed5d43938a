"""A later round sees as text what the review's diff shows as text (hmisc9 item 3).

The review's diff shows a file as text even when git would not: one the change's own
`.gitattributes` mark `-diff` (the diff ignores attributes, `targets.attributes`) and one that
is text apart from its NUL bytes (`targets.nul_text`). A round's interdiff and the check
whether a declined finding's lines changed ran a plain `git diff`: the interdiff read "Binary
files … differ" (the seats saw no line of what changed since round 1) and a declined finding's
changed lines read as unchanged (no hunk to compare with), so it stayed declined. Both kinds
of file, the same two rounds, through the real command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored

# how `calc.py`'s comment line reads on the branch: a NUL byte in it, or plain beside a
# `.gitattributes` that marks `calc.py -diff` (checked out)
KINDS = {"gitattributes": b"    # divide\n", "nul_text": b"    # divide \0\n"}


def _repo(fakes: Fakes, kind: str) -> Path:
    """`make_branch_repo` whose branch hides `calc.py` from a plain `git diff` as `kind` does."""
    repo = make_branch_repo(fakes.tmp)
    if kind == "gitattributes":
        write(repo, ".gitattributes", "calc.py -diff\n")
        commit_all(repo, "Hide calc.py from git diff")
    else:
        write(repo, "calc.py", _calc(kind, b"    return a / b\n"))
        commit_all(repo, "Mark the comment")
    return repo


def _calc(kind: str, body: bytes) -> bytes:
    return b"def div(a, b):\n" + KINDS[kind] + body


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_rounds_interdiff_shows_the_file_as_text(tmp_path: Path, kind: str) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(fakes, kind)
    run_round(fakes, repo, ROUND1)
    write(repo, "calc.py", _calc(kind, b"    return a / b if b else 0.0\n"))
    commit_all(repo, "Handle a zero divisor")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    prompt = (fakes.store / rid2 / "prompt-alpha.md").read_text(encoding="utf-8")
    later = prompt.split("## A later round: what changed since round 1", 1)[1]
    assert "+    return a / b if b else 0.0" in later
    assert "Binary files" not in later


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_declined_finding_on_the_file_sees_its_lines_change(tmp_path: Path, kind: str) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(fakes, kind)
    rid1 = run_round(fakes, repo, ROUND1)["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", _calc(kind, b"    return (a / b)\n"))
    commit_all(repo, "Parenthesise")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["round_info"]["declined"][0]["code_changed"] is True
    assert "(declined, code changed)" in stored(fakes, rid2, ".md")
