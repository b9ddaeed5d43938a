"""Two runs for two pushes of one PR, each with its own store (as CI jobs are): the run for the
older commit finishes last. Its publication leaves the summary that names the newer commit,
with one line saying why (exit 0: the newer review stands), unless forced. Through the real
`deep-review publish` against the fake GitHub."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, SUGGESTIONS_ONLY, push_fix, review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # two real reviews each


@pytest.mark.parametrize("force_push", [False, True])
def test_an_older_review_leaves_the_summary_of_a_newer_commit(
    tmp_path: Path, force_push: bool
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        pull = gh.pull(REPO, NUMBER)
        older_store, newer_store = tmp_path / "run-1-store", tmp_path / "run-2-store"
        older = review(fakes, clone, env, "--store", str(older_store))
        assert older.returncode == 0, older.stderr
        old_id, old_sha = older.json()["review_id"], pull.data["head"]["sha"]
        new_sha = push_fix(tmp_path, gh, force=force_push)
        (tmp_path / "review.md").write_text(SUGGESTIONS_ONLY, encoding="utf-8")
        newer = review(fakes, clone, env, "--store", str(newer_store), "--post")
        assert newer.returncode == 0, newer.stderr
        new_id = newer.json()["review_id"]
        (comment,) = pull.issue_comments
        assert f"reviewed `{new_sha[:12]}`" in comment["body"]
        writes = len(gh.writes)

        def publish(*args: str):  # type: ignore[no-untyped-def]
            return run_cli(["publish", *args], cwd=clone, env=env)

        for extra in ([], ["--inline"], ["--dry-run"], ["--json"]):
            late = publish(old_id, "--store", str(older_store), *extra)
            assert late.returncode == 0, late.stderr
            assert len(gh.writes) == writes, extra  # nothing sent, not even inline comments
            assert f"reviewed `{new_sha[:12]}`" in pull.issue_comments[0]["body"]
            (line,) = [ln for ln in late.stderr.splitlines() if "not posted" in ln]
            assert new_sha[:12] in line and old_sha[:12] in line and new_id in line, line
            assert f"deep-review publish {old_id} --force" in line, line
        data = late.json()
        assert data["summary"] is None and data["requests"] == []
        assert data["skipped"] == line.removeprefix("deep-review: ")
        assert f"--force --store {older_store}`" in data["skipped"]  # as on stderr

        forced = publish(old_id, "--store", str(older_store), "--force")
        assert forced.returncode == 0, forced.stderr
        assert f"reviewed `{old_sha[:12]}`" in pull.issue_comments[0]["body"]
        # The newer review goes over the older summary as ever.
        again = publish(new_id, "--store", str(newer_store))
        assert again.returncode == 0, again.stderr
        assert "not posted" not in again.stderr
        assert f"reviewed `{new_sha[:12]}`" in pull.issue_comments[0]["body"]
        assert len(pull.issue_comments) == 1
