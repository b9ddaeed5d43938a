"""Through the real `deep-review consolidate --format json`: one weakness of a test suite told at
two of its tests a few lines apart, both titles naming the same failure, is one finding
(`nearby.same_failure_nearby` reads tests as it reads code); another failure there is another
finding.

- "The tests ignore the exit status" at the first test / "the second test checks only the
  output; a non-zero exit goes unnoticed" six lines on: one.
- the same first finding / "the second test hangs when the server never starts: no timeout":
  two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import ONE, TWO, consolidated_findings
from support.consolidating import bullet_finding as _bullet

_FIRST = (
    "## Findings\n\n### Important Issues\n\n"
    "**I1. The tests ignore the exit status** — `test/serve.bats:8-10` (important, gap)\n\n"
    "`run` records the status but nothing asserts it, so a command that prints the expected "
    "banner and then fails still passes.\n"
)


CASES = [
    (
        _bullet(
            "test/serve.bats:16",
            "the second test checks only the output; a non-zero exit goes unnoticed",
        ),
        ONE,
    ),
    (
        _bullet(
            "test/serve.bats:16",
            "the second test hangs when the server never starts: there is no timeout",
        ),
        TWO,
    ),
]


@pytest.mark.parametrize(("codex", "expected"), CASES)
def test_one_weakness_at_two_tests(tmp_path: Path, codex: str, expected: list[list[str]]) -> None:
    found = consolidated_findings(tmp_path, {"claude": _FIRST, "codex": codex})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected
