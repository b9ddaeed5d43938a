"""`deep-review declines` in a store shared by repositories (`DEEP_REVIEW_STORE`, a CI
artifact) says which repository each decline is of, and lists the current repository's unless
`--repo-wide` (as `stats` does). Through the real command."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo, run_round


def _branch_repo(root: Path) -> Path:
    root.mkdir(parents=True)
    return make_branch_repo(root).rename(root / "repo")


def _lines(res_stdout: str) -> list[str]:
    return [ln for ln in res_stdout.splitlines() if ln.strip()]


def test_declines_name_their_repository_and_keep_to_the_current_one(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    env = fakes.env()
    # Two repositories called `repo` (no remote: told apart by where their git folder is),
    # each with a decline in series `branch:feature`.
    one = _branch_repo(tmp_path / "o1")
    two = _branch_repo(tmp_path / "o2")
    for repo, reason in ((one, "by design: one"), (two, "by design: two")):
        rid = run_round(fakes, repo, ROUND1)["review_id"]
        res = run_cli(["decline", rid, "I1", "--reason", reason], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr

    res = run_cli(["declines"], cwd=one, env=env)
    assert res.returncode == 0, res.stderr
    [line] = _lines(res.stdout)
    assert line.startswith("branch:feature  repo  "), line
    assert "by design: one" in line

    res = run_cli(["declines", "--repo-wide"], cwd=one, env=env)
    assert res.returncode == 0, res.stderr
    lines = _lines(res.stdout)
    assert len(lines) == 2, lines
    # Two repositories of one name: each line names which one (its key, the git folder).
    by_reason = {ln.rsplit(" — ", 1)[1]: ln for ln in lines}
    assert f"repo ({(one / '.git').resolve().parent})" in by_reason["by design: one"]
    assert f"repo ({(two / '.git').resolve().parent})" in by_reason["by design: two"]

    # Outside any repository, a named store lists every repository's, as `stats` does.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    res = run_cli(["declines", "--store", str(fakes.store)], cwd=outside, env=env)
    assert res.returncode == 0, res.stderr
    assert len(_lines(res.stdout)) == 2

    res = run_cli(["declines", "--json"], cwd=two, env=env)
    assert res.returncode == 0, res.stderr
    [only] = json.loads(res.stdout)["declines"]
    assert only["reason"] == "by design: two" and only["repo"] == "repo"
    assert only["repo_key"] == str((two / ".git").resolve().parent)

    res = run_cli(["declines", "--series", "other"], cwd=two, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "No declined findings in series branch:other of repository repo."
