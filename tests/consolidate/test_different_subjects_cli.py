"""Through the real `deep-review consolidate --format json`: two findings at one place whose
titles name different code, each never named by the other, are two (`consolidate/subjects.py`).

- "The rollback cannot remove `discount`" / "rollback keeps `discount_applied_at`", both at
  the down file's lines 3-5: two columns, two problems (one rollback aborts, the other leaves a
  column behind).
- "The rollback cannot remove `discount`" / "Dropping `orders.discount` fails while a view
  reads it", there too: one, the same column by its qualified name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

ONE = [["Claude", "Gemini"]]
TWO = [["Claude"], ["Gemini"]]

_CLAUDE = (
    "## Findings\n\n### Important Issues\n\n"
    "#### I1. The rollback cannot remove `discount`\n\n"
    "**File:** `db/down.sql:3-5`\n\n"
    "The `order_totals` view still selects it, so the column cannot go without `CASCADE` "
    "and the rollback stops half way.\n"
)


def _gemini(title: str, body: str) -> str:
    return f"## Findings\n\n**High — {title}** (`db/down.sql:3-5`): {body}\n"


CASES = [
    (
        _gemini(
            "rollback keeps `discount_applied_at`",
            "applying the up file again afterwards stops, the column being there already.",
        ),
        TWO,
    ),
    (
        _gemini(
            "Dropping `orders.discount` fails while a view reads it",
            "the rollback stops at that statement.",
        ),
        ONE,
    ),
]


@pytest.mark.parametrize(("gemini", "expected"), CASES)
def test_titles_naming_different_code(
    tmp_path: Path, gemini: str, expected: list[list[str]]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": _CLAUDE, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected
