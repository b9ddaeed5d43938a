"""`examples/github/deep-review.yml`, run locally job by job (`gha.py`): the seat matrix on
three fresh checkouts, then `finish`, which posts on the PR (a fake GitHub) and uploads the
store and the SARIF file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from gha import Job, Runner
from scale_kit import SEATS, finish, install_agents, origin_and_clones, seat_only
from test_action_runs import job, shims

from fakebin.harness import AGENT_AUTH, Fakes
from support.fake_github import FakeGitHub
from support.fake_threads import thread
from support.repos import git, make_repo

pytestmark = pytest.mark.slow  # four jobs, five real `deep-review` runs

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "examples" / "github" / "deep-review.yml"
REPO, PR = "acme/demo", 7


def _fakes(tmp: Path, scenarios: dict[str, dict[str, Any]] | None = None) -> Fakes:
    """The three agent CLIs (answering their canned reviews, or as `scenarios` say) and the
    runner's shims on PATH."""
    fakes = Fakes(tmp)
    install_agents(fakes, scenarios)
    shims(fakes)
    return fakes


def _pr_origin(tmp: Path) -> tuple[Path, str]:
    """The origin and the PR's head: `feature/x`, also at `refs/pull/PR/head` as on GitHub."""
    origin = make_repo(tmp / "origin")
    head = git(origin, "rev-parse", "feature/x")
    git(origin, "update-ref", f"refs/pull/{PR}/head", head)
    return origin, head


def _runner(
    root: Path,
    origin: Path,
    fakes: Fakes,
    gh: FakeGitHub,
    *,
    run: dict[str, Any] | None = None,
    cache_dir: Path | None = None,
) -> Runner:
    """A workflow run for the PR (`run`: its run_id and run_attempt), talking to `gh`."""
    return Runner(
        root=root,
        origin=origin,
        action_dir=ROOT,
        env=fakes.env({"GITHUB_API_URL": gh.url, "GH_REPO": REPO}),
        checkout_ref="feature/x",
        github={"token": "tok-fake", **(run or {}), "event": {"pull_request": {"number": PR}}},
        secrets={var: value for var, value in AGENT_AUTH.values()},
        cache_dir=cache_dir,
    )


def _outcomes(job: Job) -> list[tuple[str, str]]:
    return [(r.name, r.outcome) for r in job.results]


def _log(job: Job) -> Any:
    return [(r.name, r.outcome, r.stdout[-2000:], r.stderr[-2000:]) for r in job.results]


def test_a_review_where_every_seat_failed_uploads_no_sarif(tmp_path: Path) -> None:
    """Exit 3: the store is saved and the job fails, but the SARIF file (no results, as no seat
    reviewed) is not sent to code scanning, which would close the PR's open alerts."""
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    failing = {"mode": "exit", "exit_code": 1, "stderr": "401 invalid x-api-key"}
    fakes = _fakes(tmp_path, {seat: failing for seat in SEATS})
    origin, head = _pr_origin(tmp_path)
    with FakeGitHub() as gh:
        gh.add_pull(REPO, PR, head_sha=head, head_ref="feature/x", title="Add sub")
        r = _runner(tmp_path / "gha", origin, fakes, gh)
        wf_env = {k: str(v) for k, v in flow["env"].items()}
        for seat in flow["jobs"]["seat"]["strategy"]["matrix"]["seat"]:
            job = r.run_job(flow["jobs"]["seat"], workflow_env=wf_env, matrix={"seat": seat})
            assert not job.failed, _log(job)  # exit 3 of a seat is left to finish
        done = r.run_job(flow["jobs"]["finish"], workflow_env=wf_env)
    assert done.steps["finish"]["outputs"]["exit-code"] == "3", _log(done)
    sarif = done.workspace / done.steps["finish"]["outputs"]["sarif"]
    assert sarif.is_file()  # written to the store, with executionSuccessful false
    assert (
        json.loads(sarif.read_text())["runs"][0]["invocations"][0]["executionSuccessful"] is False
    )
    assert r.sarif_uploads == []
    outcomes = _outcomes(done)
    assert ("github/codeql-action/upload-sarif@v3", "skipped") in outcomes
    assert ("Save the PR's review store for the next round", "success") in outcomes
    assert ("Fail on findings or failed seats", "failure") in outcomes


def _package(seat: str) -> str:
    return {
        "claude": "@anthropic-ai/claude-code",
        "codex": "@openai/codex",
        "gemini": "@google/gemini-cli",
    }[seat]


def test_the_action_posts_then_fails_on_findings(tmp_path: Path) -> None:
    """`fail-on: important` with an Important finding: the store is uploaded and the comment
    posted first, then the job fails with exit 4."""
    fakes = _fakes(tmp_path)
    origin, head = _pr_origin(tmp_path)
    with FakeGitHub() as gh:
        gh.add_pull(REPO, PR, head_sha=head, head_ref="feature/x", title="Add sub and shout")
        r = _runner(tmp_path / "gha", origin, fakes, gh)
        with_ = {
            "agents": ",".join(SEATS),
            "post": "true",
            "fail-on": "important",
            "extra-args": "--lead none",
        }
        j = r.run_job(job(with_))
        posted = gh.requests_to("POST", f"/repos/{REPO}/issues/{PR}/comments")
    assert j.failed
    (step,) = [x for x in j.results if x.name == "./"]
    assert step.code == 4, step.stdout
    for inner in (
        "[Review] success",
        "[Upload the review store] success",
        "[Post on the pull request] success",
        "[Fail on findings or failed seats] failure",
    ):
        assert inner in step.stdout, step.stdout
    assert len(posted) == 1
    assert list((r.artifacts / "deep-review-store").glob("*-pr-7.json"))


def test_the_actions_exit_code_is_the_jobs_when_posting_fails(tmp_path: Path) -> None:
    """GitHub refuses the summary comment (exit 5 in the post step): the job fails with 5, and
    the Action's `exit-code` output says 5, not the review step's 4; the job summary says why."""
    fakes = _fakes(tmp_path)
    origin, head = _pr_origin(tmp_path)
    with FakeGitHub() as gh:
        gh.add_pull(REPO, PR, head_sha=head, head_ref="feature/x", title="Add sub and shout")
        gh.fail_next(403, method="POST", path_prefix=f"/repos/{REPO}/issues/{PR}/comments")
        r = _runner(tmp_path / "gha", origin, fakes, gh)
        with_ = {
            "agents": ",".join(SEATS),
            "post": "true",
            "fail-on": "important",
            "extra-args": "--lead none",
        }
        steps = job(with_)["steps"]
        steps[-1]["id"] = "review"
        j = r.run_job({"steps": steps})
    assert j.failed
    (step,) = [x for x in j.results if x.name == "./"]
    assert step.code == 5, step.stdout
    assert "[Post on the pull request] failure" in step.stdout, step.stdout
    assert "[Fail on findings or failed seats] skipped" in step.stdout, step.stdout
    outputs = j.steps["review"]["outputs"]
    assert outputs["exit-code"] == "5", outputs
    assert outputs["review-id"]
    summaries = "\n".join(j.summaries)
    assert "Gate `--fail-on important`: failed (exit 4)" in summaries, summaries
    assert "Posting failed (exit 5)" in summaries, summaries


def test_post_and_fail_on_belong_to_finish(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    install_agents(fakes)
    _, (runner, local) = origin_and_clones(tmp_path, 2)
    out = tmp_path / "o"
    for extra in (["--post"], ["--fail-on", "important"]):
        res = seat_only(fakes, runner, "claude", out, *extra)
        assert res.returncode == 2, res.stderr
        assert "--seat-only writes no report to post or gate" in res.stderr
    assert not out.exists()
    assert seat_only(fakes, runner, "claude", out).returncode == 0
    res = finish(fakes, local, "--from", str(out), "--post")
    assert res.returncode == 2
    assert "--post publishes on a pull request, and the seats reviewed main..feature/x" in (
        res.stderr
    )
    assert list((tmp_path / "store").glob("*/run.json")) == []  # no review written
    bad_api = finish(fakes, local, "--from", str(out), "--post", "--github-api", "ghe.local")
    assert bad_api.returncode == 2
    assert "--github-api 'ghe.local' is not a URL" in bad_api.stderr
    assert list((tmp_path / "store").glob("*/run.json")) == []
    gated = finish(fakes, local, "--from", str(out), "--fail-on", "important")
    assert gated.returncode == 4, gated.stderr  # claude's I1
    assert Path(gated.json()["paths"]["json"]).is_file()


def _push(origin: Path, gh: FakeGitHub, text: str) -> str:
    """A new commit on the PR's branch, as a push does; GitHub's refs and PR follow it."""
    git(origin, "checkout", "-q", "feature/x")
    (origin / "util" / "strings.py").write_text(text, encoding="utf-8")
    git(origin, "commit", "-q", "-am", "Round 2 changes")
    head = git(origin, "rev-parse", "feature/x")
    git(origin, "update-ref", f"refs/pull/{PR}/head", head)
    gh.pull(REPO, PR).data["head"]["sha"] = head
    git(origin, "checkout", "-q", "main")
    return head


def _pushes(
    tmp: Path, gh: FakeGitHub, *, failing: tuple[bool, ...] = (False, False)
) -> Iterator[Runner]:
    """A PR, reviewed on several pushes: one Runner (a workflow run) per push, each after the
    first following a new commit, all with the same Actions cache. `failing[i]`: every agent
    CLI fails in run i (a quota, an outage) and in the runs after it."""
    fakes = _fakes(tmp)
    origin, head = _pr_origin(tmp)
    git(origin, "checkout", "-q", "main")
    gh.add_pull(REPO, PR, head_sha=head, head_ref="feature/x", title="Add sub and shout")
    for n, fails in enumerate(failing):
        run_id = 101 + n
        if n:
            _push(origin, gh, "def shout(s):\n    return s.upper() + '" + "!" * n + "'\n")
        if fails:
            failed = {"mode": "exit", "exit_code": 1, "stderr": "429 quota exceeded"}
            install_agents(fakes, {seat: failed for seat in SEATS})
        yield _runner(
            tmp / f"run-{run_id}",
            origin,
            fakes,
            gh,
            run={"run_id": run_id, "run_attempt": 1},
            cache_dir=tmp / "actions-cache",
        )


def _assert_reviewed_posted_and_uploaded(r: Runner, finish: Job, gh: FakeGitHub) -> None:
    """The first workflow run of a PR: its seat artifacts and store uploaded, the agent CLIs
    installed, the report (with the PR's unresolved thread) posted once and sent as SARIF."""
    posted = gh.requests_to("POST", f"/repos/{REPO}/issues/{PR}/comments")
    assert sorted(p.name for p in r.artifacts.iterdir()) == [
        "deep-review-seat-claude",
        "deep-review-seat-codex",
        "deep-review-seat-gemini",
        "deep-review-store",
    ]
    for seat in SEATS:
        npm = f"npm install --global --no-fund --no-audit {_package(seat)}"
        assert npm in r.installs
    store = r.artifacts / "deep-review-store"
    (report_file,) = store.glob("*.json")
    report = json.loads(report_file.read_text())
    assert report["header"]["pr_number"] == PR
    # The seat runners fetched the PR's unresolved thread; finish reports on it.
    assert [v["thread"]["ref"] for v in report["unresolved_feedback"]] == ["T1"]
    assert [f["id"] for f in report["findings"]] == ["I1", "S1", "S2"]
    (sarif,) = r.sarif_uploads
    assert sarif.name == f"{report_file.stem}.sarif"
    # `--format sarif` adds SARIF: the artifact still holds the report a person reads.
    rid = report_file.stem
    assert {f"{rid}.md", f"{rid}.html"} <= {p.name for p in store.iterdir()}
    assert f'href="{rid}.html"' in (store / "index.html").read_text()
    assert len(posted) == 1 and "<!-- deep-review:summary -->" in posted[0].body["body"]
    assert ("Fail on findings or failed seats", "skipped") in _outcomes(finish)


def test_the_workflow_reviews_posts_uploads_and_the_next_push_is_the_next_round(
    tmp_path: Path,
) -> None:
    """`examples/github/deep-review.yml` on a PR's first push reviews, posts and uploads (the
    seat matrix, then finish). The PR's review store is kept in the Actions cache (restored
    by every job, saved by finish): the second workflow run for the PR is round 2, and its
    seats' prompts carry the first round's open findings. (One test: the second push needs a
    whole first run, and that run is the one the first checks read.)"""
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    wf_env = {k: str(v) for k, v in flow["env"].items()}
    reports = []
    with FakeGitHub() as gh:
        for r in _pushes(tmp_path, gh):
            first_run = not reports
            if first_run:
                thread_ = thread("calc.py", 5, "Should sub() accept strings?", author="bob")
                gh.pull(REPO, PR).review_threads = [thread_]
            for seat in flow["jobs"]["seat"]["strategy"]["matrix"]["seat"]:
                job = r.run_job(flow["jobs"]["seat"], workflow_env=wf_env, matrix={"seat": seat})
                assert not job.failed, _log(job)
            done = r.run_job(flow["jobs"]["finish"], workflow_env=wf_env)
            assert not done.failed, _log(done)
            if first_run:
                _assert_reviewed_posted_and_uploaded(r, done, gh)
            store = r.artifacts / "deep-review-store"
            newest = max(store.glob("*.json"), key=lambda p: p.name)
            reports.append(json.loads(newest.read_text()))
            prompt = next((r.artifacts / "deep-review-seat-claude").glob("prompt*.md")).read_text()
    assert sorted(p.name for p in (tmp_path / "actions-cache").iterdir()) == [
        f"deep-review-store-pr-{PR}-101-1",
        f"deep-review-store-pr-{PR}-102-1",
    ]
    first, second = reports
    assert first["header"]["round"] in (None, "1")
    assert second["round_info"] is not None
    assert second["header"]["round"] == f"2 (of PR #{PR})"
    # The last prompt is the second run's: the seat saw round 1's open findings.
    assert "## A later round: what changed since round 1" in prompt
    assert "### Round 1's open findings" in prompt


def test_the_action_keeps_rounds_and_posts_no_failed_review_over_the_summary(
    tmp_path: Path,
) -> None:
    """The Action on three pushes of a PR (one test: each push needs the runs before it).
    Its review store is kept between pushes: the second run's store holds both rounds, the
    first restored from the cache. A push whose review failed in every seat (exit 3, the
    third) reviewed nothing: the Action's post step is skipped, the PR keeps the last real
    summary (the first run's; the second does not post), and the job fails with 3."""
    rounds, jobs = [], []
    with FakeGitHub() as gh:
        for n, r in enumerate(_pushes(tmp_path, gh, failing=(False, False, True))):
            with_ = {"agents": ",".join(SEATS), "extra-args": "--lead none"}
            if n != 1:
                with_["post"] = "true"
            jobs.append(r.run_job(job(with_)))
            if n < 2:
                assert not jobs[-1].failed, _log(jobs[-1])
                stored = sorted((r.artifacts / "deep-review-store").glob("*-pr-7.json"))
                rounds.append([json.loads(p.read_text())["header"]["round"] for p in stored])
        (comment,) = gh.pull(REPO, PR).issue_comments
        writes = [(w.method, w.path) for w in gh.writes]
    # The second run's store holds both rounds: the first restored from the cache.
    assert len(rounds[0]) == 1 and rounds[1][-1] == f"2 (of PR #{PR})" and len(rounds[1]) == 2
    (step,) = [x for x in jobs[2].results if x.name == "./"]
    assert step.code == 3, step.stdout
    assert "[Post on the pull request] skipped" in step.stdout, step.stdout
    assert "[Fail on findings or failed seats] failure" in step.stdout
    assert "## Deep Review: Failed" not in comment["body"]
    assert writes == [("POST", f"/repos/{REPO}/issues/{PR}/comments")]
