"""`No blocking issues. A couple of nits:` then the nits at their places.

The opening sentence says none of *one level*; the list after it is the lesser findings. They
used to be dropped without a trace (the section read as "nothing found", the verdict as
"Merge as-is — no issues found"). Now they are findings text that could not be read, as the
same list is without the opening sentence; a later round's "No further issues. The round-1
findings are resolved:" + the fixed places stays a clean statement.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_NITS = (
    "## Executive Summary\n\nA small refactor of the helpers.\n\n## Findings\n\n"
    "No blocking issues. A couple of nits:\n\n"
    "- `calc.py:2` — nit: `tmp` could be named `total`.\n"
    "- `calc.py:4` — nit: the docstring says list but it returns a tuple.\n"
)


def test_nits_after_no_blocking_issues_are_not_dropped() -> None:
    review = parse_review(_NITS, seat="alpha")
    assert review.unread_findings and "`calc.py:2`" in review.unread_findings[0]
    assert "`calc.py:4`" in review.unread_findings[0]


def test_a_later_rounds_fixed_list_after_no_further_issues_stays_clean() -> None:
    text = (
        "## Findings\n\nNo further issues. The round-1 findings are resolved:\n\n"
        "- I1 (`calc.py:2`) — fixed.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings and not review.unread_findings


def test_the_verdict_does_not_say_no_issues_found(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _NITS})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert "Alpha's findings could not be read" in verdict["reason"], verdict
