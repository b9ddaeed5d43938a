"""A change of many commits (trial46a #3: a release range of 30,000 commits gave every seat a
2.4 MB prompt and the report a 2.4 MB Commits cell): the prompts list the commits within a
share of `diff_budget`, the report at most a fixed number, and both say how many are left out."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from support.repos import cli_env, git, make_repo, run_cli

COMMITS = 400


def _many_commits(tmp: Path, repo: Path) -> None:
    """`COMMITS` commits on a new branch `long` from main, each a long subject and a one-line
    change of one file (fast-import: hundreds of `git commit` calls would take seconds)."""
    git(repo, "branch", "long", "main")
    stream = []
    for i in range(COMMITS):
        data = f"{i}\n"
        msg = f"change number {i} of the long history, a typical commit subject\n"
        stream.append(
            f"commit refs/heads/long\ncommitter t <t@t> {1767225600 + i} +0000\n"
            f"data {len(msg)}\n{msg}"
            + ("from refs/heads/long^0\n" if i == 0 else "")
            + f"M 100644 inline f.txt\ndata {len(data)}\n{data}"
        )
    with subprocess.Popen(["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE) as p:
        p.communicate("".join(stream).encode())
    assert p.returncode == 0
    git(repo, "checkout", "-q", "long")


def test_prompt_and_report_bound_the_commit_list(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _many_commits(tmp_path, repo)

    prompts = tmp_path / "prompts"
    prompts.mkdir()
    (tmp_path / "ok.md").write_text("## Executive Summary\n\nFine.\n\n## Findings\n\nNone.\n")
    argv = ["sh", "-c", f"cat > {prompts}/prompt-$$.txt; cat {tmp_path / 'ok.md'}"]
    (tmp_path / "user-config.toml").write_text(
        f"[review]\ndiff_budget = 8000\n[seats.dump]\nargv = {json.dumps(argv)}\n"
    )
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "dump", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr

    (prompt,) = [p.read_text() for p in prompts.iterdir()]
    assert f"### Commits ({COMMITS})" in prompt
    listed = re.findall(r"^[0-9a-f]{12} change number \d+", prompt, re.MULTILINE)
    assert 30 <= len(listed) < COMMITS
    more = COMMITS - len(listed)
    assert f"… and {more} more commits; `git log --oneline" in prompt

    review_id = res.json()["review_id"]
    report = json.loads((tmp_path / "store" / f"{review_id}.json").read_text())
    header = report["header"]
    assert len(header["commits"]) < COMMITS
    assert header["commits_more"] == COMMITS - len(header["commits"])
    md = (tmp_path / "store" / f"{review_id}.md").read_text()
    (cell,) = [line for line in md.splitlines() if line.startswith("| **Commits**")]
    assert cell.count("change number") == len(header["commits"])
    assert f"… and {header['commits_more']} more commits" in cell
    html = (tmp_path / "store" / f"{review_id}.html").read_text()
    assert f"… and {header['commits_more']} more commits" in html
    # the stored md reads back to the same header
    shown = run_cli(["show", review_id, "--format", "json"], cwd=repo, env=env)
    assert json.loads(shown.stdout)["header"]["commits_more"] == header["commits_more"]
