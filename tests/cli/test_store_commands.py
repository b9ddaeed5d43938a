"""The store through the CLI: three reviews, index.html order and pills, list/show/open."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, make_repo, run_cli, write


def _review(severity_heading: str | None) -> str:
    text = "## Executive Summary\n\nChecked.\n\n## Findings\n\n"
    if severity_heading == "critical":
        text += "### Critical Issues\n\n"
        text += "C1. **Data loss on save** — `calc.py:5` (critical, regression)\n\nBad.\n\n"
    elif severity_heading == "important":
        text += "### Important Issues\n\n"
        text += "I1. **Leak on error** — `calc.py:5` (important, regression)\n\nBad.\n\n"
    else:
        text += "### Critical Issues\n\nNone.\n\n"
    return text


def _seat_config(tmp: Path, text: str) -> None:
    (tmp / "review.md").write_text(text)
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp / 'review.md'}"]
    (tmp / "user-config.toml").write_text(f"[seats.canned]\nargv = {json.dumps(argv)}\n")


@pytest.mark.slow
def test_three_reviews_listed_newest_first_with_pills(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    ids = []
    for n, kind in enumerate(["critical", "important", None]):
        _seat_config(tmp_path, _review(kind))
        write(repo, f"f{n}.txt", f"{n}\n")
        # calc.py changes too: a later round's silence closes the earlier round's finding
        # there only because its code changed (unchanged code keeps it open)
        calc = (repo / "calc.py").read_text()
        write(repo, "calc.py", calc + f"\n\ndef f{n}():\n    return {n}\n")
        commit_all(repo, f"change {n}")
        res = run_cli(
            ["review", "--agents", "canned", "--lead", "none", "--json"], cwd=repo, env=env
        )
        assert res.returncode == 0, res.stderr
        ids.append(res.json()["review_id"])
    assert len(set(ids)) == 3

    listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert [r["id"] for r in listed] == list(reversed(ids))
    assert [r["verdict"] for r in listed] == ["Merge as-is", "Merge with fixes", "Rework"]
    assert [(r["critical"], r["important"]) for r in listed] == [(0, 0), (0, 1), (1, 0)]

    index = (tmp_path / "store" / "index.html").read_text()
    rows = re.findall(r'<span class="pill v-([a-z-]+)">', index)
    assert rows == ["merge-as-is", "merge-with-fixes", "rework"]
    # By each row's link: reviews started in the same second get ids `X`, `X-2`, `X-3`, and a
    # bare `X` is found inside `X-3` first.
    positions = [index.index(f'href="{i}.html"') for i in reversed(ids)]
    assert positions == sorted(positions)
    for rid in ids:
        assert f'href="{rid}.html"' in index and f'href="{rid}.md"' in index

    table = run_cli(["list"], cwd=repo, env=env)
    assert table.returncode == 0 and all(rid[:15] in table.stdout for rid in ids)
    md = run_cli(["show", ids[0]], cwd=repo, env=env)
    assert md.returncode == 0 and md.stdout.startswith(f"# Deep Review: {ids[0]}")
    js = run_cli(["show", ids[0], "--format", "json"], cwd=repo, env=env)
    assert json.loads(js.stdout)["header"]["verdict"]["label"] == "Rework"
    html = run_cli(["show", ids[0], "--format", "html"], cwd=repo, env=env)
    assert "<html" in html.stdout.lower()
    opened = run_cli(["open", ids[0]], cwd=repo, env={**env, "BROWSER": "false"})
    assert opened.returncode == 0 and opened.stdout.strip().endswith(f"{ids[0]}.html")
    missing = run_cli(["show", "20990101-000000-nope"], cwd=repo, env=env)
    assert missing.returncode == 2 and "deep-review list" in missing.stderr


@pytest.mark.slow
def test_rounds_count_earlier_reviews_of_the_same_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    _seat_config(tmp_path, _review(None))
    rounds = []
    for n in range(3):
        if n:
            write(repo, f"more{n}.txt", "x\n")
            commit_all(repo, f"more {n}")
        res = run_cli(
            ["review", "--agents", "canned", "--lead", "none", "--json"], cwd=repo, env=env
        )
        assert res.returncode == 0, res.stderr
        report = json.loads(Path(res.json()["paths"]["json"]).read_text())
        rounds.append(report["header"]["round"])
    assert rounds == ["1", "2 (of feature/x)", "3 (of feature/x)"]
    # A range review is not part of the branch's series: it has no round.
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "canned", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    assert report["header"]["round"] is None
