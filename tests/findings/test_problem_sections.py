"""A review that puts a blocking problem under `## Required changes before merge` (or
`## Changes requested`, `## Security`, `## Correctness`, `## Regressions`, `## Errors`,
`## Action items`) beside its other findings (trial 53 #4): the item is a finding. Before, the
section was an ordinary one, so its item landed in the report's appendix only, the verdict
said "Merge as-is" and `--fail-on important` passed."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

SUMMARY = "## Executive Summary\n\nAdds `sub` to the calculator.\n\n"
ITEM = (
    "1. **`sub` returns the negated difference** — `calc.py:5-6`. The operands are swapped; "
    "every total is silently wrong.\n"
)
OUR_FORMAT = (
    SUMMARY + "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nS1. **Name the operands** — `calc.py:5` (suggestion, gap)\n\n"
    "Clearer.\n\n"
)
NICE = "\n## Nice to have\n\n- Prefer one-line docstrings (`calc.py:5`).\n"


def test_a_required_change_beside_a_suggestion_blocks_the_merge(tmp_path: Path) -> None:
    review = OUR_FORMAT + "## Required changes before merge\n\n" + ITEM
    res, out, report = review_printed(tmp_path, {"alpha": review}, "--fail-on", "important")
    assert out["verdict"], res.stderr[-2000:]
    important = [f["title"] for f in report["findings"] if f["severity"] == "important"]
    assert important == ["`sub` returns the negated difference"]
    assert not out["verdict"].startswith("Merge as-is")
    assert res.returncode != 0


@pytest.mark.parametrize(
    "title",
    [
        "Required changes",
        "Required changes (before merge)",
        "Changes requested",
        "Security",
        "Correctness",
        "Regressions",
        "Errors",
        "Action items",
    ],
)
def test_an_item_under_a_problem_section_is_a_finding(title: str) -> None:
    r = parse_review(f"{SUMMARY}## {title}\n\n{ITEM}{NICE}", seat="s")
    important = [f.title for f in r.findings if f.severity is Severity.IMPORTANT]
    assert important == ["`sub` returns the negated difference"]


def test_an_items_own_level_holds_under_a_topic_section() -> None:
    item = ITEM.replace("`calc.py:5-6`.", "`calc.py:5-6` (critical).")
    r = parse_review(f"{SUMMARY}## Security\n\n{item}", seat="s")
    assert [f.severity for f in r.findings] == [Severity.CRITICAL]


def test_a_problem_in_prose_under_such_a_section_is_never_dropped() -> None:
    """A passage, not an item, naming a problem at a place under `## Security` in a review
    with other findings: a finding at that place (it has no level: important, unrated), not an
    ordinary section. (Before fp65 it was findings text that could not be read.)"""
    prose = (
        "## Security\n\nThe token is written to the log at `calc.py:6`, a leak anyone with "
        "log access can use.\n"
    )
    r = parse_review(OUR_FORMAT + prose, seat="s")
    assert [(f.severity, str(f.locations[0])) for f in r.findings] == [
        (Severity.SUGGESTION, "calc.py:5"),
        (Severity.IMPORTANT, "calc.py:6"),
    ]
    assert r.unread_findings == ()


def test_a_security_section_that_finds_nothing_stays_a_section() -> None:
    text = OUR_FORMAT + "## Security\n\nNo secrets are handled; inputs are plain integers.\n"
    r = parse_review(text, seat="s")
    assert r.unread_findings == ()
    assert [s.title for s in r.other_sections] == ["Security"]


def test_action_items_restating_the_findings_add_nothing() -> None:
    text = (
        "## Findings\n\n1. **Double charge** (critical) — `pay.py:18`: a timeout resends it.\n\n"
        "## Action items\n\n1. Fix the double charge at `pay.py:18` first (critical).\n"
    )
    r = parse_review(text, seat="s")
    assert [f.title for f in r.findings] == ["Double charge"]
    assert r.unread_findings == ()
