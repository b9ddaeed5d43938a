"""What `review --post` tells a CI job: its `--json` document carries the publication (the
`publish` object, as `publish --json` says it, or the error that made it exit 5), and on GitHub
Actions (`GITHUB_STEP_SUMMARY` set) a short Markdown summary is appended to the job's page.
Through the real `deep-review review`, `publish` and `review --seat-only` against the fake
GitHub."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # each test runs one or more real reviews

EARLIER = "## An earlier step's summary\n"


def test_review_json_carries_what_was_posted(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        plain = review(fakes, clone, env)
        assert plain.returncode == 0, plain.stderr
        assert plain.json()["publish"] is None  # no --post
        posted = review(fakes, clone, env, "--post", "--inline")
        assert posted.returncode == 0, posted.stderr
        (comment,) = gh.pull(REPO, NUMBER).issue_comments
    data = posted.json()
    assert data["review_id"] and data["verdict"]
    pub = data["publish"]
    assert (pub["repo"], pub["pr"], pub["summary"]) == (REPO, NUMBER, "created")
    assert pub["summary_url"] == comment["html_url"]
    assert sorted(pub["inline_posted"]) == ["I1", "I2"] and pub["unanchored"] == ["S1"]
    assert (pub["skipped"], pub["error"], pub["exit_code"]) == (None, None, 0)


def test_a_refused_post_is_in_the_json_and_the_job_summary(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        gh.fail_next(403, method="POST", path_prefix=f"/repos/{REPO}/issues/{NUMBER}/comments")
        summary = tmp_path / "step-summary.md"
        summary.write_text(EARLIER, encoding="utf-8")
        res = review(fakes, clone, {**env, "GITHUB_STEP_SUMMARY": str(summary)}, "--post")
    assert res.returncode == 5, res.stderr
    data = res.json()  # one document on stdout, the review's, with the error in it
    pub = data["publish"]
    assert pub["exit_code"] == 5 and pub["summary"] is None
    (error,) = [ln for ln in res.stderr.splitlines() if ln.startswith("deep-review: error:")]
    assert pub["error"] == error.removeprefix("deep-review: error: ")
    assert "HTTP 403" in pub["error"] or "403" in pub["error"], pub["error"]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(EARLIER)  # appended, never replaced
    mine = text.removeprefix(EARLIER)
    assert data["review_id"] in mine and data["verdict"] in mine
    assert "Posting failed" in mine and "exit 5" in mine, mine


def test_the_job_summary_of_a_posted_review(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        summary = tmp_path / "step-summary.md"
        env = {**env, "GITHUB_STEP_SUMMARY": str(summary)}
        res = review(fakes, clone, env, "--post", "--fail-on", "important")
        assert res.returncode == 4, res.stderr
        (comment,) = gh.pull(REPO, NUMBER).issue_comments
        text = summary.read_text(encoding="utf-8")
        data = res.json()
        assert text.startswith(f"### Deep Review: {data['verdict']}\n")
        assert "**0 Critical · 2 Important · 1 Suggestion**" in text
        assert f"`{data['review_id']}`" in text and f"`{data['paths']['html']}`" in text
        assert f"summary comment created on {REPO}#{NUMBER}" in text
        assert f"({comment['html_url']})" in text
        assert "`--fail-on important`" in text and "exit 4" in text
        assert "alpha" in text.lower()
        # Finding text (a mention, raw HTML) stays out: the summary holds counts, not findings.
        assert "@octocat" not in text and "<img" not in text
        assert len(text) < 4_000

        # `publish` (the Action's post step) appends what it did.
        before = text
        again = run_cli(["publish", data["review_id"]], cwd=clone, env=env)
        assert again.returncode == 0, again.stderr
        added = summary.read_text(encoding="utf-8").removeprefix(before)
        assert f"summary comment updated on {REPO}#{NUMBER}" in added, added
        assert data["review_id"] in added

        # No summary file: nothing is written anywhere, and nothing fails.
        env.pop("GITHUB_STEP_SUMMARY")
        quiet = review(fakes, clone, env)
        assert quiet.returncode == 0, quiet.stderr
        assert summary.read_text(encoding="utf-8") == before + added


def test_an_unwritable_job_summary_is_a_note(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        folder = tmp_path / "a-folder"
        folder.mkdir()
        res = review(fakes, clone, {**env, "GITHUB_STEP_SUMMARY": str(folder)})
    assert res.returncode == 0, res.stderr
    (note,) = [ln for ln in res.stderr.splitlines() if "job summary" in ln]
    assert note.startswith("note: ") and str(folder) in note, note
    json.loads(res.stdout)


def test_a_seat_only_run_says_its_seat(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        _fakes, clone, env = setup(tmp_path, gh)
        summary = tmp_path / "step-summary.md"
        out = tmp_path / "alpha-result"
        args = ["review", f"#{NUMBER}", "--agents", "alpha", "--seat-only", "alpha"]
        res = run_cli(
            [*args, "--out", str(out)], cwd=clone, env={**env, "GITHUB_STEP_SUMMARY": str(summary)}
        )
    assert res.returncode == 0, res.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Deep Review seat alpha: ok\n"), text
    assert f"`{out}`" in text and "deep-review finish" in text


def test_json_lines_name_the_store_given_by_flag(tmp_path: Path) -> None:
    """A command a `--json` document tells the user to run (`skipped`, `error`) carries the
    `--store DIR` the run was given, as the same line on stderr does, and so does the job
    summary: followed as printed, a bare one would look in another store."""
    store = str(tmp_path / "named store")
    flag = f"--store {shlex.quote(store)}"
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env, "--post", "--store", store)
        assert first.returncode == 0, first.stderr
        first_id = first.json()["review_id"]
        # every seat failed: not posted over round 1's summary (`skipped`)
        fakes.write_config({"alpha": fakes.seat("exit")})
        summary = tmp_path / "step-summary.md"
        failed = review(
            fakes, clone, {**env, "GITHUB_STEP_SUMMARY": str(summary)}, "--post", "--store", store
        )
        assert failed.returncode == 3, failed.stderr
        rid = failed.json()["review_id"]
        hint = f"`deep-review publish {rid} --force {flag}`"
        assert hint in failed.stderr, failed.stderr
        assert hint in failed.json()["publish"]["skipped"], failed.json()["publish"]
        assert flag in summary.read_text(encoding="utf-8")
        # GitHub refuses (`error`), through `publish --json` and `review --post --json`
        again = f"`deep-review publish {first_id} {flag}`"
        gh.fail_next(403, method="PATCH", path_prefix=f"/repos/{REPO}/issues/comments/")
        res = run_cli(["publish", first_id, "--json", "--store", store], cwd=clone, env=env)
        assert res.returncode == 5, res.stderr
        assert again in res.stderr and again in res.json()["error"], res.stdout
        ok = fakes.seat("ok", "--review-file", str(tmp_path / "review.md"))
        fakes.write_config({"alpha": ok})
        gh.fail_next(403, method="PATCH", path_prefix=f"/repos/{REPO}/issues/comments/")
        posted = review(fakes, clone, env, "--post", "--store", store)
        assert posted.returncode == 5, posted.stderr
        pub = posted.json()["publish"]
        assert f"`deep-review publish {posted.json()['review_id']} {flag}`" in pub["error"], pub
        assert pub["error"] in posted.stderr, posted.stderr
