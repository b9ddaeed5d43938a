"""What the seat and lead prompt tests share: where a prompt's own text has runs of empty
lines, and a repository whose change bumps a submodule."""

from __future__ import annotations

import re
from pathlib import Path

from support.repos import commit_all, git, make_repo

_DATA = re.compile(r"<<<UNTRUSTED DATA .*?<<<END UNTRUSTED DATA [^>]*>>>", re.DOTALL)


def blank_runs(prompt: str) -> list[str]:
    """Where the prompt's own text (not the author's or the seats' data, whose blank lines are
    their own) has two or more empty lines in a row."""
    text = _DATA.sub("<DATA>", prompt)
    return [text[max(0, m.start() - 40) : m.end() + 20] for m in re.finditer(r"\n{3,}", text)]


def submodule_bump(tmp_path: Path) -> tuple[Path, str, str]:
    """A repo whose branch `bump` moves `vendor/lib` (added on `sub`) from `old` to `new`:
    (repo, old, new). Review it as `sub..bump`."""
    sub = make_repo(tmp_path, "lib")
    old = git(sub, "rev-parse", "main")
    new = git(sub, "rev-parse", "feature/x")
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "sub", "main")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(sub), "vendor/lib")
    git(repo / "vendor/lib", "checkout", "-q", old)
    commit_all(repo, "add submodule")
    git(repo, "checkout", "-q", "-b", "bump")
    git(repo / "vendor/lib", "checkout", "-q", new)
    commit_all(repo, "bump submodule")
    return repo, old, new
