"""Through the real `deep-review consolidate`: a reviewer's verdict-table row that passes an
item yet gives a count of its own beside an older one it says the PR description gives ("all
12 cases in `retry_test.py` (up from 9 listed in the PR description)") saw the mismatch another
seat raised as a finding about the description, and is credited on it as a note
(`message_notes`), however the row grades it. Not a row whose numbers are a change the
description reports ("up from 60% to 80%, as the PR description says"), nor one that only
agrees with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.consolidating import consolidate_reviews

FINDER = """## Findings

### Suggestions

S1. **The PR description's case count is stale** — `tests/retry_test.py` (suggestion, gap)

The PR description says nine cases in `retry_test.py` pass; the file now holds twelve, so three
of them were never reported as run.
"""

TABLER = """## Findings

### Suggestions

S1. **`backoff()` never caps the delay** — `lib/retry.py:30-34` (suggestion, gap)

The delay doubles without a ceiling.

## Verification

| Check | Result | Evidence |
|---|---|---|
| **Unit tests** | Verified | {row} |
"""

COUNTED = (
    "Counted all 12 cases in `retry_test.py` (up from 9 listed in the PR description) and ran them."
)
REPORTED = "Coverage of `retry_test.py` rose, up from 60% to 80%, as the PR description says."
APPROVES = "Counted all 12 cases in `retry_test.py`, as the PR description says, and ran them."


def _reviewers(tmp_path: Path, row: str) -> list[str]:
    out = consolidate_reviews(tmp_path, {"claude": FINDER, "codex": TABLER.format(row=row)}, "json")
    found = json.loads(out)["findings"]
    stale: list[str] = next(f for f in found if "count" in f["title"])["reviewers"]
    return stale


def test_a_row_counting_apart_from_the_description_credits_the_finding(tmp_path: Path) -> None:
    assert _reviewers(tmp_path, COUNTED) == ["Claude", "Codex"]


@pytest.mark.parametrize("row", [REPORTED, APPROVES])
def test_a_change_the_description_reports_or_an_approval_credits_nobody(
    tmp_path: Path, row: str
) -> None:
    assert _reviewers(tmp_path, row) == ["Claude"]
