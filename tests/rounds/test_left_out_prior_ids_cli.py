"""A round leaves out a declined finding raised again as its own I1, and round 1's I1 was fixed:
the summary's `round 1's I1` names round 1's finding (fixed), not this report's left-out one.
Through the real `deep-review review`, round 2 after a push to the PR (fake GitHub)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import ROUND_2, push_fix, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # two real reviews


def test_a_prior_rounds_id_is_not_said_as_this_rounds_declined_finding(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env)
        assert first.returncode == 0, first.stderr
        rid = first.json()["review_id"]
        declined = run_cli(["decline", rid, "I2", "--reason", "by design"], cwd=clone, env=env)
        assert declined.returncode == 0, declined.stderr
        push_fix(tmp_path, gh)
        (tmp_path / "review.md").write_text(ROUND_2, encoding="utf-8")
        second = review(fakes, clone, env)
        assert second.returncode == 0, second.stderr
        report = run_cli(
            ["show", second.json()["review_id"], "--format", "json"], cwd=clone, env=env
        ).json()
        summary = report["executive_summary"]
        assert "1 from round 1 fixed and closed (round 1's I1)" in summary, summary
        assert "round 1's the declined finding" not in summary, summary
        # This report's own I1 (the declined finding raised again) is still said in words.
        limitations = str(report["limitations"])
        assert "raised again as I1 of this round, left out as declined" in limitations
