"""A list whose findings change shape part-way: `- **[P1] Title** — `a.py:120`. …` items, then
`- **Minor:** Title (`a.py:15`), which …`.

The second shape was read as a point of the finding above it: a suggestion lost without a
trace. An item of the same list led by its own level word and naming its place is a finding
of its own; an indented point, or a level-led item with no place, stays the finding's text.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Findings\n\n"
    "- **[P1] Cancel leaves the job running** — `jobs/runner.py:88-95`. The worker never "
    "sees the flag.\n"
    "- **Minor:** The poll interval is a literal (`jobs/runner.py:12`), which slows the tests.\n"
    "- **[P2] No test for cancel** — `tests/test_runner.py`.\n\n"
    "## Verdict\n\nRequest changes.\n"
)


def _found(text: str) -> list[tuple[str, str]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.id, f.title) for f in review.findings]


def test_the_minor_item_is_a_finding_of_its_own() -> None:
    assert _found(_REVIEW) == [
        ("I1", "Cancel leaves the job running"),
        ("S1", "The poll interval is a literal"),
        ("I2", "No test for cancel"),
    ]


def test_indented_or_placeless_level_items_stay_the_findings_text() -> None:
    text = (
        "## Findings\n\n"
        "- **[P1] Cancel leaves the job running** — `jobs/runner.py:88`. The worker never "
        "sees the flag.\n"
        "  - **Minor:** the same flag is read late in `jobs/runner.py:140` too.\n"
        "- **Nit:** consider renaming the flag as well.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [("I1", "Cancel leaves the job running")]


def test_the_suggestion_reaches_the_report(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    titles = [f["title"] for f in report["findings"]]
    assert "The poll interval is a literal" in titles, titles
