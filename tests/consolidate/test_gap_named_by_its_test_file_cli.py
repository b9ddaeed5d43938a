"""Through the real `deep-review consolidate --format json`: one test gap, one seat naming the
test file that lacks the case and the other naming the code that case would cover, each placing
its finding somewhere else (`code_and_test._test_named_for_code_named`).

- "Missing tests for the refusals of unsupported options" (its place another test file; its
  text: "`pkg/vm/start_test.go` has no case for them") / "the `user-v2` refusal at
  `pkg/vm/start.go:322-324` has no test" (placed at the wiring that calls it): one.
- the same first gap / "the socket cleanup at `pkg/vm/start.go:80-84` has no test": the test
  file of that code, but another behaviour: two.
- the same first gap / "the `user-v2` refusal at `pkg/net/usernet.go:40-42` has no test": a
  file `start_test.go` does not test: two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

_GEMINI = (
    "## Findings\n\n### Suggestions\n\n"
    "#### S1. Missing tests for the refusals of unsupported options\n\n"
    "**File:** `pkg/config/config_test.go:53`\n\n"
    "`pkg/config/config_test.go:53` only passes the default value, and `pkg/vm/start_test.go` "
    "has no case for the refusals at all.\n"
)


def _claude(title: str, text: str) -> str:
    return (
        "## Findings\n\n### Important Issues\n\n"
        f"#### I1. {title}\n\n**File:** `pkg/vm/wiring.go:246`\n\n{text}\n"
    )


CASES = [
    (
        _claude(
            "No test covers the `user-v2` refusal",
            "Deleting the `user-v2` refusal at `pkg/vm/start.go:322-324` leaves the suite green.",
        ),
        [2],
    ),
    (
        _claude(
            "No test covers the socket cleanup",
            "Deleting the socket cleanup at `pkg/vm/start.go:80-84` leaves the suite green.",
        ),
        [1, 1],
    ),
    (
        _claude(
            "No test covers the `user-v2` refusal",
            "Deleting the `user-v2` refusal at `pkg/net/usernet.go:40-42` leaves the suite green.",
        ),
        [1, 1],
    ),
]


@pytest.mark.parametrize(("claude", "sizes"), CASES)
def test_one_gap_named_by_its_test_file_and_by_its_code(
    tmp_path: Path, claude: str, sizes: list[int]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "gemini": _GEMINI})
    assert sorted(len(f["reviewers"]) for f in found) == sizes
