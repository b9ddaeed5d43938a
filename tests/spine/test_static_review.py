"""`deep-review review --agents static`: the must-show of the spine, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, make_repo, run_cli, write

FAKE_KEY = "AKIAIOSFODNN7EXAMPLE"


@pytest.mark.slow
def test_static_review_reports_unused_import_whitespace_and_key(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(
        repo,
        "svc/config.py",
        "import os\n"  # line 1: unused import
        "\n"
        "REGION = 'eu-west-1'   \n"  # line 3: trailing whitespace
        f'AWS_ACCESS_KEY_ID = "{FAKE_KEY}"\n',  # line 4: fake AWS key
    )
    commit_all(repo, "Add config")
    res = run_cli(["review", "--agents", "static", "--json"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text())
    found = {
        (loc["path"], loc["start"], f["title"])
        for f in report["findings"]
        for loc in f["locations"]
    }
    lines = {(p, s) for p, s, _ in found}
    assert ("svc/config.py", 1) in lines, found  # unused import
    assert ("svc/config.py", 3) in lines, found  # trailing whitespace
    assert ("svc/config.py", 4) in lines, found  # the key
    titles = " ".join(t.lower() for _, _, t in found)
    assert "unused" in titles and "whitespace" in titles and ("aws" in titles or "secret" in titles)
    md = Path(out["paths"]["md"]).read_text()
    assert "svc/config.py:1" in md and "svc/config.py:3" in md and "svc/config.py:4" in md
    # The key itself never lands in the store.
    for path in Path(out["store"]).rglob("*"):
        if path.is_file() and path.suffix != ".sqlite":
            assert FAKE_KEY not in path.read_text(errors="replace"), path
    # No model-backed agent is usable in this environment: the output says only static ran.
    res2 = run_cli(["review", "--json"], cwd=repo, env=cli_env(tmp_path))
    assert res2.returncode == 0, res2.stderr
    assert [s["seat"] for s in res2.json()["seats"]] == ["static"]
    assert "only the built-in static seat" in res2.stderr


def test_uncommitted_review_sees_the_work_tree(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "wip.py", "import sys\n")  # untracked
    write(repo, "calc.py", "import json\n\n\ndef add(a, b):\n    return a + b\n")  # unstaged
    before = (repo / "calc.py").read_text()
    res = run_cli(
        ["review", "--uncommitted", "--agents", "static", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    paths = {loc["path"] for f in report["findings"] for loc in f["locations"]}
    assert {"wip.py", "calc.py"} <= paths
    # The user's work tree is exactly as it was: still uncommitted, still modified.
    assert (repo / "calc.py").read_text() == before
    assert "uncommitted" in res.json()["review_id"]
