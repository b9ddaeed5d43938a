"""A free-form list of problems whose places are told in the sentence: "In `sync.py`, the
writer drops the last batch (line 64) …", "(`jobs/sync.py`, line 12)", or only "(line 12)"
when the list names one file.

Before, such items were no findings: beside a `Minor:` item only that suggestion was read (the
serious problems lost, the verdict Merge as-is), and without it the seat failed as an
unparseable review. Each item is now a finding (important, unrated) at the file the sentence
names in backticks and the line it gives. A list of harmless remarks stays no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_SERIOUS = (
    "* In `sync.py`, the `flush` method drops the last batch when the buffer is full "
    "(line 64), so a crash loses data. This needs a fix.\n"
    "* The password is printed to stdout on every reconnect (line 12) — a security risk.\n"
)
_MINOR = "* Minor: the `time` import is unused.\n"


def _places(review):  # type: ignore[no-untyped-def]
    return [
        (f.id, f.severity.value, [(loc.path, loc.start) for loc in f.locations])
        for f in review.findings
    ]


@pytest.mark.parametrize("minor", [_MINOR, ""])
def test_problems_with_places_in_the_sentence_are_findings(minor: str) -> None:
    text = f"Mostly fine. Some notes:\n\n{_SERIOUS}{minor}\nOverall: request changes.\n"
    review = parse_review(text, seat="alpha")
    places = _places(review)
    assert places[:2] == [
        ("I1", "important", [("sync.py", 64)]),
        ("I2", "important", [("sync.py", 12)]),
    ], places
    assert [p[0] for p in places[2:]] == (["S1"] if minor else [])
    assert list(review.unrated) == ["I1", "I2"]


def test_numbered_problems_with_file_and_line_in_parentheses() -> None:
    text = (
        "The change is fine overall, but I see two problems.\n\n"
        "1. When the queue is empty the `except` in `jobs/sync.py` (line 88) returns `None`, "
        "so the caller reports success on a failed sync.\n"
        "2. The API key is logged at DEBUG on each request (`jobs/client.py`, line 30).\n\n"
        "Please fix both.\n"
    )
    review = parse_review(text, seat="alpha")
    assert _places(review) == [
        ("I1", "important", [("jobs/sync.py", 88)]),
        ("I2", "important", [("jobs/client.py", 30)]),
    ]


def test_harmless_remarks_with_lines_stay_no_finding() -> None:
    text = (
        "A few observations:\n\n"
        "* The new helper in `sync.py` is well named (line 12).\n"
        "* The docstring of `flush` reads clearly (line 40).\n"
        "* Minor: the `time` import is unused.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.severity.value) for f in review.findings] == [("S1", "suggestion")]


def test_the_verdict_is_not_rosier_than_the_review(tmp_path: Path) -> None:
    text = f"Mostly fine. Some notes:\n\n{_SERIOUS}{_MINOR}\nOverall: request changes.\n"
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict


# A problem with no line to place it beside a `Minor:` item: findings text we could not read,
# never dropped (the verdict says so instead of Merge as-is).
_UNPLACED = (
    "Some notes:\n\n"
    "* The `flush` method in `jobs/sync.py` swallows the write error, so a full disk goes "
    "unnoticed.\n"
    "* Minor: the `time` import is unused.\n"
)


def test_a_problem_with_no_line_beside_a_minor_item_is_unread() -> None:
    review = parse_review(_UNPLACED, seat="alpha")
    assert [f.id for f in review.findings] == ["S1"]
    assert len(review.unread_findings) == 1
    assert "swallows the write error" in review.unread_findings[0]


def test_a_problem_with_no_line_makes_the_verdict_unverified(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _UNPLACED})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict


def test_a_closing_overall_label_is_the_verdict_line() -> None:
    text = f"Mostly fine. Some notes:\n\n{_SERIOUS}{_MINOR}\nOverall: request changes.\n"
    review = parse_review(text, seat="alpha")
    assert review.verdict_line == "request changes."
    assert all("Overall" not in f.body for f in review.findings)


def test_an_overall_sentence_is_no_verdict() -> None:
    review = parse_review(f"Some notes:\n\n{_SERIOUS}\nOverall: the retry logic is sound.\n")
    assert review.verdict_line is None
