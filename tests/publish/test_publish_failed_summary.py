"""A publication that fails after its summary went out says so: the `publish` object (and
`publish --json`) names the summary created or updated, and its address, not null."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real review


def test_the_summary_sent_before_a_refused_inline_review_is_reported(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        reviews = f"/repos/{REPO}/pulls/{NUMBER}/reviews"
        gh.fail_next(502, method="POST", path_prefix=reviews)
        res = review(fakes, clone, env, "--post", "--inline", "--json")
        assert res.returncode == 5, res.stderr
        (summary,) = gh.pull(REPO, NUMBER).issue_comments
        published = res.json()["publish"]
        assert published["summary"] == "created"
        assert published["summary_url"] == summary["html_url"]

        gh.fail_next(502, method="POST", path_prefix=reviews)
        again = run_cli(
            ["publish", res.json()["review_id"], "--inline", "--json"], cwd=clone, env=env
        )
        assert again.returncode == 5, again.stderr
        assert again.json()["summary"] == "updated"
        assert again.json()["summary_url"] == summary["html_url"]
