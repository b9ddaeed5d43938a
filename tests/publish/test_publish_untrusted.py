"""What `review --post --inline` puts on GitHub from untrusted finding text, through the real
command against the fake GitHub: rendered as GitHub would, it pings nobody, links no other
issue or PR (no cross-reference event in someone else's thread) and has no raw HTML of the
seat's."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, install_fake_gh, review, setup
from support.fake_github import FakeGitHub
from support.live_markdown import live_hazards
from support.repos import run_cli

pytestmark = pytest.mark.slow  # each test runs a real review

# Our own HTML in what we post: the markers, the fold of the summary, the credit line.
OURS = (
    "<!-- deep-review:summary -->",
    "<details><summary>Suggestions and details</summary>",
    "</details>",
    "<sub>",
    "</sub>",
)

# A backslash-escaped backtick is a literal backtick in Markdown, not a code span.
BYPASS = r"""## Executive Summary

Bypass test.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Ping \`@octocat\` and \`<img src=x>\` here** — `calc.py:10` (important, regression)

Escaped backticks are not code: \`@security-team please look <b>now</b>\`
and also <details><summary>x</summary>.

Fix: ask \``@admin`` or `` ` `` @ops-team <i>now</i>.

### Suggestions

S1. **Name it** — `calc.py:2` (suggestion, enhancement)

Spans need runs of equal length: ``@octocat` <img src=y>`` stays code, `@a`` @bob <b>x</b>.
"""


# Cross-references every way GitHub reads them; code keeps its own.
REFS = r"""## Executive Summary

Refs test.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Breaks #12 and GH-3** — `calc.py:10` (important, regression)

See octo/other#4, \#5, &#35;6 and GH&#45;7; `#8` and `GH-9` are code.

```python
v10 = compute(10)  # see #10
```

Fix: revert acme/demo#11.

### Suggestions

S1. **Like gh-13** — `calc.py:2` (suggestion, enhancement)

As in #14.
"""


def test_cross_references_in_finding_text_link_no_other_thread(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, REFS)
        gh.pull(REPO, NUMBER).data["title"] = "Closes #99"
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        inline = [c["body"] for c in pull.review_comments]
        summary = pull.issue_comments[0]["body"]
        assert len(inline) == 1 and "Breaks" in inline[0]
        allowed = (*OURS, *_finding_markers(inline))
        for body in (summary, *inline):
            assert live_hazards(body, allowed_html=allowed) == [], body
        assert "— Breaks #\u206012 and GH-\u20603\n" in inline[0]
        assert "See octo/other#\u20604, \\#\u20605, &amp;#\u206035;6" in inline[0]
        # Code keeps what it says.
        assert "`#8` and `GH-9` are code." in inline[0]
        assert "v10 = compute(10)  # see #10" in inline[0]
        assert "As in #\u206014." in summary


def _finding_markers(bodies: list[str]) -> list[str]:
    return [b.split("\n", 1)[0] for b in bodies if b.startswith("<!-- deep-review:finding ")]


def test_escaped_backticks_do_not_let_mentions_or_html_through(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, BYPASS)
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        inline = [c["body"] for c in pull.review_comments]
        summary = pull.issue_comments[0]["body"]
        assert len(inline) == 1 and "Ping" in inline[0]
        allowed = (*OURS, *_finding_markers(inline))
        for body in (summary, *inline):
            assert live_hazards(body, allowed_html=allowed) == [], body
        # Real code spans still show their text as written.
        assert "``@octocat` <img src=y>``" in summary


def test_a_details_fold_inside_a_line_of_a_body_is_text_not_a_heading(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, BYPASS)
        res = review(fakes, clone, env, "--post", "--inline")
        assert res.returncode == 0, res.stderr
        (comment,) = gh.pull(REPO, NUMBER).review_comments
        lines = comment["body"].split("\n")
        assert not [line for line in lines if line.startswith("#")], comment["body"]
        assert "and also &lt;details>&lt;summary>x&lt;/summary>." in lines


# A person's comment made to look like our summary: the marker first, our whole layout.
LOOKALIKE = (
    "<!-- deep-review:summary -->\n\n## Deep Review: Merge as-is\n\nShip it.\n\n"
    "**0 Critical · 0 Important · 0 Suggestions**\n\nNo Critical or Important findings.\n\n"
    "<sub>Deep Review · review `20260101-000000-pr-7`</sub>"
)


def _comment(gh: FakeGitHub, body: str, login: str, kind: str) -> dict[str, object]:
    comment = {"id": gh.next_id(), "body": body, "user": {"login": login, "type": kind}}
    gh.pull(REPO, NUMBER).issue_comments.append(comment)
    return comment


@pytest.mark.parametrize("viewer_known", [True, False])
def test_a_summary_marker_in_someone_elses_comment_is_not_adopted(
    tmp_path: Path, viewer_known: bool
) -> None:
    """Only the token's own comment is edited. When GitHub will not say who the token is, a
    Bot's comment with our whole layout is, and a person's never."""
    with FakeGitHub() as gh:
        gh.viewer_known = viewer_known
        fakes, clone, env = setup(tmp_path, gh)
        mallory = _comment(gh, LOOKALIKE, "mallory", "User")
        other_bot = _comment(gh, "<!-- deep-review:summary -->\nmine", "other[bot]", "Bot")
        first = review(fakes, clone, env, "--post")
        assert first.returncode == 0, first.stderr
        assert [(w.method, w.path) for w in gh.writes] == [
            ("POST", f"/repos/{REPO}/issues/{NUMBER}/comments")
        ]
        assert mallory["body"] == LOOKALIKE and other_bot["body"].endswith("mine")
        assert first.stderr.count("not adopted") == 1, first.stderr
        assert "2 comments" in first.stderr and "mallory" in first.stderr

        second = review(fakes, clone, env, "--post")
        assert second.returncode == 0, second.stderr
        ours = gh.pull(REPO, NUMBER).issue_comments[-1]
        assert [(w.method, w.path) for w in gh.writes][1:] == [
            ("PATCH", f"/repos/{REPO}/issues/comments/{ours['id']}")
        ]
        assert second.json()["review_id"] in ours["body"]
        assert mallory["body"] == LOOKALIKE
        asked = [r for r in gh.requests_to("POST", "/graphql") if "viewer" in r.body["query"]]
        assert len(asked) == 2  # once per publish that found a marker comment


def test_a_persons_own_summary_is_adopted_when_the_token_is_theirs(tmp_path: Path) -> None:
    """`gh` logged in as a person: the summary that person's token posted before is edited."""
    with FakeGitHub(login="alice") as gh:
        fakes, clone, env = setup(tmp_path, gh)
        alice = _comment(gh, LOOKALIKE, "alice", "User")
        res = review(fakes, clone, env, "--post")
        assert res.returncode == 0, res.stderr
        assert [(w.method, w.path) for w in gh.writes] == [
            ("PATCH", f"/repos/{REPO}/issues/comments/{alice['id']}")
        ]
        assert "not adopted" not in res.stderr


def test_through_gh_the_token_is_asked_who_it_is_the_same_way(tmp_path: Path) -> None:
    """`gh` logged in: `gh api graphql` asks for the login; the summary it wrote is edited, the
    look-alike is not."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env, "--post").json()["review_id"]
        mallory = _comment(gh, LOOKALIKE, "mallory", "User")
        install_fake_gh(fakes, gh)
        env = {**env, "FAKE_GITHUB_URL": gh.url}
        del env["GITHUB_TOKEN"]
        res = run_cli(["publish", rid], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        ours = gh.pull(REPO, NUMBER).issue_comments[0]
        assert [(w.method, w.path, w.auth) for w in gh.writes][1:] == [
            ("PATCH", f"/repos/{REPO}/issues/comments/{ours['id']}", "Bearer gh-cli-token")
        ]
        assert mallory["body"] == LOOKALIKE and "(by mallory)" in res.stderr
