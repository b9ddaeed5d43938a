"""Through the real `deep-review consolidate --format json`: an analyzer's rule and a model's
title naming one failure at one line are one finding (`consolidate/analyzer_claims.py`).

- "Role policy grants a wildcarded action" (an analyzer) / "The build role gets `gcs.*` on
  every resource" (a model), at the policy's line and at its two lines: one.
- "Role policy grants a wildcarded action" / "The build role's session lasts twelve hours",
  there too: two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

_STATIC = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **Role policy grants a wildcarded action** — `infra/build.tf:21` "
    "(important, regression)\n\n"
    '```hcl\n    actions = ["gcs.*"]\n```\n\n'
    "tfsec `policy-wildcard`: Role policy grants a wildcarded action.\n"
)


def _claude(title: str, body: str) -> str:
    return (
        "## Findings\n\n### Important Issues\n\n"
        f"#### I1. {title}\n\n**File:** `infra/build.tf:21-22`\n\n{body}\n"
    )


CASES = [
    (
        _claude(
            "The build role gets `gcs.*` on every resource",
            "A compromised build could delete any project's artefacts.",
        ),
        [2],
    ),
    (
        _claude(
            "The build role's session lasts twelve hours",
            "A stolen session stays usable all day; an hour is enough for a build.",
        ),
        [1, 1],
    ),
]


@pytest.mark.parametrize(("claude", "sizes"), CASES)
def test_a_rule_naming_the_failure_a_model_names(
    tmp_path: Path, claude: str, sizes: list[int]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "static": _STATIC})
    assert sorted(len(f["reviewers"]) for f in found) == sizes
