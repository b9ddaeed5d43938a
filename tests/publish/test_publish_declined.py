"""A finding declined after it was posted inline: the next round replies once on its thread
with the maintainer's reason and resolves it, and the summary says it was left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, ROUND_2, push_fix, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # two real reviews


def test_a_declined_findings_thread_gets_the_reason_once(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env, "--post", "--inline", "--json")
        assert first.returncode == 0, first.stderr
        pull = gh.pull(REPO, NUMBER)
        by_line = {c["line"]: c["id"] for c in pull.review_comments}
        reason = "by design: risky() logs @frank <b>x</b>"
        rid1 = first.json()["review_id"]
        declined = run_cli(["decline", rid1, "I2", "--reason", reason], cwd=clone, env=env)
        assert declined.returncode == 0, declined.stderr

        push_fix(tmp_path, gh)
        (tmp_path / "review.md").write_text(ROUND_2, encoding="utf-8")
        second = review(fakes, clone, env, "--post", "--inline", "--json")
        assert second.returncode == 0, second.stderr
        replies = [c for c in pull.review_comments if c.get("in_reply_to_id") == by_line[25]]
        assert len(replies) == 1, pull.review_comments
        body = replies[0]["body"]
        assert body.startswith("<!-- deep-review:declined -->")
        assert "**Declined by the maintainer:** by design: risky() logs" in body
        assert "@frank" not in body and "<b>" not in body
        assert f"PRRT_{by_line[25]}" in pull.resolved_threads
        summary = pull.issue_comments[0]["body"]
        assert "### Declined" in summary and "- **I2** risky() swallows errors" in summary
        assert "left out" in summary
        assert second.json()["publish"]["inline_posted"] == []

        again = run_cli(
            ["publish", second.json()["review_id"], "--inline", "--json"], cwd=clone, env=env
        )
        assert again.returncode == 0, again.stderr
        assert len([c for c in pull.review_comments if c.get("in_reply_to_id")]) == 2
