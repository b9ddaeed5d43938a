"""Finding and verdict markers in review comments the token did not write: through the real
command against the fake GitHub, someone else's comment that starts with our marker neither
suppresses our inline comment of that finding nor receives our verdict reply, and a spoofed
verdict reply does not stop ours."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from publish.scenario import NUMBER, REPO, ROUND_2, push_fix, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # each test runs one or more real reviews


def _markers(clone: Path, env: dict[str, str], rid: str) -> list[str]:
    """The finding markers `publish --inline` would post (asked with a dry run)."""
    dry = run_cli(["publish", rid, "--inline", "--dry-run", "--json"], cwd=clone, env=env)
    assert dry.returncode == 0, dry.stderr
    (req,) = [r for r in dry.json()["requests"] if r["url"].endswith("/reviews")]
    return [c["body"].split("\n", 1)[0] for c in req["body"]["comments"]]


def _review_comment(
    gh: FakeGitHub, body: str, login: str, kind: str, *, line: int = 10, **extra: Any
) -> dict[str, Any]:
    comment = {
        "id": gh.next_id(),
        "path": "calc.py",
        "line": line,
        "side": "RIGHT",
        "body": body,
        "commit_id": gh.pull(REPO, NUMBER).data["head"]["sha"],
        "user": {"login": login, "type": kind},
        **extra,
    }
    gh.pull(REPO, NUMBER).review_comments.append(comment)
    return comment


def _viewer_asked(gh: FakeGitHub) -> int:
    return len([r for r in gh.requests_to("POST", "/graphql") if "viewer" in r.body["query"]])


@pytest.mark.parametrize("viewer_known", [True, False])
def test_a_finding_marker_in_someone_elses_comment_does_not_suppress_ours(
    tmp_path: Path, viewer_known: bool
) -> None:
    with FakeGitHub() as gh:
        gh.viewer_known = viewer_known
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        markers = _markers(clone, env, rid)
        assert len(markers) == 2
        # A person and another app post comments that start with our two markers.
        _review_comment(gh, f"{markers[0]}\n\nnothing to see", "mallory", "User")
        _review_comment(gh, f"{markers[1]}\n\nlooks fine", "other[bot]", "Bot", line=25)
        res = run_cli(["publish", rid, "--inline", "--json"], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        doc = res.json()
        assert doc["inline_posted"] == ["I1", "I2"] and doc["inline_already"] == []
        assert doc["notes"] == [
            "2 review comments on the PR start with a Deep Review marker but this token did "
            "not write them (by mallory, other[bot]): ignored"
        ]
        ours = [c for c in gh.pull(REPO, NUMBER).review_comments if c["user"]["login"] == gh.login]
        assert [c["body"].split("\n", 1)[0] for c in ours] == markers
        assert _viewer_asked(gh) == 1  # once, for the summary and the inline comments both

        # Our own comments do count: publishing again posts no inline comment.
        again = run_cli(["publish", rid, "--inline", "--json"], cwd=clone, env=env)
        assert again.returncode == 0, again.stderr
        assert again.json()["inline_posted"] == []
        assert again.json()["inline_already"] == ["I1", "I2"]


def test_the_login_is_not_asked_when_no_comment_carries_a_marker(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        _review_comment(gh, "a plain review comment", "alice", "User")
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        assert _viewer_asked(gh) == 0


def test_verdict_replies_go_on_our_inline_comment_only(tmp_path: Path) -> None:
    """Round 2 found round 1's I1 fixed: mallory's earlier comment carrying I1's marker gets no
    reply, and her reply carrying our round-2 verdict marker does not stop ours."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        i1_marker = _markers(clone, env, rid)[0]
        pull = gh.pull(REPO, NUMBER)
        # Mallory's look-alike comes first in GitHub's list (posted before ours).
        spoof = _review_comment(gh, f"{i1_marker}\n\nI1 (mine)", "mallory", "User")
        first = run_cli(["publish", rid, "--inline"], cwd=clone, env=env)
        assert first.returncode == 0, first.stderr
        (ours,) = [c for c in pull.review_comments if c["line"] == 10 and c is not spoof]
        assert ours["body"].startswith(i1_marker)
        _review_comment(
            gh,
            "<!-- deep-review:verdict round=2 -->\n\n**Fixed in round 2**",
            "mallory",
            "User",
            in_reply_to_id=ours["id"],
        )

        push_fix(tmp_path, gh)
        (tmp_path / "review.md").write_text(ROUND_2, encoding="utf-8")
        second = review(fakes, clone, env, "--post")
        assert second.returncode == 0, second.stderr
        assert "Replies on the previous round's inline comments: I1" in second.stderr
        replies = [
            c
            for c in pull.review_comments
            if c.get("in_reply_to_id") and c["user"]["login"] == gh.login
        ]
        assert [r["in_reply_to_id"] for r in replies] == [ours["id"]]
        assert pull.resolved_threads == {f"PRRT_{ours['id']}"}
