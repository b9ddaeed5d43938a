"""One problem told twice by one seat is one finding (trial 46b #19, #16): listed in the
Executive Summary and again under Findings (the summary's copy used to be an extra "important"
finding), or under two severity sections (it used to stay two findings, C1 and S1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
