"""The Testing and Documentation Assessments in the Markdown report: the seats' (or the lead's)
text and the measured checks are neutral as a posted comment is — no live mention, no raw HTML
outside code — since the report is what users paste into a PR. A failing test's name comes from
the reviewed project's own test output, so it is untrusted too."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from deepreview.checkmodel import CheckResults, FixCheck, Mutant
from deepreview.findings.report_parse import parse_report
from deepreview.model import Assessment, DesignObservation
from deepreview.render import render_report
from support.live_markdown import live_hazards

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
# A test name as `checks.testrun.first_failing` can read it from the project's output: no space.
EVIL_TEST = "test_`x`<img/src=x/onerror=alert(1)>@octocat"
EVIL = "<img src=x onerror=alert(1)> @octocat <!-- hide"


def _section(md: str, title: str) -> str:
    return md.split(f"## {title}\n", 1)[1].split("\n---\n", 1)[0]


def _render(**changes: object) -> str:
    report = dataclasses.replace(parse_report(SEED.read_text(encoding="utf-8")), **changes)
    return render_report(report, "md")


def test_measured_checks_are_neutral() -> None:
    broken = FixCheck(applies=True, tests="fail", failing_test=EVIL_TEST)
    checks = CheckResults(
        test_command=("make", "test"),
        baseline="pass",
        fixes_requested=True,
        fix_checks=(broken,),
        probes_requested=True,
        mutants=(Mutant("a.py", 1, "flip comparison", "x < 1", "x > 1", "survived"),),
        probe_note=EVIL,
    )
    testing = _section(_render(checks=checks), "Testing Assessment")
    assert live_hazards(testing) == [], testing
    # the name is shown as written, in a code span of its own
    assert f"1 breaks ``{EVIL_TEST}``." in testing
    assert "@\u2060octocat" in testing and "&lt;img src=x" in testing


def test_a_note_on_why_nothing_ran_is_neutral() -> None:
    checks = CheckResults(test_command=("make",), note=f"the test command could not run: {EVIL}")
    testing = _section(_render(checks=checks), "Testing Assessment")
    assert live_hazards(testing) == [], testing
    assert testing.lstrip().startswith("**Measured:** the test command could not run: &lt;img")


def test_assessment_text_is_neutral() -> None:
    text = Assessment(intro=f"Intro {EVIL}", items=(f"Item {EVIL}", "`<kept> @code`"))
    md = _render(testing=text, documentation=text)
    for title in ("Testing Assessment", "Documentation Assessment"):
        section = _section(md, title)
        assert live_hazards(section) == [], section
        assert "2. `<kept> @code`" in section  # code stays as written


CODE_LAST = "Add a test like this:\n\n```python\ndef test_x():\n    assert x() == 1\n```"


def test_each_statement_shows_its_reviewers_and_reads_back() -> None:
    testing = Assessment(
        intro="Existing tests pass.",
        items=("No test for `x`.", CODE_LAST),
        item_reviewers=(("Claude Opus 4.6", "Gemini 3.1 Pro"), ("lead",)),
        intro_reviewers=("Codex GPT 5.4",),
    )
    md = _render(testing=testing)
    section = _section(md, "Testing Assessment")
    assert section.strip().startswith(
        "Existing tests pass. [Codex GPT 5.4]\n\n"
        "1. No test for `x`. [Claude Opus 4.6, Gemini 3.1 Pro]\n"
        "2. Add a test like this:"
    )
    # after a code block the credit is a line of its own: on the fence's closing line it would
    # leave the fence open, and the rest of the report would read as code; it is indented as
    # the item's text is (at column 0 it would end an item that holds its code block)
    assert "    assert x() == 1\n```\n\n   [lead]\n" in section
    assert "## Documentation Assessment" in md.split(CODE_LAST.split("\n")[-1], 1)[1]
    assert parse_report(md).testing == testing


def test_a_design_observation_ending_in_code_keeps_the_rest_of_the_report() -> None:
    observation = DesignObservation("concern", CODE_LAST, None, ("Claude Opus 4.6",))
    md = _render(design_observations=(observation,))
    assert "```\n\n  [Claude Opus 4.6]\n" in md
    report = parse_report(md)
    assert report.design_observations == (observation,)
    assert report.testing == parse_report(SEED.read_text(encoding="utf-8")).testing
