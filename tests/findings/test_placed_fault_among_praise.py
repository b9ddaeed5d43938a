"""A fault at a place among praise.

A review with no findings section wrote its notes as one list: praise with no place ("The cache
layer is cleanly split.", "✅ Unit tests cover the normal path.") around one item marked as a
warning at a place (`- ⚠️ `lib/fetch.py:41`: the last error is dropped — callers get `None`.`).
Before, the seat failed as an "unparseable review"; now the warning is a finding (important,
unrated) at that place and the praise is none.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_PRAISE_AND_FAULT = (
    "## Notes\n\n"
    "- The cache layer is cleanly split.\n"
    "- ⚠️ `lib/fetch.py:41`: the last error is dropped — callers get `None`.\n"
    "- ✅ Unit tests cover the normal path.\n"
)


def _places(review):  # type: ignore[no-untyped-def]
    return [
        (f.id, f.severity.value, [(loc.path, loc.start) for loc in f.locations])
        for f in review.findings
    ]


def test_a_warning_at_a_place_among_praise_is_the_one_finding() -> None:
    review = parse_review(_PRAISE_AND_FAULT, seat="alpha")
    assert _places(review) == [("I1", "important", [("lib/fetch.py", 41)])], review
    assert "last error is dropped" in review.findings[0].title, review.findings[0]
    assert "Unit tests" not in review.findings[0].body, review.findings[0]
    assert list(review.unrated) == ["I1"]


def test_praise_with_places_stays_no_finding() -> None:
    text = (
        "## Notes\n\n"
        "- The cache layer is cleanly split.\n"
        "- ✅ `lib/fetch.py:12`: the timeout is well chosen.\n"
        "- ✅ Unit tests cover the normal path.\n"
    )
    review = parse_review(text, seat="alpha")
    assert review.findings == (), review.findings


def test_the_seat_reviews_with_the_warning_as_its_finding(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": _PRAISE_AND_FAULT})
    assert out["seats"][0]["status"] == "ok", (out["seats"], res.stderr[-2000:])
    places = [[loc["path"] for loc in f["locations"]] for f in report["findings"]]
    assert places == [["lib/fetch.py"]], report["findings"]
