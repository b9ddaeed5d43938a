"""`GH_REPO` as `gh` reads it: `owner/name` or `host/owner/name`. Through the real `review
--post` against the fake GitHub: both forms review and post to the PR of `owner/name`; a
malformed value is refused with one line naming the accepted forms (exit 2, bad input)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.github.remote import with_gh_repo_api
from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub


@pytest.mark.parametrize("named", [REPO, f"github.com/{REPO}", f"ghe.example.com/{REPO}"])
def test_both_forms_review_and_post_to_the_pr(tmp_path: Path, named: str) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env["GH_REPO"] = named  # GITHUB_API_URL (the fake) is set: it wins over the host
        res = review(fakes, clone, env, "--lead", "none", "--post")
        assert res.returncode == 0, res.stderr[-3000:]
        assert len(gh.pull(REPO, NUMBER).issue_comments) == 1


def test_a_malformed_gh_repo_is_refused_with_the_accepted_forms(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env["GH_REPO"] = "https://github.com/acme/demo"
        res = review(fakes, clone, env, "--lead", "none", "--post")
        assert res.returncode == 2, res.stderr
        (line,) = [ln for ln in res.stderr.splitlines() if "GH_REPO" in ln]
        assert "OWNER/NAME or HOST/OWNER/NAME" in line, res.stderr
        assert gh.writes == []


def test_an_enterprise_host_names_its_api_unless_github_api_url_is_set() -> None:
    ghes = {"GH_REPO": f"ghe.example.com/{REPO}"}
    assert with_gh_repo_api(ghes)["GITHUB_API_URL"] == "https://ghe.example.com/api/v3"
    given = {**ghes, "GITHUB_API_URL": "http://127.0.0.1:1/api"}
    assert with_gh_repo_api(given)["GITHUB_API_URL"] == "http://127.0.0.1:1/api"
    assert "GITHUB_API_URL" not in with_gh_repo_api({"GH_REPO": f"github.com/{REPO}"})
    assert "GITHUB_API_URL" not in with_gh_repo_api({"GH_REPO": REPO})
