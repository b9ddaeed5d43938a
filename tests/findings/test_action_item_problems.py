"""A recap list (`## Action items`, `## Next steps`, `## To do before merge`) mostly tells the
findings again; an item that names a problem at a place no finding holds is a finding of its
own, at the list's level (`before merge`: important, else a suggestion), and a review whose
only findings stand in such a list has found something (`findings/recap_items.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

FINDING = (
    "## Findings\n\n### Important Issues\n\n**I1. Export drops the header row** — "
    "`export.py:14`\n\nThe header is written after the rows are flushed.\n\n"
    "Fix: write the header first.\n\n"
)


def review(findings: str, title: str, items: str) -> str:
    return (
        "## Executive Summary\n\nAdds a CSV export.\n\n"
        f"{findings}## {title}\n\n{items}\n\n## Verdict\n\nMerge after the fixes.\n"
    )


RESTATED = "1. Fix the header order in `export.py:14` (I1).\n2. Add a test for the empty table.\n"
LEAK = "`export.py:30` opens the output file without closing it; the handle leaks on every export"


@pytest.mark.parametrize(
    "title", ["Action items", "Next steps", "Recommended actions", "To do before merge"]
)
def test_items_that_restate_findings_stay_the_recap(title: str) -> None:
    r = parse_review(review(FINDING, title, RESTATED), seat="s")
    assert [f.title for f in r.findings] == ["Export drops the header row"]
    by_place = RESTATED.replace(" (I1)", "")
    assert len(parse_review(review(FINDING, title, by_place), seat="s").findings) == 1


@pytest.mark.parametrize(
    ("title", "item", "level"),
    [
        ("Action items", f"{LEAK} — do this before merge.", Severity.IMPORTANT),
        ("To do before merge", f"{LEAK}.", Severity.IMPORTANT),
        ("Next steps", f"{LEAK}.", Severity.SUGGESTION),
        ("Recommended actions", f"[Critical] {LEAK}.", Severity.CRITICAL),
    ],
)
def test_an_item_naming_a_problem_no_finding_holds_is_a_finding(
    title: str, item: str, level: Severity
) -> None:
    r = parse_review(review(FINDING, title, RESTATED + f"3. {item}\n"), seat="s")
    assert len(r.findings) == 2, r.findings
    new = r.findings[1] if r.findings[0].title.startswith("Export") else r.findings[0]
    assert new.severity is level
    assert [(x.path, x.start) for x in new.locations] == [("export.py", 30)]


def test_a_fixed_or_pre_existing_item_is_no_finding() -> None:
    items = (
        "- `export.py:30` leaked the handle; it is now fixed.\n"
        "- `export.py:50` has a pre-existing leak; leave it for later.\n"
    )
    assert len(parse_review(review(FINDING, "Next steps", items), seat="s").findings) == 1


def test_a_review_whose_only_findings_are_next_steps_is_not_clean(tmp_path: Path) -> None:
    text = review(
        "## Findings\n\nNo blocking findings in the main sections.\n\n",
        "Next steps",
        f"- {LEAK}.\n",
    )
    res, _out, report = review_printed(tmp_path, {"keen": text})
    assert [f["severity"] for f in report["findings"]] == ["suggestion"], res.stderr[-2000:]
    assert report["header"]["verdict"]["label"] != "Merge as-is — no issues found"
    assert "no issues" not in report["header"]["verdict"]["label"].lower()
