"""Ctrl-C while `relead` runs its lead: the stored review is put back as it was, and the
command says so — with `--json`, as one JSON document on stdout like every other outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes, processes_with
from support.interrupt import interrupt_review
from support.repos import make_repo, run_cli


def _reviewed(tmp_path: Path) -> tuple[Path, Fakes, str]:
    """A stored review with no lead (one command seat): the repository, the fakes, its ID."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"one": fakes.seat("ok")})
    first = run_cli(
        ["review", "--agents", "one", "--lead", "none", "--json"], cwd=repo, env=fakes.env()
    )
    assert first.returncode == 0, first.stderr
    return repo, fakes, first.json()["review_id"]


@pytest.mark.slow
def test_ctrl_c_during_a_relead_answers_json_and_says_the_report_stands(tmp_path: Path) -> None:
    repo, fakes, rid = _reviewed(tmp_path)
    report = (fakes.store / f"{rid}.json").read_bytes()
    fakes.agent("claude", {"duration": 120, "tools": 2})  # a lead that takes its time

    def lead_runs() -> bool:
        # the lead itself, not the `claude --version` probe before it
        return any(
            f"{fakes.marker}/claude" in p and "--version" not in p
            for p in processes_with(fakes.marker)
        )

    run = interrupt_review(
        ["relead", rid, "--lead", "claude", "--json"],
        cwd=repo,
        env=fakes.env(agents=True),
        when=lead_runs,
        what="the lead to start",
    )
    assert run.returncode == 130, run.stderr
    answer = json.loads(run.stdout)  # one document, even interrupted
    assert answer["schema_version"] == 1
    assert answer["exit_code"] == 130
    assert rid in answer["error"]
    # Beside the lead's live lines, one line that says what became of the review and what to
    # run.
    lines = [ln for ln in run.stderr.splitlines() if ln.strip() and not ln.startswith("[lead]")]
    assert len(lines) == 1, run.stderr
    assert "as it was" in lines[0] and f"deep-review relead {rid}" in lines[0], lines[0]
    # the user's own Ctrl-C is no error
    assert lines[0].startswith("deep-review: relead interrupted: "), lines[0]
    assert (fakes.store / f"{rid}.json").read_bytes() == report


def test_relead_shows_its_lead_running_as_resume_does(tmp_path: Path) -> None:
    """A relead runs its lead for minutes: the terminal says so while it runs (`[lead]
    running`) and how it ended, as `review` and `resume` do, not nothing until the summary."""
    repo, fakes, rid = _reviewed(tmp_path)
    fakes.agent("claude")
    res = run_cli(
        ["relead", rid, "--lead", "claude"],
        cwd=repo,
        env=fakes.env(agents=True),
    )
    assert res.returncode in (0, 6), res.stderr
    assert "[lead] running" in res.stderr, res.stderr
