"""The static seat's analyzers read what the change committed, and all of it that they can.

trial45b: `*.cfg working-tree-encoding=UTF-16LE` in the change's own `.gitattributes` made the
seat's worktree hold UTF-16 files, which ruff and detect-secrets read: a committed secret went
unflagged and unredacted, Python read as a syntax error (defect 10). And one 20 MB data file
beside the change's code ran detect-secrets into the seat's timeout: every static finding on
the other files was lost, the secret unredacted (defect 9). The analyzers now read the
committed blobs, and skip (saying so) files over a size cap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes, grep_store
from support.repos import commit_all, git, make_repo, write

_SECRET = "Zv81kQ7mN2pL5vR9tY3wXY"
_EVIL = f'import subprocess\nDB_PASSWORD = "{_SECRET}"\nsubprocess.call(input(), shell=True)\n'


def _review(tmp_path: Path, repo: Path, *args: str) -> tuple[dict, dict, str]:  # type: ignore[type-arg]
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "echo,static", *args)
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text())
    static = (Path(out["review_dir"]) / "review-static-pass-1.md").read_text()
    return out, report, static


def _titles(report: dict) -> str:  # type: ignore[type-arg]
    return " ".join(f["title"] for f in report["findings"]).lower()


@pytest.mark.slow
def test_the_changes_working_tree_encoding_does_not_blind_the_analyzers(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "hidden")
    encoded = "text working-tree-encoding=UTF-16LE"
    write(repo, ".gitattributes", f"*.cfg {encoded}\nevil.py {encoded}\n")
    write(repo, "settings.cfg", f'PASSWORD = "{_SECRET}"\n'.encode("utf-16-le"))
    write(repo, "evil.py", _EVIL.encode("utf-16-le"))
    commit_all(repo, "hidden")
    # git stores the text as UTF-8: the blob is what the change commits
    assert _SECRET in git(repo, "show", "HEAD:settings.cfg")
    _out, report, _static = _review(tmp_path, repo)
    titles = _titles(report)
    assert "secret" in titles, titles
    assert "syntax error" not in titles, titles
    flagged = {loc["path"] for f in report["findings"] for loc in f["locations"]}
    assert {"settings.cfg", "evil.py"} <= flagged, report["findings"]
    assert "shell=true" in titles, titles
    assert grep_store(tmp_path / "store", [_SECRET]) == []


@pytest.mark.slow
def test_one_huge_file_is_skipped_and_the_rest_is_scanned(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "med")
    line = 'VALUE_%08d = "' + "a" * 80 + '"\n'
    count = int(1024 * 1024 * 1.1) // len(line % 0) + 1  # just over 1.1 MiB
    write(repo, "data.py", "".join(line % i for i in range(count)))
    write(repo, "evil.py", _EVIL)
    commit_all(repo, "med")
    _out, report, static = _review(tmp_path, repo)
    titles = _titles(report)
    assert "secret" in titles and "shell=true" in titles, titles
    assert "Not analyzed (too large: 1.1 MiB > 1 MiB limit)" in static, static
    assert "Not scanned, too large (over 1 MiB): `data.py` (1.1 MiB)." in static, static
    assert report["header"]["verdict"]["label"] == "Rework", report["header"]
    assert grep_store(tmp_path / "store", [_SECRET]) == []
