"""A review in a GitHub Actions run started for a pull request (`GITHUB_ACTIONS`,
`GITHUB_EVENT_PATH`, `GITHUB_REPOSITORY`...): every seat of the run reviews the commit the run
was started for, however the PR moved since; the run's repository and Enterprise host name the
repository; `finish` with no seat result at all shows every expected seat failed. Through the
real `deep-review` against the fake GitHub."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from publish.scenario import HEAD_LINES, NUMBER, REPO, REVIEW, make_pr, push_fix
from support.fake_github import FakeGitHub
from support.repos import CliResult, commit_all, git, run_cli, write

pytestmark = pytest.mark.slow  # real seat-only reviews, then finish


def _event(tmp: Path, gh: FakeGitHub, **override: Any) -> Path:
    """The event file GitHub writes for a `pull_request` run of PR #7, as the PR is now."""
    pull = gh.pull(REPO, NUMBER).data
    data = {
        "action": "synchronize",
        "number": NUMBER,
        "pull_request": {
            "number": NUMBER,
            "head": {"sha": override.get("head", pull["head"]["sha"]), "ref": "feature"},
            "base": {
                "sha": override.get("base", pull["base"]["sha"]),
                "ref": "main",
                "repo": {"full_name": REPO},
            },
        },
        "repository": {"full_name": REPO},
    }
    path = tmp / f"event-{len(list(tmp.glob('event-*.json')))}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _actions(fakes: Fakes, gh: FakeGitHub, event: Path, **more: str) -> dict[str, str]:
    """A job's environment: the run's repository, server and event (GH_REPO only in `more`:
    on GitHub the origin remote names the repository; here origin is a local folder)."""
    env = fakes.env(
        {
            **gh.env(),
            "GITHUB_ACTIONS": "true",
            "CI": "true",
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_SERVER_URL": "https://github.com",
            **more,
        }
    )
    env.pop("GH_TOKEN", None)
    return env


def _seats(tmp: Path, fakes: Fakes) -> None:
    review_file = tmp / "review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    seat = fakes.seat("ok", "--review-file", str(review_file))
    fakes.write_config({"alpha": seat, "beta": seat})


def _seat(clone: Path, env: dict[str, str], seat: str, out: Path) -> CliResult:
    args = ["review", str(NUMBER), "--agents", "alpha,beta", "--seat-only", seat]
    return run_cli([*args, "--out", str(out), "--json"], cwd=clone, env=env)


def _fresh_clone(tmp: Path, name: str) -> Path:
    """Another runner's checkout of the repository (fetch-depth: 0, the PR's ref not in it)."""
    git(tmp, "clone", "-q", str(tmp / "origin.git"), str(tmp / name))
    return tmp / name


def test_every_seat_reviews_the_head_the_run_was_started_for(tmp_path: Path) -> None:
    """A push lands between two seat jobs of one run: the later seat still reviews the head
    the run was started for (and says the PR moved on), so `finish` puts them together."""
    with FakeGitHub() as gh:
        clone = make_pr(tmp_path, gh)
        fakes = Fakes(tmp_path)
        _seats(tmp_path, fakes)
        started = gh.pull(REPO, NUMBER).data["head"]["sha"]
        env = _actions(fakes, gh, _event(tmp_path, gh), GH_REPO=REPO)
        first = _seat(clone, env, "alpha", tmp_path / "alpha")
        assert first.returncode == 0, first.stderr
        assert first.json()["head_sha"] == started
        assert "moved on" not in first.stderr
        pushed = push_fix(tmp_path, gh)  # the PR moves on while the run goes on
        second = _seat(_fresh_clone(tmp_path, "runner-2"), env, "beta", tmp_path / "beta")
        assert second.returncode == 0, second.stderr
        assert second.json()["head_sha"] == started
        note = (
            f"note: PR #{NUMBER} has moved on since this GitHub Actions run was started (its "
            f"head is now {pushed[:12]}): reviewed {started[:12]}, the head the run was started "
            "for, as every seat of the run does; a run for the new head reviews it."
        )
        assert note in second.stderr.splitlines(), second.stderr
        assert any("has moved on" in n for n in second.json()["notes"])
        args = ["finish", "--from", str(tmp_path / "alpha"), str(tmp_path / "beta")]
        done = run_cli([*args, "--lead", "none", "--json"], cwd=clone, env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(Path(done.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["header"]["review_sha"] == started
    run = json.loads((fakes.store / done.json()["review_id"] / "run.json").read_text())
    assert note.removeprefix("note: ") in run["notes"]


def test_the_base_is_where_the_run_merged_the_head(tmp_path: Path) -> None:
    """The event's base SHA can be older than the base GitHub merged the head into (the tip
    when the PR was opened): a PR that merged its base since is reviewed from where it meets
    the run's test merge commit (GITHUB_SHA), not with the base's own later work in it."""
    with FakeGitHub() as gh:
        clone = make_pr(tmp_path, gh)
        fakes = Fakes(tmp_path)
        _seats(tmp_path, fakes)
        stale_base = gh.pull(REPO, NUMBER).data["base"]["sha"]
        upstream = tmp_path / "upstream"
        write(upstream, "other.py", "x = 1\n")  # the base moves on...
        base_now = commit_all(upstream, "Base work")
        git(upstream, "checkout", "-q", "feature")
        git(upstream, "merge", "-q", "--no-edit", "main")  # ...and the PR merges it in
        head = git(upstream, "rev-parse", "HEAD")
        git(upstream, "checkout", "-q", "main")
        merge = _test_merge(upstream, base_now, head)
        bare = tmp_path / "origin.git"
        git(upstream, "push", "-q", "--force", str(bare), f"{head}:refs/pull/7/head")
        git(upstream, "push", "-q", "--force", str(bare), f"{merge}:refs/pull/7/merge", "main")
        gh.pull(REPO, NUMBER).data["head"]["sha"] = head
        # The runner checked out the test merge commit, as actions/checkout does.
        git(clone, "fetch", "-q", "origin", "+refs/pull/7/merge:refs/remotes/pull/7/merge")
        git(clone, "checkout", "-q", "--detach", merge)
        event = _event(tmp_path, gh, head=head, base=stale_base)
        env = _actions(fakes, gh, event, GITHUB_SHA=merge, GH_REPO=REPO)
        res = _seat(clone, env, "alpha", tmp_path / "alpha")
    assert res.returncode == 0, res.stderr
    assert (res.json()["base_sha"], res.json()["head_sha"]) == (base_now, head)
    result = json.loads((tmp_path / "alpha" / "seat-result.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in result["target"]["changed_files"]] == ["calc.py"]


def _test_merge(upstream: Path, base: str, head: str) -> str:
    """GitHub's test merge of `head` into `base` (refs/pull/N/merge): parents base, head."""
    tree = git(upstream, "rev-parse", f"{head}^{{tree}}")
    return git(upstream, "commit-tree", tree, "-p", base, "-p", head, "-m", "Merge")


def test_a_run_for_another_pull_request_pins_nothing(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        clone = make_pr(tmp_path, gh)
        fakes = Fakes(tmp_path)
        _seats(tmp_path, fakes)
        started = gh.pull(REPO, NUMBER).data["head"]["sha"]
        event = _event(tmp_path, gh)
        data = json.loads(event.read_text())
        data["pull_request"]["number"] = 8
        event.write_text(json.dumps(data))
        pushed = push_fix(tmp_path, gh)
        res = _seat(clone, _actions(fakes, gh, event, GH_REPO=REPO), "alpha", tmp_path / "alpha")
    assert res.returncode == 0, res.stderr
    assert res.json()["head_sha"] == pushed != started
    assert "moved on" not in res.stderr


def test_github_enterprise_names_the_repository(tmp_path: Path) -> None:
    """On GitHub Enterprise the runner's origin is on the Enterprise host: the run's
    GITHUB_REPOSITORY names the repository, and the report links to the Enterprise host."""
    with FakeGitHub() as gh:
        clone = make_pr(tmp_path, gh)
        fakes = Fakes(tmp_path)
        _seats(tmp_path, fakes)
        ghes = "https://ghes.example.com/acme/demo"
        # The runner's origin is on the Enterprise host; here git fetches it from a folder.
        gitconfig = tmp_path / "gitconfig"
        gitconfig.write_text(f'[url "{tmp_path / "origin.git"}"]\n\tinsteadOf = {ghes}\n')
        git(clone, "remote", "set-url", "origin", ghes)
        env = _actions(
            fakes,
            gh,
            _event(tmp_path, gh),
            GIT_CONFIG_GLOBAL=str(gitconfig),
            GITHUB_SERVER_URL="https://ghes.example.com",
        )
        res = _seat(clone, env, "alpha", tmp_path / "alpha")
        assert res.returncode == 0, res.stderr
        result = json.loads((tmp_path / "alpha" / "seat-result.json").read_text())
        assert (result["target"]["repo_name"], result["target"]["repo_url"]) == (REPO, ghes)
        # Outside Actions an origin on the host GH_HOST names is a GitHub remote too.
        plain = fakes.env({**gh.env(), "GH_HOST": "ghes.example.com"})
        branch = run_cli(
            ["review", "origin/main..main", "--agents", "alpha", "--lead", "none", "--json"],
            cwd=_enterprise_branch(clone),
            env=plain,
        )
    assert branch.returncode == 0, branch.stderr
    header = json.loads(Path(branch.json()["paths"]["json"]).read_text())["header"]
    assert (header["repo"], header["repo_url"]) == (REPO, ghes)


def _enterprise_branch(clone: Path) -> Path:
    """The clone with a local commit on main over origin's: a range a review can take."""
    write(clone, "calc.py", "\n".join(HEAD_LINES) + "\n")
    commit_all(clone, "Local change")
    return clone


def test_finish_with_no_seat_result_shows_every_expected_seat_failed(tmp_path: Path) -> None:
    """No seat job left an artifact (every runner failed before its upload): `finish --expect`
    with no --from still stores the review of the run's PR, every seat failed (exit 3)."""
    with FakeGitHub() as gh:
        clone = make_pr(tmp_path, gh)
        fakes = Fakes(tmp_path)
        _seats(tmp_path, fakes)
        started = gh.pull(REPO, NUMBER).data["head"]["sha"]
        env = _actions(fakes, gh, _event(tmp_path, gh))
        push_fix(tmp_path, gh)
        args = ["finish", "--expect", "alpha,beta", "--lead", "none", "--post", "--json"]
        res = run_cli(args, cwd=clone, env=env)
        comments = gh.pull(REPO, NUMBER).issue_comments
        bare = run_cli(["finish", "--lead", "none"], cwd=clone, env=env)
        outside = {k: v for k, v in env.items() if k != "GITHUB_ACTIONS"}
        lost = run_cli(["finish", "--expect", "alpha", "--lead", "none"], cwd=clone, env=outside)
    assert res.returncode == 3, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["header"]["review_sha"] == started
    assert report["header"]["pr_number"] == NUMBER
    run = json.loads((fakes.store / res.json()["review_id"] / "run.json").read_text())
    assert {s: (v["status"], v["reason"]) for s, v in run["seats"].items()} == {
        seat: ("failed", "no seat result: its runner left none in the --from folders")
        for seat in ("alpha", "beta")
    }
    assert comments == []  # nothing reviewed: the PR's summary is left alone
    assert bare.returncode == 2
    assert "finish needs seat results: --from DIR [DIR...] (with none, --expect SEATS" in (
        bare.stderr
    )
    assert lost.returncode == 2
    assert "no GitHub Actions pull request event (GITHUB_EVENT_PATH)" in lost.stderr
