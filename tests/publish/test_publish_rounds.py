"""A PR that moved on after its review: inline comments go on the reviewed commit's diff, and a
later round says on the PR what became of the round before (its summary, replies on the
inline comments of fixed findings, their threads resolved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import HEAD_LINES, NUMBER, REPO, ROUND_2, push_fix, review, setup
from support.fake_github import FakeGitHub
from support.fake_threads import thread
from support.repos import run_cli

pytestmark = pytest.mark.slow  # each test runs two real reviews


def _publish(clone: Path, env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    return run_cli(["publish", *args], cwd=clone, env=env)


@pytest.mark.parametrize("clone_at_hand", [True, False])
def test_inline_comments_go_on_the_reviewed_commits_diff(
    tmp_path: Path, clone_at_hand: bool
) -> None:
    """The PR moved on after the review (a push fixed line 10, which left the PR's diff): the
    findings still sit on lines of the diff the review saw, and the review says which commit
    it is about, as GitHub checks. Without the clone, GitHub's compare gives that diff."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        reviewed = gh.pull(REPO, NUMBER).data["head"]["sha"]
        push_fix(tmp_path, gh)
        cwd = clone
        if not clone_at_hand:  # e.g. the store artifact, published on another machine
            cwd = tmp_path / "elsewhere"
            cwd.mkdir()
            clone.rename(tmp_path / "moved-away")
            gh.contents[(REPO, "calc.py", reviewed)] = "\n".join(HEAD_LINES) + "\n"
        res = _publish(cwd, env, rid, "--inline")
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        placed = sorted((c["path"], c["line"], c["commit_id"]) for c in pull.review_comments)
        assert placed == [("calc.py", 10, reviewed), ("calc.py", 25, reviewed)]
        assert "2 posted, 0 already there, 1 not on the diff" in res.stderr
        compares = gh.requests_to("GET", f"/repos/{REPO}/compare/")
        assert len(compares) == (0 if clone_at_hand else 1)
        assert gh.requests_to("GET", f"/repos/{REPO}/pulls/{NUMBER}/files") == []


def test_the_fake_refuses_lines_off_the_commits_diff(tmp_path: Path) -> None:
    """As GitHub: a review naming the old commit is checked against that commit's diff."""
    with FakeGitHub() as gh:
        setup(tmp_path, gh)
        old = gh.pull(REPO, NUMBER).data["head"]["sha"]
        new = push_fix(tmp_path, gh)
        path = f"/repos/{REPO}/pulls/{NUMBER}/reviews"
        for sha, code in ((old, 200), (new, 422), ("f" * 40, 422)):
            body = {"commit_id": sha, "event": "COMMENT", "body": "x"}
            body["comments"] = [{"path": "calc.py", "line": 10, "side": "RIGHT", "body": "y"}]
            answer = _post(gh.url + path, body)
            assert answer == code, sha


def _post(url: str, body: dict[str, object]) -> int:
    import json
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_a_later_round_says_what_became_of_the_round_before(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env, "--post", "--inline")
        assert first.returncode == 0, first.stderr
        pull = gh.pull(REPO, NUMBER)
        by_line = {c["line"]: c["id"] for c in pull.review_comments}
        assert sorted(by_line) == [10, 25]

        push_fix(tmp_path, gh)
        pull.review_threads = [thread("calc.py", 25, "Why risky()? @octocat", author="alice")]
        (tmp_path / "review.md").write_text(ROUND_2, encoding="utf-8")
        second = review(fakes, clone, env, "--post", "--inline")
        assert second.returncode == 0, second.stderr
        rid = second.json()["review_id"]

        (summary,) = pull.issue_comments
        body = summary["body"]
        assert f"Round 2 (of PR #{NUMBER})" in body
        assert "### The previous round's findings" in body
        assert "- **I1** compute() fails" in body and ": fixed (Alpha)" in body
        i2 = (
            "**I2** risky() swallows errors — `calc.py:40`: not fixed (Alpha), still open as **I1**"
        )
        assert i2 in body
        assert "### Unresolved PR feedback" in body
        assert "- **T1** `calc.py:25` (alice): not addressed" in body

        # Round 1's I1 (line 10) is fixed: its inline comment gets a reply, its thread is
        # resolved; round 1's I2 is still open (now I1): its comment is left as it is.
        replies = [c for c in pull.review_comments if c.get("in_reply_to_id")]
        assert [r["in_reply_to_id"] for r in replies] == [by_line[10]]
        reply = replies[0]["body"]
        assert reply.startswith("<!-- deep-review:verdict round=2 -->")
        assert "**Fixed in round 2** (verdict by Alpha)" in reply and rid in reply
        assert "@octocat" not in reply and "<img" not in reply
        assert "as in #\u206012" in reply  # the seat's cross-reference links nothing
        assert pull.resolved_threads == {f"PRRT_{by_line[10]}"}
        assert "Replies on the previous round's inline comments: I1" in second.stderr

        # Publishing round 2 again repeats nothing; a dry run shows nothing to repeat either.
        writes = len(gh.writes)
        again = _publish(clone, env, rid, "--inline", "--json")
        assert again.returncode == 0, again.stderr
        assert again.json()["replies"] == [] and again.json()["resolved"] == []
        assert [(w.method, w.path.split("/")[-2]) for w in gh.writes[writes:]] == [
            ("PATCH", "comments")
        ]
        assert len([c for c in pull.review_comments if c.get("in_reply_to_id")]) == 1


def test_a_reply_stands_when_github_will_not_resolve_its_thread(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        assert review(fakes, clone, env, "--post", "--inline").returncode == 0
        push_fix(tmp_path, gh)
        (tmp_path / "review.md").write_text(ROUND_2, encoding="utf-8")
        rid = review(fakes, clone, env).json()["review_id"]
        writes = len(gh.writes)
        dry = _publish(clone, env, rid, "--dry-run", "--json")
        assert dry.returncode == 0, dry.stderr
        sent = [(r["method"], r["url"].split("/")[-2:]) for r in dry.json()["requests"]]
        # The summary (PATCHed: round 1 left it), then the reply and its thread resolved.
        assert sent[0][0] == "PATCH" and len(sent) == 3
        assert [(m, tail[-1]) for m, tail in sent[1:]] == [("POST", "replies"), ("POST", "graphql")]
        assert len(gh.writes) == writes

        del gh.graphql_handlers["resolveReviewThread"]  # e.g. a token that may not resolve
        res = _publish(clone, env, rid)
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        assert len([c for c in pull.review_comments if c.get("in_reply_to_id")]) == 1
        assert pull.resolved_threads == set()
        assert "note: review thread of I1 not resolved" in res.stderr


def test_publishing_the_round_again_resolves_a_thread_its_reply_left_open(
    tmp_path: Path,
) -> None:
    """The reply went out but its thread was not resolved (GitHub refused once, or the run
    stopped in between): publishing the round again resolves it, without a second reply —
    unless someone has answered in the thread since (they may have reopened it)."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        assert review(fakes, clone, env, "--post", "--inline").returncode == 0
        push_fix(tmp_path, gh)
        (tmp_path / "review.md").write_text(ROUND_2, encoding="utf-8")
        rid = review(fakes, clone, env).json()["review_id"]
        pull = gh.pull(REPO, NUMBER)
        resolve = gh.graphql_handlers.pop("resolveReviewThread")
        first = _publish(clone, env, rid)
        assert first.returncode == 0, first.stderr
        assert f"`deep-review publish {rid}` tries again" in first.stderr
        assert pull.resolved_threads == set()

        gh.graphql_handlers["resolveReviewThread"] = resolve
        again = _publish(clone, env, rid, "--json")
        assert again.returncode == 0, again.stderr
        fixed = next(
            c for c in pull.review_comments if c["line"] == 10 and "in_reply_to_id" not in c
        )
        assert pull.resolved_threads == {f"PRRT_{fixed['id']}"}
        assert again.json()["replies"] == [] and again.json()["resolved"] == ["I1"]
        assert len([c for c in pull.review_comments if c.get("in_reply_to_id")]) == 1

        # Someone reopens the thread and says why: a retry leaves it open.
        pull.resolved_threads.clear()
        pull.review_comments.append(
            {
                "id": gh.next_id(),
                "in_reply_to_id": fixed["id"],
                "body": "Not fixed: the test still fails.",
                "user": {"login": "alice", "type": "User"},
                "path": "calc.py",
                "line": 10,
            }
        )
        third = _publish(clone, env, rid, "--json")
        assert third.returncode == 0, third.stderr
        assert third.json()["resolved"] == [] and pull.resolved_threads == set()
