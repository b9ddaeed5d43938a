"""Through the real `deep-review consolidate --format json`: a check-then-act race told by its
steps, and work meant for each of many done for one (`consolidate/failure_steps.py`).

- "The broadcast reaches one listener" / "only the first listener is ever called", at one
  line: one (a key too coarse, told twice).
- "The broadcast reaches one listener" / "a second copy can pass the `seen` check before the
  first records itself", at that line: two. One says too few calls, the other too many.
- "a second copy can pass the guard before the first records itself" / "The store into
  `seen` happens after a yield point": one race, told by its steps.
- "`owner_id` has no index" / "Foreign key column without a supporting index; deleting from
  `teams` scans", at one line: one, though each title names other code.
- "`owner_id` has no index" / "`teams` rows can be deleted while still referenced", there: two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

ONE = [["Claude", "Gemini"]]
TWO = [["Claude"], ["Gemini"]]

_COARSE = (
    "## Findings\n\n### Important Issues\n\n"
    "#### I1. The broadcast reaches one listener\n\n"
    "**File:** `bus/notify.py:30`\n\n"
    "`seen` is keyed by the message alone, so when one message goes to several listeners the "
    "second and later ones find it there and return.\n"
)
_RACE = (
    "## Findings\n\n### Important Issues\n\n"
    "#### I1. A second copy can pass the guard before the first records itself\n\n"
    "**File:** `bus/notify.py:30`\n\n"
    "The `await` between looking in `seen` and adding to it lets two copies of one message "
    "both go out.\n"
)


def _gemini(title: str, body: str, place: str = "bus/notify.py:30") -> str:
    return f"## Findings\n\n**High — {title}** (`{place}`): {body}\n"


_UNINDEXED = (
    "## Findings\n\n### Suggestions\n\n"
    "#### S1. `owner_id` has no index\n\n"
    "**File:** `db/up.sql:6`\n\n"
    "Lookups of a team's projects will read the whole table.\n"
)
CASES = [
    (
        _COARSE,
        _gemini(
            "Only the first listener is ever called",
            "the lookup in `seen` matches every later listener of the same message.",
        ),
        ONE,
    ),
    (
        _COARSE,
        _gemini(
            "A second copy can pass the `seen` check before the first records itself",
            "`seen` is looked at, then the task awaits, then the message is added to `seen`.",
        ),
        TWO,
    ),
    (
        _RACE,
        _gemini(
            "The store into `seen` happens after a yield point",
            "two tasks for one message can both get past the lookup.",
        ),
        ONE,
    ),
    (
        _UNINDEXED,
        _gemini(
            "Foreign key column without a supporting index",
            "every delete from `teams` checks the referencing rows by a full scan.",
            "db/up.sql:6",
        ),
        ONE,
    ),
    (
        _UNINDEXED,
        _gemini(
            "`teams` rows can be deleted while still referenced",
            "the constraint is declared `NOT VALID` and never validated.",
            "db/up.sql:6",
        ),
        TWO,
    ),
]


@pytest.mark.parametrize(("claude", "gemini", "expected"), CASES)
def test_failure_told_by_its_steps(
    tmp_path: Path, claude: str, gemini: str, expected: list[list[str]]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected
