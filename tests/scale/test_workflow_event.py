"""`examples/github/deep-review.yml` run locally (`gha.py`) against what a real run meets: a
push to the PR between its seat jobs, and seat jobs that left no artifact at all. The runner
hands every step the run's event (`GITHUB_EVENT_PATH`), as GitHub does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from gha import Job, Runner
from scale_kit import SEATS, install_agents
from test_action_runs import shims

from fakebin.harness import AGENT_AUTH, Fakes
from support.fake_github import FakeGitHub
from support.repos import git, make_repo

pytestmark = pytest.mark.slow  # whole workflow jobs, real `deep-review` runs

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "examples" / "github" / "deep-review.yml"
REPO, PR = "acme/demo", 7


def _log(job: Job) -> Any:
    return [(r.name, r.outcome, r.stdout[-2000:], r.stderr[-2000:]) for r in job.results]


def _runner(tmp: Path, gh: FakeGitHub) -> tuple[Runner, Path, str]:
    """One workflow run for PR #7 as it is now: (the runner, the origin, the PR's head)."""
    fakes = Fakes(tmp)
    install_agents(fakes)
    shims(fakes)
    origin = make_repo(tmp / "origin")
    git(origin, "checkout", "-q", "main")
    head = git(origin, "rev-parse", "feature/x")
    base = git(origin, "rev-parse", "main")
    git(origin, "update-ref", f"refs/pull/{PR}/head", head)  # as GitHub keeps a PR's head
    gh.add_pull(REPO, PR, base_sha=base, head_sha=head, head_ref="feature/x", title="Add sub")
    event = {
        "number": PR,
        "pull_request": {
            "number": PR,
            "head": {"sha": head, "ref": "feature/x"},
            "base": {"sha": base, "ref": "main", "repo": {"full_name": REPO}},
        },
        "repository": {"full_name": REPO},
    }
    runner = Runner(
        root=tmp / "gha",
        origin=origin,
        action_dir=ROOT,
        # On GitHub the origin remote names the repository; here origin is a local folder.
        env=fakes.env({"GITHUB_API_URL": gh.url, "GH_REPO": REPO}),
        checkout_ref="feature/x",
        github={"token": "tok-fake", "repository": REPO, "event": event},
        secrets={var: value for var, value in AGENT_AUTH.values()},
    )
    return runner, origin, head


def _push(origin: Path, gh: FakeGitHub) -> str:
    """A push to the PR while the run goes on: GitHub's refs and PR follow it."""
    git(origin, "checkout", "-q", "feature/x")
    (origin / "util" / "strings.py").write_text("def shout(s):\n    return s.upper() + '!'\n")
    git(origin, "commit", "-q", "-am", "A later push")
    head = git(origin, "rev-parse", "feature/x")
    git(origin, "update-ref", f"refs/pull/{PR}/head", head)
    gh.pull(REPO, PR).data["head"]["sha"] = head
    git(origin, "checkout", "-q", "main")
    return head


def test_a_push_during_the_run_is_not_what_its_seats_review(tmp_path: Path) -> None:
    """The first seat job runs before a push to the PR, the others after it: every seat
    reviews the head the run was started for, `finish` puts them together and the SARIF file
    goes to that head's lines (upload-sarif's sha and ref), not to the merge commit."""
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    wf_env = {k: str(v) for k, v in flow["env"].items()}
    with FakeGitHub() as gh:
        r, origin, started = _runner(tmp_path, gh)
        seats = []
        for seat in flow["jobs"]["seat"]["strategy"]["matrix"]["seat"]:
            seats.append(
                r.run_job(flow["jobs"]["seat"], workflow_env=wf_env, matrix={"seat": seat})
            )
            assert not seats[-1].failed, _log(seats[-1])
            if len(seats) == 1:
                pushed = _push(origin, gh)
        done = r.run_job(flow["jobs"]["finish"], workflow_env=wf_env)
    assert not done.failed, _log(done)
    assert done.steps["finish"]["outputs"]["exit-code"] == "0"
    (report_file,) = (r.artifacts / "deep-review-store").glob("*.json")
    assert json.loads(report_file.read_text())["header"]["review_sha"] == started
    later = next(x for x in seats[1].results if x.name == "Review with this seat only")
    assert f"PR #{PR} has moved on" in later.stderr and pushed[:12] in later.stderr
    assert r.sarif_inputs == [
        {
            "sarif_file": done.steps["finish"]["outputs"]["sarif"],
            "category": "deep-review",
            "sha": started,
            "ref": f"refs/pull/{PR}/head",
        }
    ]


def test_no_seat_artifact_at_all_shows_every_seat_failed(tmp_path: Path) -> None:
    """Every seat job failed before its upload: `finish` gets no --from and shows each seat
    of the panel failed (exit 3; the store is saved, no SARIF is sent), instead of stopping on
    a `seat-results/*` that matched nothing."""
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    wf_env = {k: str(v) for k, v in flow["env"].items()}
    with FakeGitHub() as gh:
        r, _, started = _runner(tmp_path, gh)
        r.artifacts.mkdir(parents=True)  # download-artifact finds nothing to download
        done = r.run_job(flow["jobs"]["finish"], workflow_env=wf_env)
        comments = gh.pull(REPO, PR).issue_comments
    assert done.steps["finish"]["outputs"]["exit-code"] == "3", _log(done)
    outcomes = [(x.name, x.outcome) for x in done.results]
    assert ("Save the PR's review store for the next round", "success") in outcomes
    assert ("github/codeql-action/upload-sarif@v3", "skipped") in outcomes
    assert ("Fail on findings or failed seats", "failure") in outcomes
    assert r.sarif_uploads == [] and comments == []
    store = r.artifacts / "deep-review-store"
    (report_file,) = store.glob("*.json")
    assert json.loads(report_file.read_text())["header"]["review_sha"] == started
    run = json.loads((store / report_file.stem / "run.json").read_text())
    assert {s: v["status"] for s, v in run["seats"].items()} == dict.fromkeys(SEATS, "failed")
