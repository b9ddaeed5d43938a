"""`No blocking issues. Two notes:` and place-led advice under `## Issues`: the notes are
suggestions, as "A couple of nits:" makes them. Before, they were findings text that could not
be read (the verdict Unverified beside the seat's own Approve). With no level said of the
"none" ("No issues. Two notes:" is not that case), nothing changes here.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_NOTES = (
    "## Summary\nAdds a cache for parsed configs.\n\n"
    "## Issues\n\nNo blocking issues. Two notes:\n\n"
    "- `pkg/cache.py:8` — consider saying in the docstring that a copy is returned.\n"
    "- `pkg/cache.py:3` — the name `c` could say more.\n\n"
    "## Verdict\nApprove.\n"
)


def test_notes_after_no_blocking_issues_are_suggestions() -> None:
    review = parse_review(_NOTES, seat="alpha")
    assert [(f.severity.value, str(f.locations[0])) for f in review.findings] == [
        ("suggestion", "pkg/cache.py:8"),
        ("suggestion", "pkg/cache.py:3"),
    ]
    assert not review.unread_findings


def test_an_item_with_comment_in_its_words_is_not_called_minor() -> None:
    text = _NOTES.replace("Two notes:", "Two points:").replace(
        "the name `c` could say more", "the comment above `load` is wrong"
    )
    review = parse_review(text, seat="alpha")
    assert not any(f.severity.value == "suggestion" for f in review.findings)


def test_the_verdict_is_merge_as_is(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _NOTES})
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
