"""A changed file with no changed line a review could cite at the review SHA (a deletion, a
binary file, a submodule, a rename with no edit) is no coverage miss of any seat, through the
real `deep-review review A..B`: the static seat's `Not analyzed (deleted)` row, a model's
`Trivial` row or its silence about such a file is no fault of theirs. A changed text file
either of them passed over stays a miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write

# a complete review that names no file: the model seat read the change and found nothing
SILENT = (
    "## Executive Summary\n\nRead the change; nothing wrong with it.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def _cells(tmp: Path, repo: Path, review: str = SILENT) -> dict[str, dict[str, str]]:
    """seat -> its retro cells, for `review HEAD~1..HEAD` by a fake `claude` printing `review`
    and the static seat."""
    fakes = Fakes(tmp)
    fakes.agent("claude", {"review": review})
    res = fakes.review(
        repo, "HEAD~1..HEAD", "--agents", "claude,static", env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr[-2000:]
    out: dict[str, Any] = res.json()
    assert {s["status"] for s in out["seats"]} == {"ok"}, out["seats"]
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return {s["seat"]: dict(s["cells"]) for s in report["retro"]["seats"]}


def test_a_change_that_only_deletes_a_file_is_no_coverage_miss(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "rm", "-q", "util/strings.py")
    commit_all(repo, "Drop shout")
    cells = _cells(tmp_path, repo)
    assert cells["static"]["Coverage misses"] == "0", cells["static"]
    assert cells["claude"]["Coverage misses"] == "0", cells["claude"]
    # nothing was read in it: it is not counted as reviewed either
    assert cells["static"]["Files reviewed"] == "0/1", cells["static"]


def test_a_change_that_only_changes_a_binary_file_is_no_coverage_miss(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "logo.png", PNG + b"\x00one")
    commit_all(repo, "Add a logo")
    write(repo, "logo.png", PNG + b"\x00two")
    commit_all(repo, "Redraw the logo")
    trivial = SILENT + "\n## Coverage Summary\n\n| File | Status |\n|---|---|\n"
    trivial += "| logo.png | Trivial |\n"
    cells = _cells(tmp_path, repo, trivial)
    assert cells["static"]["Coverage misses"] == "0", cells["static"]
    assert cells["claude"]["Coverage misses"] == "0", cells["claude"]


def test_a_rename_with_no_edit_is_no_coverage_miss(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "mv", "util/strings.py", "util/text.py")
    commit_all(repo, "Rename strings to text")
    cells = _cells(tmp_path, repo)
    assert cells["claude"]["Coverage misses"] == "0", cells["claude"]
    assert cells["static"]["Coverage misses"] == "0", cells["static"]


def test_a_submodule_bump_is_no_coverage_miss(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    first, second = git(repo, "rev-parse", "HEAD~1").strip(), git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{first},vendor/lib")
    git(repo, "commit", "-q", "-m", "Vendor lib")
    git(repo, "update-index", "--cacheinfo", f"160000,{second},vendor/lib")
    git(repo, "commit", "-q", "-m", "Bump lib")
    cells = _cells(tmp_path, repo)
    assert cells["static"]["Coverage misses"] == "0", cells["static"]
    assert cells["claude"]["Coverage misses"] == "0", cells["claude"]


def test_a_changed_text_file_passed_over_is_still_a_miss(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "rm", "-q", "util/strings.py")
    write(repo, "calc.py", "def add(a, b):\n    return a + b + 0\n")
    # a text file the static seat does not analyse (past its size limit) is still its miss
    write(repo, "data.txt", "x = 1\n" * 200_000)
    commit_all(repo, "Drop shout, touch add, add data")
    cells = _cells(tmp_path, repo)
    assert cells["claude"]["Coverage misses"] == "2 (`calc.py`, `data.txt` not mentioned)", cells[
        "claude"
    ]
    assert cells["static"]["Coverage misses"].startswith("1 (`data.txt` not analyzed"), cells[
        "static"
    ]
