"""Through the real `deep-review review`: review shapes a tester's trial run lost (fixtures in
our own words). A seat's findings under `## Review Summary` are findings, not a failed seat; a
prose review naming problems never makes the verdict "no issues found"; a `**Tests**:` lead-in
reaches the Testing Assessment, and a report whose seats said nothing about testing says so."""

from __future__ import annotations

from pathlib import Path

from spine.test_honest_outcomes import _review, _sources
from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import make_repo

SUMMARY_FINDINGS = """## Review Summary

The change rewrites two helpers. Two things need attention.

### 1. **Critical: `sqrt()` loops forever on a negative input**

*   **File:** `lib.py`
*   **Line:** 20
*   **Issue:** Newton's method never converges below zero.
*   **Suggestion:** Raise `ValueError` first.

### 2. **Medium: `mod()` keeps the sign of the dividend**

*   **File:** `lib.py`
*   **Line:** 30
*   **Issue:** Callers expect Python's `%` semantics.
*   **Suggestion:** Use `%`.

## Overall

Request changes.
"""

PROSE = (
    "I read the helpers end to end. The loop in `lib.py:20` never ends for a negative input, "
    "a critical bug; the rest of `lib.py` is fine.\n"
)

LEAD_INS = """**Findings**

- [P1] `sqrt()` loops forever on a negative input — lib.py:20
  Newton's method never converges below zero.

**Tests**: nothing covers a negative input to `sqrt()`.
"""


def test_numbered_level_headings_under_a_summary_are_the_seats_findings(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"summary": SUMMARY_FINDINGS})
    code, out, report, _md = _review(tmp_path, repo, "summary")
    assert code == 0
    assert out["seats"][0]["status"] == "ok", out["seats"]
    found = _sources(report)
    assert ("Summary", "critical", "`sqrt()` loops forever on a negative input") in found
    assert ("Summary", "important", "`mod()` keeps the sign of the dividend") in found
    assert report["header"]["verdict"]["label"] != "Merge as-is"


def test_a_prose_review_naming_a_problem_is_never_no_issues(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"prose": PROSE})
    code, out, report, _md = _review(tmp_path, repo, "prose")
    assert code == 0
    assert out["seats"][0]["status"] == "ok", out["seats"]
    reason = report["header"]["verdict"]["reason"]
    assert reason != "no issues found"
    assert "Prose's findings could not be read (see the appendix)" in reason


def test_a_tests_lead_in_reaches_the_testing_assessment(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"codexish": LEAD_INS})
    code, _out, report, md = _review(tmp_path, repo, "codexish")
    assert code == 0
    testing = md.split("## Testing Assessment", 1)[1].split("\n## ", 1)[0]
    assert "nothing covers a negative input to `sqrt()`" in testing
    assert "nothing covers a negative input" in report["testing"]["intro"]


def test_a_report_with_no_testing_or_documentation_note_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"good": NO_FINDINGS})
    code, _out, _report, md = _review(tmp_path, repo, "good")
    assert code == 0
    assert "## Testing Assessment\n\nNo reviewer assessed testing.\n" in md
    assert "## Documentation Assessment\n\nNo reviewer assessed documentation.\n" in md
