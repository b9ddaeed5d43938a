"""`context apply` over an uncommitted deep-review-context.md that it could never write (a
symbolic link, a file that is not UTF-8): the line says that, not "commit them", whose advice
followed would only lead to the next refusal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.first_round import first_round
from support.repos import run_cli

REASON = "by design: callers validate the divisor"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        ("link", "is a symbolic link, not a regular file"),
        ("latin1", "it is not UTF-8 text"),
    ],
)
def test_the_files_own_problem_comes_before_uncommitted(
    tmp_path: Path, make: str, words: str
) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0
    path = repo / "deep-review-context.md"
    if make == "link":
        target = tmp_path / "elsewhere.md"
        target.write_text("- keep me\n", encoding="utf-8")
        os.symlink(target, path)
    else:
        path.write_bytes("- caf\xe9\n".encode("latin-1"))
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert words in line, line
    assert "uncommitted changes" not in line, line
    if make == "link":
        assert (tmp_path / "elsewhere.md").read_text(encoding="utf-8") == "- keep me\n"
