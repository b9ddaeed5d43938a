"""SARIF says whether the review ran: `runs[].invocations[]` with `executionSuccessful` and one
`toolExecutionNotifications` entry per seat that failed (SARIF 2.1.0 §3.20, Appendix I).

Without it a review where every seat failed is a SARIF log with no results, which a consumer
such as GitHub code scanning reads as a clean analysis, closing the pull request's open alerts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sarif_kit import validate as _validate

from deepreview.formats import render_report
from deepreview.model import Finding, Header, Location, Report, Reviewer, Severity, Verdict
from deepreview.runmodel import SeatRun
from fakebin.harness import Fakes
from support.golden import assert_golden
from support.repos import make_repo, run_cli

FAILED = {"mode": "exit", "exit_code": 1, "stderr": "401 invalid x-api-key"}


def _review_then_sarif(tmp: Path, scenarios: dict[str, dict[str, Any]]) -> tuple[int, dict]:  # type: ignore[type-arg]
    """`deep-review review --agents claude,codex`, then `show ID --format sarif`."""
    repo = make_repo(tmp)
    fakes = Fakes(tmp)
    for cli, scenario in scenarios.items():
        fakes.agent(cli, scenario)
    env = fakes.env(agents=True)
    res = fakes.review(repo, "--agents", ",".join(scenarios), env=env)
    assert res.returncode in (0, 3), res.stderr
    shown = run_cli(["show", res.json()["review_id"], "--format", "sarif"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    data: dict = json.loads(shown.stdout)  # type: ignore[type-arg]
    _validate(data)
    return res.returncode, data


def test_a_review_where_every_seat_failed_is_an_unsuccessful_run(tmp_path: Path) -> None:
    code, data = _review_then_sarif(tmp_path, {"claude": FAILED, "codex": FAILED})
    assert code == 3
    (run,) = data["runs"]
    assert run["results"] == []
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "error"]
    texts = [n["message"]["text"] for n in notes]
    assert texts[0] == "Seat Claude failed: exited with code 1: 401 invalid x-api-key."
    assert texts[1].startswith("Seat Codex failed: ") and "401 invalid x-api-key" in texts[1]
    assert [n["properties"]["seat"] for n in notes] == ["claude", "codex"]


def test_a_review_with_one_failed_seat_ran_and_says_which_seat_failed(tmp_path: Path) -> None:
    code, data = _review_then_sarif(tmp_path, {"claude": {}, "codex": FAILED})
    assert code == 0
    (invocation,) = data["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning"
    assert note["message"]["text"].startswith("Seat Codex failed: ")
    assert note["properties"] == {"seat": "codex", "status": "failed"}


def test_a_clean_review_ran_with_nothing_to_say(tmp_path: Path) -> None:
    code, data = _review_then_sarif(tmp_path, {"claude": {}})
    assert code == 0
    assert data["runs"][0]["invocations"] == [{"executionSuccessful": True}]


# --- goldens: the whole log, from hand-built reports --------------------------------------------

_REVIEWERS = (Reviewer("claude", "Claude", "Opus 4.6"), Reviewer("codex", "Codex", "GPT 5.4"))


def _report(verdict: Verdict, runs: tuple[SeatRun, ...], *findings: Finding) -> Report:
    header = Header(
        review_id="20260408-145125-pr-7",
        repo_url="https://github.com/acme/widgets",
        review_sha="a53d4b9c0ffee",
        reviewers=_REVIEWERS,
        verdict=verdict,
    )
    return Report(header=header, findings=findings, runs=runs)


def _golden(name: str, report: Report) -> None:
    from deepreview import __version__

    text = render_report(report, "sarif")
    _validate(json.loads(text))
    # The driver's version changes with every release; the golden is about the shape.
    driver_version = f'"version": "{__version__}",'
    assert text.count(driver_version) == 1
    assert_golden(f"sarif/{name}", text.replace(driver_version, '"version": "<version>",'))


def test_golden_failed_review() -> None:
    runs = (
        SeatRun("claude", status="failed", reason="exited with code 1: 401 invalid x-api-key"),
        SeatRun("codex", status="timeout", reason="no output for 600 s"),
    )
    _golden("failed-review.sarif", _report(Verdict("Failed", "no seat produced a review"), runs))


def test_golden_review_with_a_failed_seat() -> None:
    finding = Finding(
        "I1",
        Severity.IMPORTANT,
        "Cache entries leak on `reload`",
        (Location("cache.go", 10, 20),),
        classification="regression",
        reviewers=("Claude Opus 4.6",),
        body="The entry is never removed.\n",
    )
    runs = (SeatRun("claude"), SeatRun("codex", status="interrupted"))
    verdict = Verdict("Merge with fixes", "I1 needs attention; 1 of 2 seats failed")
    _golden("partial-review.sarif", _report(verdict, runs, finding))


def test_an_unverified_review_is_not_a_clean_analysis(tmp_path: Path) -> None:
    """A seat's findings no one could read: zero results would read as a clean analysis and
    close open alerts. The run says it was not successful, and why."""
    reason = (
        "no issues found in the findings that could be read; "
        "Claude's findings could not be read (see the appendix)"
    )
    report = _report(Verdict("Unverified", reason), (SeatRun("claude"), SeatRun("codex")))
    (run,) = json.loads(render_report(report, "sarif"))["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == (
        "The review is incomplete: Claude's findings could not be read (see the appendix)."
    )


def test_only_static_checks_after_every_model_seat_failed_is_not_clean(tmp_path: Path) -> None:
    runs = (SeatRun("claude", "failed", reason="401"), SeatRun("static"))
    report = _report(Verdict("No model review", "static checks found nothing"), runs)
    (invocation,) = json.loads(render_report(report, "sarif"))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert texts[-1] == (
        "The review is incomplete: no model seat produced a review (claude failed; only "
        "static checks ran)."
    )
