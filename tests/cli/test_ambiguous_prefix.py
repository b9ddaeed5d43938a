"""A short commit ID that two commits share (trial46a #2): the line says it is ambiguous,
names the commits and asks for more hex digits, as git does, instead of "unknown ref"."""

from __future__ import annotations

import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import git


def _repo_with_shared_prefix(tmp: Path) -> tuple[Path, str]:
    """A repository of 1,500 commits (fixed dates: the same SHAs every run) and a 4-digit
    prefix that two of its commits share."""
    repo = tmp / "amb"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    stream = []
    for i in range(1500):
        data, msg = f"{i}\n", f"c{i}\n"
        stream.append(
            f"commit refs/heads/main\ncommitter t <t@t> {1767225600 + i} +0000\n"
            f"data {len(msg)}\n{msg}M 100644 inline f\ndata {len(data)}\n{data}"
        )
    with subprocess.Popen(["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE) as p:
        p.communicate("".join(stream).encode())
    git(repo, "checkout", "-q", "main")
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for sha in git(repo, "rev-list", "HEAD").split():
        by_prefix[sha[:4]].append(sha)
    # a prefix with a letter: one of digits alone is a PR number (`review 0267`)
    shared = sorted(p for p, shas in by_prefix.items() if len(shas) > 1 and not p.isdigit())
    assert shared, "1,500 commits always share some 4-digit prefix"
    # the oldest commit has no parent: a prefix whose commits both have one
    first = git(repo, "rev-list", "--max-parents=0", "HEAD")
    prefix = next(p for p in shared if first not in by_prefix[p])
    return repo, prefix


@pytest.mark.parametrize("form", ["{p}~1..{p}", "{p}..HEAD", "{p}"])
def test_an_ambiguous_prefix_is_called_ambiguous(tmp_path: Path, form: str) -> None:
    repo, prefix = _repo_with_shared_prefix(tmp_path)
    res = Fakes(tmp_path).review(repo, form.format(p=prefix), "--agents", "static")
    assert res.returncode == 2
    line = res.stderr.strip()
    assert f"'{prefix}' is ambiguous" in line, line
    assert "more hex digits" in line
    assert "unknown ref" not in line and "no local branch" not in line
