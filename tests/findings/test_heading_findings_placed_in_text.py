"""Findings written as numbered sub-headings under `## Issues Found` (or `## Findings`) whose
place is told only in their text: `### 1. Title` + "In `a.py`, … (line 88).", or + "`a.py`
line 30 does …", or + a `(`a.py:58`)` at the end of the paragraph.

They were findings text that could not be read (the verdict Unverified). Each heading is a
finding now when its text names a place with a line and a problem (or asks for a fix); a
topic sub-heading whose text only says what the code does well stays no finding.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.read_findings import read_findings

_REVIEW = (
    "# Code Review\n\n## Summary\nThe importer gains a retry loop.\n\n## Issues Found\n\n"
    "### 1. Last error is dropped\n"
    "In `etl/importer.py`, once the attempts run out the `except` branch returns an empty list "
    "(line 57). Callers take the empty list for an empty file.\n\n"
    "**Recommendation:** Raise the last error again.\n\n"
    "### 2. Password written to the log\n"
    "`etl/importer.py` line 21 logs the connection string with its password.\n\n"
    "**Recommendation:** Mask it.\n\n"
    "## Conclusion\nBoth should be fixed before merging.\n"
)


def _got(text: str) -> list[tuple[str, str, list[tuple[str, int | None]]]]:
    return [(r.id, r.title, r.places) for r in read_findings(text)]


def test_each_numbered_heading_is_a_finding_at_the_place_its_text_names() -> None:
    assert _got(_REVIEW) == [
        ("I1", "Last error is dropped", [("etl/importer.py", 57)]),
        ("I2", "Password written to the log", [("etl/importer.py", 21)]),
    ]


def test_a_heading_with_its_place_closing_the_paragraph_and_a_severity_after_it() -> None:
    text = (
        "## Findings\n\n### Queue grows without bound\n\n"
        "Jobs are appended on every poll and never removed (`worker/queue.py:40`).\n\n"
        "**Severity:** High\n\n### Wrong exception type\n\n"
        "Raises `KeyError` where callers catch `LookupFailed` (`worker/queue.py:88`).\n\n"
        "**Severity:** Low\n"
    )
    got = _got(text)
    assert [(t, p) for _, t, p in got] == [
        ("Queue grows without bound", [("worker/queue.py", 40)]),
        ("Wrong exception type", [("worker/queue.py", 88)]),
    ]
    assert got[1][0].startswith("S"), got


def test_a_topic_heading_that_only_praises_stays_no_finding() -> None:
    text = (
        "## Findings\n\n### Security\n\n"
        "Passwords are hashed with bcrypt (`auth/hash.py:12`); that is fine.\n\n"
        "### Error handling\n\n`auth/login.py:30` is correct and well tested.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings, review.findings


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict


def test_an_approximate_line_is_the_items_place() -> None:
    text = (
        "## Potential Issues\n\n"
        "1. **Lost error:** once retries run out, `fetch()` returns `None` instead of raising "
        "(`net/fetch.py`, ~line 64).\n"
        "2. **Key in the log:** the API key is logged at DEBUG (`net/fetch.py`, line 19).\n"
    )
    assert [(t, p) for _, t, p in _got(text)] == [
        ("Lost error", [("net/fetch.py", 64)]),
        ("Key in the log", [("net/fetch.py", 19)]),
    ]


def test_items_under_consider_beside_must_fix_are_suggestions() -> None:
    text = (
        "## Must fix\n\n- The lock is released before the write, so two workers can write at "
        "once — `worker/pool.py:44`.\n\n## Consider\n\n"
        "- The pool size is hard-coded at `worker/pool.py:9`; a setting would let tests use 1.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.severity.value, f.locations[0].start) for f in review.findings] == [
        ("critical", 44),
        ("suggestion", 9),
    ]
    assert not review.other_sections, review.other_sections


_NO_SECTION = (
    "# Code review\n\n### Queue grows without bound (`worker/queue.py:40`)\n\n"
    "Jobs are appended on every poll and never removed.\n\n"
    "### Wrong exception type (`worker/queue.py:88`)\n\nRaises `KeyError`.\n"
)


def test_placed_headings_in_a_review_with_no_findings_section_are_findings(
    tmp_path: Path,
) -> None:
    # they were read as plain sections: no finding, and the verdict Merge as-is
    assert [(t, p) for _, t, p in _got(_NO_SECTION)] == [
        ("Queue grows without bound", [("worker/queue.py", 40)]),
        ("Wrong exception type", [("worker/queue.py", 88)]),
    ]
    _res, _out, report = review_printed(tmp_path, {"alpha": _NO_SECTION})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]


def test_a_walkthrough_of_placed_headings_stays_sections() -> None:
    text = (
        "# Code review\n\n### Parser (`src/parse.py:10`)\n\nThe parser now reads tabs.\n\n"
        "### Writer (`src/write.py:4`)\n\nThe writer gains a flush; it looks good.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings, review.findings
