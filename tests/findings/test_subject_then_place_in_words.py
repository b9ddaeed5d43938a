"""A bug told in one sentence that names the code, then its place in words: "`load()` on line
12 of store/io.py crashes on an empty file; please guard it." Under a heading of the seat's own
naming and closed by its verdict, that sentence is the seat's finding, at store/io.py:12.
Before, it was findings text that could not be read (Unverified), its place unknown. The same
shape telling what the change does is no finding."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_BUG = "`load()` on line 12 of store/io.py crashes on an empty file; please guard it."


def test_the_sentence_is_a_finding_at_its_place() -> None:
    review = parse_review(f"## Review\n\n{_BUG}\n\nVerdict: request changes\n", seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("`load()` crashes on an empty file; please guard it", "store/io.py:12")
    ]
    assert review.verdict_line == "request changes"


def test_as_list_items_too() -> None:
    text = (
        f"## Review\n\n- {_BUG}\n"
        "- `save()` at line 30 in store/io.py silently drops the last row.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["store/io.py:12", "store/io.py:30"]


def test_a_sentence_telling_what_the_change_does_is_none() -> None:
    text = "## Review\n\n`load()` on line 12 of store/io.py now reads the file once.\n\nLGTM\n"
    assert not parse_review(text, seat="alpha").findings


def test_the_report_has_the_finding(tmp_path: Path) -> None:
    text = f"## Review\n\n{_BUG}\n\nVerdict: request changes\n"
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert [loc["path"] for f in report["findings"] for loc in f["locations"]] == ["store/io.py"]
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
