"""A seat whose findings text we cannot read: without a lead to read it, the verdict is no
approval and the CI gate does not pass on our failure to read it."""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, make_repo, run_cli

# Problems named in prose inside a findings section: no finding we can read.
PROSE = (
    "## Executive Summary\n\nOne real problem.\n\n## Findings\n\n### Critical Issues\n\n"
    "The new subtraction helper returns the wrong sign whenever the first argument is "
    "smaller, which corrupts every balance it touches.\n\n### Suggestions\n\nNone.\n"
)


def _review(tmp: Path, *args: str):  # type: ignore[no-untyped-def]
    repo = make_repo(tmp)
    res = run_cli(
        ["review", "--agents", "good,prose,broken", "--lead", "none", "--json", *args],
        cwd=repo,
        env=cli_env(tmp),
    )
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    return res, report


def test_unread_findings_make_the_verdict_unverified_not_merge_as_is(tmp_path: Path) -> None:
    printing_seats(
        tmp_path, {"good": NO_FINDINGS, "prose": PROSE, "broken": "Error: rate limit exceeded."}
    )
    res, report = _review(tmp_path)
    assert res.returncode == 0, res.stderr
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified"
    assert verdict["reason"] == (
        "no issues found in the findings that could be read; 1 of 3 seats failed; "
        "Prose's findings could not be read (see the appendix)"
    )
    assert res.json()["verdict"] == "Unverified"


def test_the_gate_does_not_pass_on_findings_it_could_not_read(tmp_path: Path) -> None:
    printing_seats(tmp_path, {"good": NO_FINDINGS, "prose": PROSE, "broken": NO_FINDINGS})
    res, report = _review(tmp_path, "--fail-on", "important")
    assert res.returncode == 4, res.stderr
    assert "--fail-on important: Prose's findings could not be read" in res.stderr
    assert report["header"]["verdict"]["label"] == "Unverified"
    # `never` is no gate: the run itself succeeded
    never = run_cli(
        ["review", "--agents", "good,prose", "--lead", "none", "--fail-on", "never"],
        cwd=tmp_path / "repo",
        env=cli_env(tmp_path),
    )
    assert never.returncode == 0, never.stderr


def test_a_stricter_gate_does_not_pass_on_unread_text_either(tmp_path: Path) -> None:
    """Another seat's Important finding: the verdict is no approval already, but `--fail-on
    critical` still cannot tell whether the unread text held a Critical one."""
    important = NO_FINDINGS.replace(
        "### Important Issues\n\nNone.",
        "### Important Issues\n\n**I1: `sub` returns a + b** — `calc.py:5`\n\nWrong sign.\n\n"
        "Fix: return a - b.",
    )
    printing_seats(tmp_path, {"good": important, "prose": PROSE, "broken": NO_FINDINGS})
    res, report = _review(tmp_path, "--fail-on", "critical")
    assert report["header"]["verdict"]["label"] == "Merge with fixes"
    assert res.returncode == 4, res.stderr
    assert "--fail-on critical: Prose's findings could not be read" in res.stderr


def test_a_seat_that_says_rework_is_never_merge_as_is(tmp_path: Path) -> None:
    """The seat's own verdict asks for changes and names its problem in a sentence: the report
    may not turn that into "no issues found", nor the gate into a pass."""
    rework = (
        "## Summary\n\nThe new `sub` is broken at calc.py:5: it adds.\n\n## Verdict\n\nRework.\n"
    )
    printing_seats(tmp_path, {"good": NO_FINDINGS, "prose": rework, "broken": NO_FINDINGS})
    res, report = _review(tmp_path, "--fail-on", "important")
    assert report["header"]["verdict"]["label"] == "Unverified", report["header"]["verdict"]
    assert res.returncode == 4, res.stderr
    assert "Prose's findings could not be read" in res.stderr


def test_the_gate_does_not_pass_when_every_model_seat_failed(tmp_path: Path) -> None:
    """An expired API key: the model seat fails, the static seat finds nothing. The run is no
    failure (exit 3 is for no review at all), but a CI gate must not go green on it."""
    printing_seats(tmp_path, {"model": "Error: 401 Unauthorized (check your API key)."})
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "model,static", "--lead", "none", "--fail-on", "suggestion"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 4, res.stderr
    assert "--fail-on suggestion: no model seat produced a review (model failed" in res.stderr
    # a static-only run chosen as such is judged on its findings
    static = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--fail-on", "important"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert static.returncode == 0, static.stderr


# `### 🔴 Title` findings with no place: the circle is their level, as with a place.
CIRCLE_HEADINGS = (
    "## Executive Summary\n\nOne real problem.\n\n## Findings\n\n"
    "### 🔴 Subtraction returns the wrong sign\n\n"
    "Every balance the helper touches is corrupted.\n"
)


def test_circle_headings_without_a_place_are_findings_not_unread_text(tmp_path: Path) -> None:
    printing_seats(tmp_path, {"good": NO_FINDINGS, "prose": CIRCLE_HEADINGS, "broken": NO_FINDINGS})
    res, report = _review(tmp_path, "--fail-on", "critical")
    assert [(f["id"], f["severity"], f["title"]) for f in report["findings"]] == [
        ("C1", "critical", "Subtraction returns the wrong sign")
    ]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
    assert "could not be read" not in verdict["reason"]
    assert res.returncode == 4, res.stderr
