"""Through the real `deep-review consolidate --format json`: one test gap told at the test file
and at the code that file tests (`consolidate/code_and_test.py`).

- "Timeout paths are untested" at `tests/test_fetcher.py` / "the timeout branch of `fetch`
  has no test" at `fetcher.py`: one.
- "Timeout paths are untested" at `tests/test_fetcher.py` / "the redirect limit has no test"
  at `fetcher.py`: two behaviours, two.
- "Timeout paths are untested" at `tests/test_fetcher.py` / "the timeout branch of `bill` has
  no test" at `billing.py`, a file that test file does not test: two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

_CLAUDE = (
    "## Findings\n\n### Suggestions\n\n"
    "#### S1. Timeout paths are untested\n\n"
    "**File:** `tests/test_fetcher.py:5-9`\n\n"
    "The one test answers at once; nothing lets the server stall.\n"
)


def _codex(text: str, place: str) -> str:
    return f"**Findings**\n\n- [P3] {place} — {text}\n"


CASES = [
    (_codex("the timeout branch of `fetch` has no test.", "src/fetcher.py:30"), [2]),
    (_codex("the redirect limit of `fetch` has no test.", "src/fetcher.py:30"), [1, 1]),
    (_codex("the timeout branch of `bill` has no test.", "src/billing.py:30"), [1, 1]),
]


@pytest.mark.parametrize(("codex", "sizes"), CASES)
def test_one_gap_at_the_code_and_at_its_test(tmp_path: Path, codex: str, sizes: list[int]) -> None:
    found = consolidated_findings(tmp_path, {"claude": _CLAUDE, "codex": codex})
    assert sorted(len(f["reviewers"]) for f in found) == sizes
