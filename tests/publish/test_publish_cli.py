"""`review --post`, `publish [--inline] [--dry-run]` and `--fail-on` through the real command,
against the fake GitHub."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from publish.scenario import (
    NUMBER,
    REPO,
    REVIEW,
    SUGGESTIONS_ONLY,
    install_fake_gh,
    review,
    setup,
    store_digest,
)
from support.fake_github import FakeGitHub, right_side_lines
from support.repos import commit_all, git, run_cli, write

pytestmark = pytest.mark.slow  # each test runs one or more real reviews


def _publish(clone: Path, env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    return run_cli(["publish", *args], cwd=clone, env=env)


def test_review_post_twice_creates_then_updates_one_comment(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        # 120 comments by people first (one quotes our marker): ours lands on page 2.
        people = gh.pull(REPO, NUMBER).issue_comments
        for i in range(120):
            text = f"> <!-- deep-review:summary --> quoted {i}" if i == 60 else f"note {i}"
            people.append({"id": i + 1, "body": text, "user": {"login": "ann", "type": "User"}})
        first = review(fakes, clone, env, "--post")
        assert first.returncode == 0, first.stderr
        ours = [c for c in gh.pull(REPO, NUMBER).issue_comments if c["user"]["type"] == "Bot"]
        comments = ours
        assert len(comments) == 1
        assert [(w.method, w.path) for w in gh.writes] == [
            ("POST", f"/repos/{REPO}/issues/{NUMBER}/comments")
        ]
        assert "Summary comment created" in first.stderr
        body = comments[0]["body"]
        assert body.startswith("<!-- deep-review:summary -->")
        assert "compute() fails" in body and "`calc.py:10`" in body

        second = review(fakes, clone, env, "--post")
        assert second.returncode == 0, second.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 121
        assert [(w.method, w.path) for w in gh.writes][1:] == [
            ("PATCH", f"/repos/{REPO}/issues/comments/{comments[0]['id']}")
        ]
        assert second.json()["review_id"] in gh.pull(REPO, NUMBER).issue_comments[-1]["body"]
        pages = [r.query["page"] for r in gh.requests_to("GET", f"/repos/{REPO}/issues/")]
        assert pages == [["1"], ["2"], ["1"], ["2"]]
        assert all(r.auth == "Bearer tok-fake" for r in gh.requests)


def test_publish_inline_places_findings_on_right_side_diff_lines(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        assert gh.writes == []  # no --post: nothing published
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        lines = right_side_lines(pull.files[0]["patch"])
        placed = {(c["path"], c["line"], c["side"]) for c in pull.review_comments}
        # I1 on its own line, I2 re-anchored from line 40 to the quoted code on line 25.
        assert placed == {("calc.py", 10, "RIGHT"), ("calc.py", 25, "RIGHT")}
        assert all(c["line"] in lines for c in pull.review_comments)
        reviews = gh.requests_to("POST", f"/repos/{REPO}/pulls/{NUMBER}/reviews")
        assert len(reviews) == 1 and reviews[0].body["event"] == "COMMENT"
        moved = next(c for c in pull.review_comments if c["line"] == 25)
        assert "placed this at line 40" in moved["body"]
        # S1 is on no diff line: it is in the summary instead.
        summary = pull.issue_comments[0]["body"]
        assert "Name the constant" in summary and "not on the diff" in summary
        assert "`calc.py:40` · inline comment at `calc.py:25`" in summary
        assert "1 not on the diff" in res.stderr

        # A later round does not repeat the inline comments already there.
        again = _publish(clone, env, rid, "--inline")
        assert again.returncode == 0, again.stderr
        assert len(gh.requests_to("POST", f"/repos/{REPO}/pulls/{NUMBER}/reviews")) == 1
        assert len(pull.review_comments) == 2 and len(pull.issue_comments) == 1
        assert "0 posted, 2 already there" in again.stderr


def test_untrusted_finding_text_cannot_ping_inject_or_spoof(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        assert _publish(clone, env, rid, "--inline").returncode == 0
        pull = gh.pull(REPO, NUMBER)
        for body in [pull.issue_comments[0]["body"], *(c["body"] for c in pull.review_comments)]:
            assert "@octocat" not in body
            assert "<img" not in body
            assert body.count("<!-- deep-review:") == 1  # only our own marker, first


def test_dry_run_prints_the_requests_and_sends_nothing(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        env = {**env, "DEEP_REVIEW_REPORT_URL": "https://reviews.example/{id}.html"}
        res = _publish(clone, env, rid, "--inline", "--dry-run")
        assert res.returncode == 0, res.stderr
        assert gh.writes == []
        assert f"[Full report](https://reviews.example/{rid}.html)" in res.stdout
        assert f"POST {gh.url}/repos/{REPO}/pulls/{NUMBER}/reviews\n" in res.stdout
        assert f"POST {gh.url}/repos/{REPO}/issues/{NUMBER}/comments\n" in res.stdout
        assert "Dry run: nothing was sent" in res.stderr
        as_json = _publish(clone, env, rid, "--inline", "--dry-run", "--json")
        requests = json.loads(as_json.stdout)["requests"]
        # The summary first, then the inline review (a stop in between leaves no inline
        # comment without its summary).
        assert [r["url"].split("/")[-1] for r in requests] == ["comments", "reviews"]
        assert requests[1]["body"]["comments"][0]["side"] == "RIGHT"
        assert gh.writes == []


@pytest.fixture(scope="module")
def one_review(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[FakeGitHub, Fakes, Path, dict[str, str], str]]:
    """One PR review for the publications GitHub refuses: a refused one changes neither the
    store nor the PR (each test asserts both), so each refusal can start from the same review."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path_factory.mktemp("one-review"), gh)
        res = review(fakes, clone, env)
        assert res.returncode == 0, res.stderr
        yield gh, fakes, clone, env, res.json()["review_id"]


@pytest.mark.parametrize(
    ("status", "rate_limited", "words"),
    [
        (401, False, "rejected the credentials"),
        (403, False, "pull-requests: write"),
        (
            403,
            True,
            "rate limit reached (the summary comment: HTTP 403); wait for it to reset "
            "(at 2023-11-14 22:13 UTC, already past)",
        ),
        (429, False, "rate limit"),
        (404, False, "cannot see the repository"),
        (422, False, "HTTP 422"),
    ],
)
def test_github_errors_give_one_line_and_keep_the_review(
    one_review: tuple[FakeGitHub, Fakes, Path, dict[str, str], str],
    status: int,
    rate_limited: bool,
    words: str,
) -> None:
    gh, fakes, clone, env, rid = one_review
    before = store_digest(fakes.store)
    gh.fail_next(status, rate_limited=rate_limited, method="POST")
    res = _publish(clone, env, rid)
    assert res.returncode == 5
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
    assert f"deep-review publish {rid}" in lines[0]
    assert store_digest(fakes.store) == before
    assert gh.pull(REPO, NUMBER).issue_comments == []


def test_review_post_that_cannot_publish_keeps_the_review(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        # The review's own GraphQL query (unresolved threads) is a POST too: fail the comment.
        gh.fail_next(403, method="POST", path_prefix="/repos/")
        res = review(fakes, clone, env, "--post")
        assert res.returncode == 5
        rid = res.json()["review_id"]
        assert (fakes.store / f"{rid}.json").exists()
        assert f"`deep-review publish {rid}`" in res.stderr
        retry = _publish(clone, env, rid)
        assert retry.returncode == 0, retry.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1


def test_review_post_without_credentials_is_refused_before_the_seats_run(
    tmp_path: Path,
) -> None:
    """A public PR reads without a token, but nothing can be posted: `--post` says so before
    the review runs, rather than after every seat has (exit 5)."""
    with FakeGitHub() as gh:
        gh.public = True
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GITHUB_TOKEN")
        res = review(fakes, clone, env, "--post")
        assert res.returncode == 2, res.stderr
        assert "--post needs GitHub credentials" in res.stderr
        assert "gh auth login" in res.stderr and len(res.stderr.strip().splitlines()) == 1
        assert list(fakes.store.glob("*.json")) == []  # no review ran
        assert gh.writes == []
        # Without --post the same review runs; it is published once a token is at hand.
        rid = review(fakes, clone, env).json()["review_id"]
        env["GITHUB_TOKEN"] = "tok-fake"
        assert _publish(clone, env, rid).returncode == 0
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1


@pytest.mark.parametrize(
    "errors",
    [
        ["Pull request review thread line must be part of the diff"],
        ["Line could not be resolved"],
        [
            {
                "resource": "PullRequestReviewComment",
                "code": "custom",
                "field": "pull_request_review_thread.line",
                "message": "pull_request_review_thread.line must be part of the diff",
            }
        ],
    ],
)
def test_a_rejected_inline_comment_goes_to_the_summary_and_the_rest_are_posted(
    tmp_path: Path, errors: list[object]
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        # Both comments, then the first alone, are refused for their line (GitHub's words
        # vary); the second alone is taken.
        gh.fail_next(
            422,
            times=2,
            errors=errors,
            method="POST",
            path_prefix=f"/repos/{REPO}/pulls/",
        )
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 0, res.stderr
        pull = gh.pull(REPO, NUMBER)
        assert [c["line"] for c in pull.review_comments] == [25]
        assert "not on the diff" in pull.issue_comments[0]["body"]
        assert "1 posted, 0 already there, 2 not on the diff" in res.stderr


def test_a_very_long_finding_is_still_an_inline_comment_within_githubs_limit(
    tmp_path: Path,
) -> None:
    """Escaping can make a finding's text four times longer (`<` is `&lt;`): its inline
    comment is cut to fit GitHub's 65,536 characters, not refused and reported off the diff."""
    # A seat stuck repeating itself, in the body and again in the fix: over 130,000
    # characters once escaped, though each is cut to 16,000 before.
    prose = "List<int> and Map<K, V> " + "<" * 17_000
    long = REVIEW.replace("`compute` is not defined for ten.", prose).replace(
        "Fix:\n", f"Fix:\n\n{prose}\n"
    )
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, long)
        rid = review(fakes, clone, env).json()["review_id"]
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 0, res.stderr
        assert "2 posted, 0 already there, 1 not on the diff" in res.stderr
        pull = gh.pull(REPO, NUMBER)
        (i1,) = [c for c in pull.review_comments if c["line"] == 10]
        assert len(i1["body"]) <= 65536
        assert "List&lt;int>" in i1["body"] and "**Fix:**" in i1["body"]
        assert "cut to fit" in i1["body"]


def test_publish_a_branch_review_says_it_needs_a_pr(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        git(clone, "checkout", "-q", "-b", "topic")
        write(clone, "calc.py", "v1 = 'one'\n")
        commit_all(clone, "Topic work")
        refused = fakes.review(clone, "--agents", "alpha", "--post", env=env)
        assert refused.returncode == 2
        assert "--post publishes on a pull request" in refused.stderr
        assert not list(fakes.store.glob("*.json"))  # refused before anything was written
        rid = fakes.review(clone, "--agents", "alpha", env=env).json()["review_id"]
        # The branch review itself may ask for the branch's open PR (its round series).
        asked_by_review = len(gh.requests)
        res = _publish(clone, env, rid)
        assert res.returncode == 2
        assert "publish needs a PR review" in res.stderr
        assert "deep-review review 123" in res.stderr
        assert gh.requests[asked_by_review:] == []  # publish refused without asking GitHub


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        (REVIEW, "important", 4),
        (REVIEW, "critical", 0),
        (REVIEW, "never", 0),
        (SUGGESTIONS_ONLY, "important", 0),
        (SUGGESTIONS_ONLY, "suggestion", 4),
    ],
)
def test_fail_on_exits_4_at_or_above_the_threshold(
    tmp_path: Path, text: str, fail_on: str, code: int
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, text)
        res = review(fakes, clone, env, "--post", "--fail-on", fail_on)
        assert res.returncode == code, res.stderr
        rid = res.json()["review_id"]
        assert (fakes.store / f"{rid}.json").exists()  # stored ...
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1  # ... and published first
        assert (f"--fail-on {fail_on}" in res.stderr) == (code == 4)


def test_fail_on_from_config_and_on_relead(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        review_file = tmp_path / "review.md"
        fakes.write_config(
            {"alpha": fakes.seat("ok", "--review-file", str(review_file))},
            review={"fail_on": "important"},
        )
        res = review(fakes, clone, env)
        assert res.returncode == 4, res.stderr
        rid = res.json()["review_id"]
        relead = run_cli(
            ["relead", rid, "--lead", "none", "--fail-on", "never"], cwd=clone, env=env
        )
        assert relead.returncode == 0, relead.stderr
        relead = run_cli(["relead", rid, "--lead", "none"], cwd=clone, env=env)
        assert relead.returncode == 4, relead.stderr


def _requests(gh: FakeGitHub) -> list[tuple[str, str, str, object]]:
    return [(r.method, r.path, json.dumps(r.query, sort_keys=True), r.body) for r in gh.requests]


def test_gh_and_https_send_the_same_requests(tmp_path: Path) -> None:
    """Logged-in `gh` (a fake that forwards to the fake server) or GITHUB_TOKEN over HTTPS:
    the same method, path, query and body; errors read the same."""
    seen = []
    for way in ("https", "gh"):
        with FakeGitHub() as gh:
            fakes, clone, env = setup(tmp_path / way, gh)
            rid = review(fakes, clone, env).json()["review_id"]
            if way == "gh":
                install_fake_gh(fakes, gh)
                env = {**env, "FAKE_GITHUB_URL": gh.url}
                del env["GITHUB_TOKEN"]
            start = len(gh.requests)
            res = _publish(clone, env, rid, "--inline")
            assert res.returncode == 0, res.stderr
            assert {r.auth for r in gh.requests[start:]} == (
                {"Bearer gh-cli-token"} if way == "gh" else {"Bearer tok-fake"}
            )
            seen.append([(m, p, q, _without_ids(b)) for m, p, q, b in _requests(gh)[start:]])
            gh.fail_next(401, method="PATCH")
            gh.fail_next(401, method="POST")
            failed = _publish(clone, env, rid)
            assert failed.returncode == 5
            assert "rejected the credentials" in failed.stderr
    assert seen[0] == seen[1]


def test_through_gh_every_request_goes_to_the_enterprise_host(tmp_path: Path) -> None:
    """`gh api` asks github.com unless told the host: with GITHUB_API_URL naming a GitHub
    Enterprise, REST calls must name it as GraphQL calls do, or they reach the wrong GitHub."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        install_fake_gh(fakes, gh)
        env = {**env, "FAKE_GITHUB_URL": gh.url, "FAKE_GH_HOST": "127.0.0.1"}
        del env["GITHUB_TOKEN"]
        res = _publish(clone, env, rid, "--inline")
        assert res.returncode == 0, res.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1
        assert len(gh.pull(REPO, NUMBER).review_comments) == 2
        assert {r.auth for r in gh.requests} == {"Bearer gh-cli-token", "Bearer tok-fake"}


def _without_ids(body: object) -> object:
    # Review IDs and commit SHAs differ between the two runs (timestamps); nothing else may.
    text = re.sub(r"\d{8}-\d{6}-pr-7", "RID", json.dumps(body))
    return re.sub(r"\b[0-9a-f]{40}\b|`[0-9a-f]{12}`", "SHA", text)


def test_report_url_from_config_links_the_summary(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        extra = tmp_path / "publish.toml"
        extra.write_text('[publish]\nreport_url = "https://ci.example/r/{id}.html"\n')
        res = _publish(clone, env, rid, "--config", str(extra))
        assert res.returncode == 0, res.stderr
        body = gh.pull(REPO, NUMBER).issue_comments[0]["body"]
        assert f"[Full report](https://ci.example/r/{rid}.html)" in body
        extra.write_text('[publish]\nreport_url = "javascript:alert(1)//{id}"\n')
        bad = _publish(clone, env, rid, "--config", str(extra))
        assert bad.returncode == 2 and "report_url must be an http(s) URL" in bad.stderr


def test_report_url_of_the_repository_file_with_the_precedence_of_any_key(
    tmp_path: Path,
) -> None:
    """`[publish] report_url` in the repository's `.deep-review.toml` (its base revision, as
    every other key) links the summary: over the user file and DEEP_REVIEW_REPORT_URL, under
    an explicit --config. It runs nothing, so the file needs no trust for it."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        # on the default branch (origin/main: the base a review of the checkout reads it at)
        write(clone, ".deep-review.toml", '[publish]\nreport_url = "https://repo.example/{id}"\n')
        commit_all(clone, "Link the reports")
        git(clone, "push", "-q", "origin", "main")
        git(clone, "fetch", "-q", "origin")
        text = fakes.config.read_text(encoding="utf-8")
        fakes.config.write_text(
            text + '\n[publish]\nreport_url = "https://user.example/{id}"\n', encoding="utf-8"
        )
        env = {**env, "DEEP_REVIEW_REPORT_URL": "https://env.example/{id}"}

        def linked(*args: str) -> str:
            res = _publish(clone, env, rid, "--dry-run", *args)
            assert res.returncode == 0, res.stderr
            found = re.findall(r"\[Full report\]\((https://[a-z.]+)/", res.stdout)
            assert len(set(found)) == 1, res.stdout
            return found[0]

        assert linked() == "https://repo.example"
        extra = tmp_path / "publish.toml"
        extra.write_text('[publish]\nreport_url = "https://cli.example/{id}"\n')
        assert linked("--config", str(extra)) == "https://cli.example"
        # the work tree's copy is not the base revision's: not read
        write(clone, ".deep-review.toml", '[publish]\nreport_url = "https://tree.example/{id}"\n')
        assert linked() == "https://repo.example"


def test_publish_takes_the_api_url_from_github_api(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        elsewhere = {k: v for k, v in env.items() if k != "GITHUB_API_URL"}
        elsewhere["GITHUB_API_URL"] = "http://127.0.0.1:9/unused"
        bad = _publish(clone, elsewhere, rid, "--github-api", "api.example")
        assert bad.returncode == 2
        assert "--github-api 'api.example' is not a URL" in bad.stderr
        res = _publish(clone, elsewhere, rid, "--github-api", gh.url)
        assert res.returncode == 0, res.stderr
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1


def test_a_pr_review_named_by_gh_repo_is_found_by_list_and_show(tmp_path: Path) -> None:
    """GH_REPO names the PR's repository (the clone's remote is no GitHub URL): the review is
    stored where `list`, `show` and `publish` look from the same checkout."""
    with FakeGitHub() as gh:
        _, clone, env = setup(tmp_path, gh)
        env.pop("DEEP_REVIEW_STORE", None)  # the default, per-checkout store
        env["XDG_DATA_HOME"] = str(tmp_path / "data")
        res = run_cli(
            ["review", f"#{NUMBER}", "--agents", "alpha", "--lead", "none", "--json"],
            cwd=clone,
            env=env,
        )
        assert res.returncode == 0, res.stderr
        rid = res.json()["review_id"]
        listed = run_cli(["list", "--json"], cwd=clone, env=env).json()["reviews"]
        assert [r["id"] for r in listed] == [rid]
        shown = run_cli(["show", rid], cwd=clone, env=env)
        assert shown.returncode == 0 and rid in shown.stdout
        stats = run_cli(["stats", "--json"], cwd=clone, env=env)
        assert stats.returncode == 0, stats.stderr
        assert stats.json()["reviews"] == 1  # the review is of this checkout's repository


def test_a_review_every_seat_failed_is_not_posted_over_the_summary(tmp_path: Path) -> None:
    """Round 2 with every seat failing (a quota, an outage) reviewed nothing: `--post` leaves
    the PR's summary of round 1 as it was instead of replacing it with "Failed"."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env, "--post")
        assert first.returncode == 0, first.stderr
        (comment,) = gh.pull(REPO, NUMBER).issue_comments
        before = comment["body"]
        fakes.write_config({"alpha": fakes.seat("exit")})
        failed = review(fakes, clone, env, "--post")
        assert failed.returncode == 3, failed.stderr
        assert gh.pull(REPO, NUMBER).issue_comments[0]["body"] == before
        assert len(gh.writes) == 1  # round 1's comment only
        assert "not posted: no seat produced a review" in failed.stderr
        assert f"`deep-review publish {failed.json()['review_id']} --force`" in failed.stderr

        # `publish ID` (what the Action ran) refuses too, dry run included; --force posts it.
        rid = failed.json()["review_id"]
        for args in ((rid,), (rid, "--dry-run"), (rid, "--inline", "--json")):
            refused = _publish(clone, env, *args)
            assert refused.returncode == 2, refused.stderr
            (line,) = refused.stderr.strip().splitlines()
            assert "every seat failed" in line and "--force" in line, line
        assert len(gh.writes) == 1
        assert gh.pull(REPO, NUMBER).issue_comments[0]["body"] == before
        forced = _publish(clone, env, rid, "--force")
        assert forced.returncode == 0, forced.stderr
        assert "## Deep Review: Failed" in gh.pull(REPO, NUMBER).issue_comments[0]["body"]


def test_a_failed_review_is_posted_where_the_pr_has_no_summary(tmp_path: Path) -> None:
    """With no summary to keep, "every seat failed" is news for the PR: `publish` posts it."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        fakes.write_config({"alpha": fakes.seat("exit")})
        failed = review(fakes, clone, env)
        assert failed.returncode == 3, failed.stderr
        res = _publish(clone, env, failed.json()["review_id"])
        assert res.returncode == 0, res.stderr
        (comment,) = gh.pull(REPO, NUMBER).issue_comments
        assert "## Deep Review: Failed" in comment["body"]


def test_publishing_an_older_round_over_a_newer_one_needs_force(tmp_path: Path) -> None:
    """The summary is one sticky comment per PR: `publish` of round 1 after round 2 was posted
    would put the older findings back without a word."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        old = review(fakes, clone, env).json()["review_id"]
        new = review(fakes, clone, env, "--post")
        assert new.returncode == 0, new.stderr
        writes = len(gh.writes)
        res = _publish(clone, env, old)
        assert res.returncode == 2
        (line,) = res.stderr.strip().splitlines()
        assert new.json()["review_id"] in line and "--force" in line
        assert len(gh.writes) == writes
        # A dry run shows what the real run would do: the same refusal, the same exit code.
        dry = _publish(clone, env, old, "--dry-run")
        assert (dry.returncode, dry.stderr.strip(), dry.stdout) == (2, line, "")
        dry_json = _publish(clone, env, old, "--dry-run", "--json")
        assert dry_json.returncode == 2 and dry_json.json()["exit_code"] == 2
        assert len(gh.writes) == writes
        forced = _publish(clone, env, old, "--force")
        assert forced.returncode == 0, forced.stderr
        assert old in gh.pull(REPO, NUMBER).issue_comments[-1]["body"]


def test_a_newer_failed_review_is_not_the_one_to_publish(tmp_path: Path) -> None:
    """Round 3 failed in every seat: publishing round 1 names round 2 (the newest review worth
    a summary), and round 2 itself may be published over nothing newer worth posting."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env).json()["review_id"]
        second = review(fakes, clone, env).json()["review_id"]
        fakes.write_config({"alpha": fakes.seat("exit")})
        third = review(fakes, clone, env)
        assert third.returncode == 3, third.stderr
        for args in ((first,), (first, "--dry-run")):
            res = _publish(clone, env, *args)
            assert res.returncode == 2
            (line,) = res.stderr.strip().splitlines()
            assert f"publish {second}, or" in line and third.json()["review_id"] not in line, line
        assert gh.writes == []
        dry = _publish(clone, env, second, "--dry-run")
        assert dry.returncode == 0, dry.stderr
        res = _publish(clone, env, second)
        assert res.returncode == 0, res.stderr
        assert second in gh.pull(REPO, NUMBER).issue_comments[0]["body"]


def test_publish_json_reports_a_refused_publication(tmp_path: Path) -> None:
    """GitHub refuses (exit 5): `--json` still answers on stdout, as `review --post --json`
    does, with what failed and what was already sent."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(403, method="POST", path_prefix=f"/repos/{REPO}/issues/")
        res = _publish(clone, env, rid, "--inline", "--json")
        assert res.returncode == 5, res.stderr
        doc = res.json()
        assert doc["schema_version"] == 1 and doc["exit_code"] == 5
        assert (doc["review_id"], doc["repo"], doc["pr"]) == (rid, REPO, NUMBER)
        assert "pull-requests: write" in doc["error"] and doc["error"] in res.stderr
        # The summary goes first: refused, it leaves no inline comment behind.
        assert doc["requests"] == [] and doc["inline_posted"] == []
        assert doc["summary"] is None and gh.pull(REPO, NUMBER).review_comments == []
