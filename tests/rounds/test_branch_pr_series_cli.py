"""A branch with an open PR continues the PR's round series: the PR is looked up by its head
branch (`gh pr list`, else REST with a token); without GitHub the branch keeps its own series."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers, run_json
from support.fake_github import FakeGitHub
from support.interrupt import interrupt_review
from support.repos import clone_with_pr, git, make_repo

PR_JSON = {
    "title": "Add sub and shout",
    "html_url": "https://github.com/acme/demo/pull/7",
    "body": "Adds two helpers.",
    "user": {"login": "octocat", "html_url": "https://github.com/octocat"},
    "base": {"ref": "main", "sha": "x"},
    "head": {"ref": "feature/x", "sha": "y"},
}
OPEN_PR_7 = [{"number": 7, "url": "https://github.com/acme/demo/pull/7"}]


def _clone_with_pr(tmp_path: Path) -> Path:
    """A clone of a repository whose `feature/x` is the head of PR #7; `feature/x` checked out."""
    upstream = make_repo(tmp_path, "upstream")
    clone, _ = clone_with_pr(tmp_path, upstream, 7, default_branch="main")
    git(clone, "checkout", "-q", "-b", "feature/x", "origin/feature/x")
    return clone


def _fake_gh(fakes: Fakes, pr_list: object | None) -> Path:
    """`gh` that serves PR #7 and answers `gh pr list` with `pr_list` (None: not logged in);
    every call is logged."""
    log = fakes.tmp / "gh-calls.log"
    (fakes.tmp / "pr.json").write_text(json.dumps(PR_JSON), encoding="utf-8")
    answer = fakes.tmp / "pr-list.json"
    if pr_list is not None:
        answer.write_text(json.dumps(pr_list), encoding="utf-8")
    fakes.install(
        "gh",
        "#!/bin/sh\n"
        f'echo "$@" >> "{log}"\n'
        'if [ "$1" = auth ]; then exit 0; fi\n'
        'if [ "$1 $2" = "api repos/acme/demo/pulls/7" ]; then\n'
        f'  cat "{fakes.tmp}/pr.json"; exit 0\n'
        "fi\n"
        'if [ "$1 $2" = "pr list" ]; then\n'
        f'  if [ -f "{answer}" ]; then cat "{answer}"; exit 0; fi\n'
        "  echo 'To get started with GitHub CLI, please run:  gh auth login' >&2; exit 4\n"
        "fi\n"
        "echo 'HTTP 404: Not Found' >&2; exit 1\n",
    )
    return log


@pytest.fixture
def api() -> Iterator[FakeGitHub]:
    """The fake GitHub, with PR #7 open from `feature/x`; it wants the token `tok-1`."""
    with FakeGitHub(token="tok-1") as gh:
        gh.add_pull("acme/demo", 7, head_ref="feature/x")
        gh.add_pull("acme/demo", 8, head_ref="other")
        yield gh


def _review(fakes: Fakes, clone: Path, env: dict[str, str], *target: str) -> dict:  # type: ignore[type-arg]
    fakes.write_config({"alpha": fakes.seat("ok")})
    res = fakes.review(clone, *target, "--agents", "alpha", "--format", "md", env=env)
    assert res.returncode == 0, res.stderr
    out: dict = res.json()  # type: ignore[type-arg]
    out["md"] = (fakes.store / f"{out['review_id']}.md").read_text(encoding="utf-8")
    out["state"] = run_json(Path(out["review_dir"]))
    out["report"] = json.loads((fakes.store / f"{out['review_id']}.json").read_text("utf-8"))
    return out


@pytest.mark.slow
def test_a_branch_with_an_open_pr_continues_the_pr_series_found_with_gh(tmp_path: Path) -> None:
    clone = _clone_with_pr(tmp_path)
    fakes = Fakes(tmp_path)
    log = _fake_gh(fakes, OPEN_PR_7)
    env = fakes.env({"GH_REPO": "acme/demo"})
    first = _review(fakes, clone, env, "#7")
    assert first["review_id"].endswith("-pr-7")
    second = _review(fakes, clone, env)
    assert not second["review_id"].endswith("-pr-7")  # still a review of the branch
    assert "| **Round** | 2 (of PR #7) |" in second["md"]
    assert second["report"]["round_info"]["series"] == "pr:7"
    assert second["state"]["target"]["series_pr"] == 7
    assert "pr list --repo acme/demo --head feature/x --state open --json number,url" in (
        log.read_text(encoding="utf-8")
    )


@pytest.mark.slow
def test_the_pr_is_found_through_the_rest_api_when_gh_is_not_logged_in(
    tmp_path: Path, api: FakeGitHub
) -> None:
    clone = _clone_with_pr(tmp_path)
    fakes = Fakes(tmp_path)
    _fake_gh(fakes, None)
    env = fakes.env({"GH_REPO": "acme/demo", **api.env("tok-1")})
    first = _review(fakes, clone, env)
    assert first["state"]["target"]["series_pr"] == 7
    [asked] = api.requests
    assert (asked.path, asked.query, asked.auth) == (
        "/repos/acme/demo/pulls",
        {"head": ["acme:feature/x"], "state": ["open"]},
        "Bearer tok-1",
    )
    second = _review(fakes, clone, env)
    assert "| **Round** | 2 (of PR #7) |" in second["md"]


@pytest.mark.slow
def test_a_range_of_a_branch_with_an_open_pr_joins_the_pr_series(tmp_path: Path) -> None:
    clone = _clone_with_pr(tmp_path)
    fakes = Fakes(tmp_path)
    _fake_gh(fakes, OPEN_PR_7)
    env = fakes.env({"GH_REPO": "acme/demo"})
    _review(fakes, clone, env, "#7")
    second = _review(fakes, clone, env, "origin/main..feature/x")
    assert second["state"]["target"]["series_pr"] == 7
    assert "| **Round** | 2 (of PR #7) |" in second["md"]


@pytest.mark.parametrize(
    ("case", "gh_answer", "status", "token"),
    [
        ("no PR open", [], 200, ""),
        ("gh not logged in, no token", None, 200, ""),
        ("gh not logged in, API error", None, 500, "tok-1"),
        ("gh not logged in, API unreachable", None, 0, "tok-1"),
        ("gh answers junk", {"number": "seven"}, 200, ""),
    ],
)
def test_without_an_open_pr_a_branch_keeps_its_own_series(
    tmp_path: Path,
    api: FakeGitHub,
    case: str,
    gh_answer: object,
    status: int,
    token: str,
) -> None:
    if status >= 400:
        api.fail_next(status, times=3)
    clone = _clone_with_pr(tmp_path)
    fakes = Fakes(tmp_path)
    _fake_gh(fakes, gh_answer)
    extra = {"GH_REPO": "acme/demo", "GITHUB_API_URL": api.url if status else "http://127.0.0.1:9"}
    if token:
        extra["GITHUB_TOKEN"] = token
    env = fakes.env(extra)
    if not token:
        env.pop("GITHUB_TOKEN", None)
    env.pop("GH_TOKEN", None)
    out = _review(fakes, clone, env)
    assert out["state"]["target"]["series_pr"] is None, case
    if not token:
        assert api.requests == [], case  # nobody to ask with: no network attempt
    if case == "no PR open":
        second = _review(fakes, clone, env)
        assert "| **Round** | 2 (of feature/x) |" in second["md"]


def test_no_github_remote_asks_nothing(tmp_path: Path, api: FakeGitHub) -> None:
    repo = make_repo(tmp_path)  # no remote at all
    fakes = Fakes(tmp_path)
    log = _fake_gh(fakes, OPEN_PR_7)
    env = fakes.env(api.env("tok-1"))
    env.pop("GH_REPO", None)
    out = _review(fakes, repo, env)
    assert out["state"]["target"]["series_pr"] is None
    assert api.requests == [] and not log.exists()


@pytest.mark.slow
def test_ctrl_c_while_gh_is_asked_leaves_no_gh_behind(tmp_path: Path) -> None:
    clone = _clone_with_pr(tmp_path)
    fakes = Fakes(tmp_path)
    log = tmp_path / "gh-calls.log"
    fakes.install("gh", f'#!/bin/sh\necho "$@" >> "{log}"\nsleep 60\necho "[]"\n')
    fakes.write_config({"alpha": fakes.seat("slow", "--sleep", "120")})
    run = interrupt_review(
        ["review", "--agents", "alpha", "--lead", "none", "--json"],
        cwd=clone,
        env=fakes.env({"GH_REPO": "acme/demo"}),
        when=lambda: log.exists() and "pr list" in log.read_text(encoding="utf-8"),
        what="gh to be asked",
    )
    assert run.returncode == 130, run.stderr
    state = run_json(Path(run.json()["review_dir"]))
    assert state["status"] == "interrupted" and state["target"]["series_pr"] is None
    assert_no_leftovers(fakes, clone)  # the fake gh (in the marked folder) was stopped
