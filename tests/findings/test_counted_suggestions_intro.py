"""A findings section that opens by counting lesser items (`Two suggestions:`, `A few nits:`)
with no "No blocking issues." before, then lists them led by their places: each item is a
suggestion at its place. Before, the list was findings text that could not be read (the
verdict Unverified beside the seat's Approve). An intro that counts issues
(`Two blocking issues:`) makes no suggestions of them.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_COUNTED = (
    "## Summary\n\nAdds a retry helper.\n\n## Issues\n\nA few nits:\n\n"
    "- `net/retry.py:12` — the constant `N` could have a clearer name.\n"
    "- `net/retry.py:30` — consider logging the attempt number.\n\n"
    "## Verdict\n\nApprove.\n"
)


def test_the_items_are_suggestions() -> None:
    review = parse_review(_COUNTED, seat="alpha")
    assert not review.unread_findings
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [
        ("S1", "net/retry.py:12"),
        ("S2", "net/retry.py:30"),
    ]


def test_counted_blocking_issues_are_no_suggestions() -> None:
    text = _COUNTED.replace("A few nits:", "Two blocking issues:")
    review = parse_review(text, seat="alpha")
    assert not any(f.severity.value == "suggestion" for f in review.findings)


def test_the_verdict_is_merge_as_is(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _COUNTED})
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
