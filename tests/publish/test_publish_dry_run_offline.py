"""`publish --dry-run` where GitHub cannot be reached: it refuses as the real run would (one
line, exit 5), and its advice is to try the dry run again, never to publish for real: the
user asked to see what would be sent, not to send it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.scenario import review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real review first


@pytest.mark.parametrize("extra", [(), ("--inline",)])
def test_a_dry_run_that_cannot_reach_github_says_to_dry_run_again(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
    # the server is gone: nothing listens at GITHUB_API_URL any more
    res = run_cli(["publish", rid, "--dry-run", *extra], cwd=clone, env=env)
    assert res.returncode == 5, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("deep-review: error: "), res.stderr
    assert "cannot reach the GitHub API" in lines[0], lines[0]
    again = f"`deep-review publish {rid}{''.join(' ' + a for a in extra)} --dry-run`"
    assert again in lines[0], lines[0]
    assert "nothing was sent" in lines[0].lower(), lines[0]
    assert res.stdout == ""
    as_json = run_cli(["publish", rid, "--dry-run", "--json", *extra], cwd=clone, env=env)
    assert as_json.returncode == 5, as_json.stderr
    doc = json.loads(as_json.stdout)
    assert doc["dry_run"] is True and doc["exit_code"] == 5
    assert again in doc["error"], doc
