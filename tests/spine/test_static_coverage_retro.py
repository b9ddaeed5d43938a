"""Trial 26 defect 10: a file the static seat says it did not analyse (binary, deleted, symlink)
is not reviewed: the retro's Files reviewed does not count it. Coverage misses names only the
symlink: a deletion or a binary file has no line an analyzer could read (`Target.lineless_paths`;
tests/spine/test_lineless_coverage_cli.py), a symlink's target is text it chose not to follow."""

from __future__ import annotations

import json
import os
from pathlib import Path

from support.repos import cli_env, commit_all, commit_on_base, git, make_repo, run_cli, write


def test_files_the_static_seat_did_not_analyse_are_not_reviewed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, "old.txt", "going away\n", "old")
    git(repo, "rm", "-q", "old.txt")
    write(repo, "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    os.symlink("calc.py", repo / "link.py")
    commit_all(repo, "Binary, symlink, deletion")

    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text())
    (static,) = report["retro"]["seats"]
    cells = dict(static["cells"])
    # calc.py and util/strings.py were analysed; logo.png, link.py and old.txt were not
    assert cells["Files reviewed"] == "2/5", cells
    assert cells["Coverage misses"] == "1 (`link.py` not analyzed)", cells
    assert "Coverage misses: `link.py` not analyzed." in static["narrative"]
