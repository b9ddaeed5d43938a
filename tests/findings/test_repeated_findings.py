"""One problem told twice by one seat is one finding (trial 46b #19, #16): listed in the
Executive Summary and again under Findings (the summary's copy used to be an extra "important"
finding), or under two severity sections (it used to stay two findings, C1 and S1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings.parse import parse_review
from fakebin.harness import Fakes
from support.repos import make_repo

SUB = "**`sub` is inverted** — `calc.py:5`"
SHOUT = "**`shout` crashes on None** — `util/strings.py:2`"

SUMMARY_AND_FINDINGS = (
    "## Executive Summary\n\nKey problems:\n\n"
    f"1. {SUB}\n2. {SHOUT}\n\n"
    "## Findings\n\n### Critical Issues\n\n"
    f"1. {SUB}: returns a - b; callers expect b - a.\n\n"
    "### Important Issues\n\n"
    f"1. {SHOUT}: `None.upper()` raises.\n\n"
    "### Suggestions\n\nNone.\n"
)
TWO_LEVELS = (
    "## Findings\n\n### Critical Issues\n\n"
    f"1. {SUB}: returns a - b.\n\n"
    "### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\n"
    f"1. {SUB}: returns a - b.\n"
)


def _review(tmp_path: Path, text: str) -> dict[str, Any]:
    repo = make_repo(tmp_path)
    review_file = tmp_path / "review.md"
    review_file.write_text(text, encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    report: dict[str, Any] = json.loads(
        Path(res.json()["paths"]["json"]).read_text(encoding="utf-8")
    )
    return report


def _levels(report: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((f["severity"], f["title"]) for f in report["findings"])


def test_the_summarys_list_of_key_issues_is_not_counted_again(tmp_path: Path) -> None:
    report = _review(tmp_path, SUMMARY_AND_FINDINGS)
    assert _levels(report) == [
        ("critical", "`sub` is inverted"),
        ("important", "`shout` crashes on None"),
    ]


def test_a_finding_at_two_levels_is_one_finding_at_the_higher(tmp_path: Path) -> None:
    report = _review(tmp_path, TWO_LEVELS)
    assert _levels(report) == [("critical", "`sub` is inverted")]
    [finding] = report["findings"]
    assert finding["locations"] == [{"path": "calc.py", "start": 5, "end": None}]


def test_the_merge_is_noted_and_other_findings_stay() -> None:
    review = parse_review(TWO_LEVELS.replace("None.\n", f"1. {SHOUT}: raises.\n"), seat="s")
    assert [(f.id, f.severity.value) for f in review.findings] == [
        ("C1", "critical"),
        ("I1", "important"),
    ]
    assert any("S1 repeats C1" in w for w in review.warnings)
    assert not any(w == "finding S1 has no Fix" for w in review.warnings)


def test_summary_items_the_findings_do_not_hold_stay_findings() -> None:
    """Only the summary lists a problem, or lists one the findings sections do not: a finding
    (taken as important, as before)."""
    only_summary = SUMMARY_AND_FINDINGS.split("## Findings")[0]
    found = parse_review(only_summary, seat="s").findings
    assert sorted(f.title for f in found) == ["`shout` crashes on None", "`sub` is inverted"]
    assert {f.severity.value for f in found} == {"important"}
    partial = SUMMARY_AND_FINDINGS.replace(f"1. {SHOUT}: `None.upper()` raises.", "None.")
    found = parse_review(partial, seat="s").findings
    assert sorted((f.severity.value, f.title) for f in found) == [
        ("critical", "`sub` is inverted"),
        ("important", "`shout` crashes on None"),
    ]


def _important_and_pointer(pointer: str) -> str:
    return (
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
        f"1. {SUB}: returns a - b; callers expect b - a.\n\n"
        f"### Suggestions\n\n1. {SUB}: {pointer}\n"
    )


def test_a_copy_that_only_points_back_is_the_same_finding(tmp_path: Path) -> None:
    """trial53: an I1 and an S1 with the same title and place, the S1 saying only "Same as
    above, lower priority.", stayed two findings (the retro counted the S1 as a unique insight):
    `same_finding` wanted one copy's text inside the other's."""
    report = _review(tmp_path, _important_and_pointer("Same as above, lower priority."))
    assert _levels(report) == [("important", "`sub` is inverted")]
    [finding] = report["findings"]
    assert "callers expect b - a" in finding["body"]


@pytest.mark.parametrize(
    "pointer",
    [
        "See I1.",
        "Duplicate of I1; listed here too for tracking.",
        "As noted above.",
        "Already mentioned under Important Issues.",
        "This is the same issue as I1, repeated at a lower level.",
    ],
)
def test_other_pointers_back_are_the_same_finding(pointer: str) -> None:
    review = parse_review(_important_and_pointer(pointer), seat="s")
    assert [(f.id, f.severity.value) for f in review.findings] == [("I1", "important")]
    assert any("S1 repeats I1" in w for w in review.warnings)


@pytest.mark.parametrize(
    "body",
    [
        "the docstring says a - b too; fix it along with the code.",
        "Same as above applies to `mul`: it also swaps its operands, which no test covers.",
        "see above for why; here the test `test_sub` asserts the wrong sign and must change.",
    ],
)
def test_two_findings_with_one_title_and_place_but_own_text_stay_two(body: str) -> None:
    """README: the same finding (same title and place) is kept once; a second finding that
    shares the title and place but says something of its own is not a copy."""
    review = parse_review(_important_and_pointer(body), seat="s")
    assert [(f.id, f.severity.value) for f in review.findings] == [
        ("I1", "important"),
        ("S1", "suggestion"),
    ]
