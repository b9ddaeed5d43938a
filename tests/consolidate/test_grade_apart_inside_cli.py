"""Through the real `deep-review consolidate --format json`: two seats name one failure in both
titles (not only how it ends, a crash: `claims.SYMPTOMS`), one pointing at a line inside the
other's range, graded one level apart (seats grade on scales of their own): one finding
(`stance.stance_bonus`). Graded two levels apart, two.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings


def _reviewers(tmp: Path, claude: str, codex: str) -> list[list[str]]:
    found = consolidated_findings(tmp, {"claude": claude, "codex": codex})
    return sorted(sorted(f["reviewers"]) for f in found)


def test_one_failure_a_grade_apart_inside_the_other_range_is_one(tmp_path: Path) -> None:
    claude = (
        "## Findings\n\n### Critical Issues\n\n"
        "**C1. Export route has no permission check** — `api/exports.py:40` "
        "(critical, regression)\n\nAny signed-in account can download another tenant's "
        "ledger by id.\n"
    )
    codex = (
        "## Findings\n\n### Important Issues\n\n"
        "**I1. Download handler skips the ownership check** — `api/exports.py:38-52` "
        "(important, regression)\n\nThe tenant of the ledger is never compared with the "
        "caller's.\n"
    )
    assert _reviewers(tmp_path, claude, codex) == [["Claude", "Codex"]]


def test_one_failure_two_grades_apart_stays_two(tmp_path: Path) -> None:
    """Critical and a suggestion: the seats disagree on what they saw."""
    claude = (
        "## Findings\n\n### Critical Issues\n\n"
        "**C1. Export route has no permission check** — `api/exports.py:40` "
        "(critical, regression)\n\nAny signed-in account can download another tenant's "
        "ledger by id.\n"
    )
    codex = (
        "## Findings\n\n### Suggestions\n\n"
        "**S1. Admin export lacks an access check for auditors** — `api/exports.py:38-52` "
        "(suggestion, gap)\n\nAuditors could be given a read-only role here.\n"
    )
    assert _reviewers(tmp_path, claude, codex) == [["Claude"], ["Codex"]]
