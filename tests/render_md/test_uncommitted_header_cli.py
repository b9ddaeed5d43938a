"""An `--uncommitted` review's report said nothing of what it reviewed: `Branch main` and a
Review SHA that is a snapshot commit of the work tree (on no branch, never pushed), so a
maintainer read it as a review of main's last commit. The header's Mode row says it, with the
commit the changes sit on; `list` already says "uncommitted changes on main"."""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, git, make_repo, run_cli, write


def test_the_header_says_the_review_is_of_uncommitted_changes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "calc.py", "def add(a, b):\n    return a + b + 0\n")
    head = git(repo, "rev-parse", "HEAD")
    printing_seats(tmp_path, {"calm": NO_FINDINGS})
    res = run_cli(
        ["review", "--uncommitted", "--agents", "calm", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr[-2000:]
    paths = res.json()["paths"]
    header = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))["header"]
    assert header["review_sha"] != head
    mode = header["mode"] or ""
    assert "uncommitted changes" in mode and head[:7] in mode, header
    md = Path(paths["md"]).read_text(encoding="utf-8")
    row = next(ln for ln in md.splitlines() if ln.startswith("| **Mode** |"))
    assert "uncommitted changes" in row and head[:7] in row, row
    html = Path(paths["html"]).read_text(encoding="utf-8")
    assert "<dt>Mode</dt><dd>uncommitted changes" in html


def test_a_branch_review_has_no_mode_row(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"calm": NO_FINDINGS})
    res = run_cli(
        ["review", "--agents", "calm", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr[-2000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "| **Mode** |" not in md
