"""A review's round as its report tells it is what `list` shows, and `reindex` rebuilds the rows
the reviews wrote (trial44a #6, #8: a range review's report said "Round 1" while `list` showed
none, and `reindex` turned its empty Round into 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import clone_with_pr, commit_all, git, make_repo, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round

PR_JSON = {
    "title": "Add sub and shout",
    "html_url": "https://github.com/acme/demo/pull/7",
    "body": "Adds two helpers.",
    "user": {"login": "octocat", "html_url": "https://github.com/octocat"},
    "base": {"ref": "main", "sha": "x"},
    "head": {"ref": "feature/x", "sha": "y"},
}


def _listed(fakes: Fakes, repo: Path) -> list[dict[str, Any]]:
    res = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    rows: list[dict[str, Any]] = json.loads(res.stdout)["reviews"]
    return sorted(rows, key=lambda r: str(r["id"]))


def _report(fakes: Fakes, rid: str) -> tuple[dict[str, Any], str]:
    data = json.loads((fakes.store / f"{rid}.json").read_text(encoding="utf-8"))
    md = (fakes.store / f"{rid}.md").read_text(encoding="utf-8")
    return data, md


def test_a_range_review_has_no_round_anywhere_and_reindex_keeps_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok")})
    res = fakes.review(repo, "HEAD~1..HEAD", "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    data, md = _report(fakes, rid)
    html = (fakes.store / f"{rid}.html").read_text(encoding="utf-8")
    [row] = _listed(fakes, repo)
    assert row["round"] is None and row["series"] == ""
    assert not data["header"]["round"]
    assert "**Round**" not in md
    assert "<dt>Round</dt>" not in html
    res = run_cli(["reindex"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert _listed(fakes, repo) == [row]


@pytest.mark.slow
def test_reindex_rebuilds_the_rows_every_kind_of_review_wrote(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    # A branch in two rounds, a range of it and work in progress on it.
    branch = make_branch_repo(tmp_path)
    run_round(fakes, branch, ROUND1)
    write(branch, "calc.py", "def div(a, b):\n    # divide safely\n    return a / b\n")
    commit_all(branch, "Comment")
    run_round(fakes, branch, ROUND1)
    res = fakes.review(branch, "HEAD~1..HEAD", "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    write(branch, "notes.txt", "# wip\n")
    res = fakes.review(branch, "--uncommitted", "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    # A PR, and its branch reviewed as round 2 of the PR's series (a fake `gh` serves PR #7).
    upstream = make_repo(tmp_path / "up", "upstream")
    clone, _ = clone_with_pr(tmp_path / "up", upstream, 7, default_branch="main")
    git(clone, "checkout", "-q", "-b", "feature/x", "origin/feature/x")
    (fakes.tmp / "pr.json").write_text(json.dumps(PR_JSON), encoding="utf-8")
    fakes.install(
        "gh",
        "#!/bin/sh\n"
        'if [ "$1" = auth ]; then exit 0; fi\n'
        'if [ "$1 $2" = "api repos/acme/demo/pulls/7" ]; then\n'
        f'  cat "{fakes.tmp}/pr.json"; exit 0\n'
        "fi\n"
        'if [ "$1 $2" = "pr list" ]; then\n'
        '  echo \'[{"number": 7, "url": "https://github.com/acme/demo/pull/7"}]\'; exit 0\n'
        "fi\n"
        "echo 'HTTP 404: Not Found' >&2; exit 1\n",
    )
    env = fakes.env({"GH_REPO": "acme/demo"})
    for target in (("#7",), ()):
        res = fakes.review(clone, *target, "--agents", "alpha", "--format", "md", env=env)
        assert res.returncode == 0, res.stderr

    before = _listed(fakes, branch)
    assert len(before) == 6
    # each row's Round is the one its report shows (none for a review in no series)
    for row in before:
        data, _ = _report(fakes, row["id"])
        shown = data["header"]["round"] or None
        assert (shown.split()[0] if shown else None) == (
            None if row["round"] is None else str(row["round"])
        ), (row["target"], shown, row["round"])
    assert sorted(str(r["round"]) for r in before) == ["1", "1", "2", "2", "None", "None"]
    res = run_cli(["reindex"], cwd=branch, env=fakes.env())
    assert res.returncode == 0, res.stderr
    after = _listed(fakes, branch)
    changed = [
        (a["target"], k, a[k], b[k])
        for a, b in zip(before, after, strict=True)
        for k in a
        if a[k] != b.get(k)
    ]
    assert changed == []
    assert after == before
