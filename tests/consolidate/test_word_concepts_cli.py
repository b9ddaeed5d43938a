"""Through the real `deep-review consolidate --format json`: two words for one concept
(`consolidate/word_concepts.py`) are one word when findings are compared.

- "Node floor in the setup page is behind the package" (suggestion) / "Minimum Node version is
  out of date" (important), both at the page's line 5: one.
- the same line's "Minimum Node version is out of date" beside "The install command pins a
  release candidate": two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings

ONE = [["Claude", "Gemini"]]
TWO = [["Claude"], ["Gemini"]]

_GEMINI = (
    "## Findings\n\n"
    "**Medium — Minimum Node version is out of date** (`docs/setup.md:5`): 4.0 dropped 16 "
    "and 18.\n"
)


def _claude(title: str, body: str) -> str:
    return (
        "## Findings\n\n### Suggestions\n\n"
        f"#### S1. {title}\n\n**File:** `docs/setup.md:5`\n\n{body}\n"
    )


CASES = [
    (
        _claude(
            "Node floor in the setup page is behind the package",
            "The page says 16 while `package.json` asks for `>=20`; npm refuses to install.",
        ),
        ONE,
    ),
    (
        _claude(
            "The install command pins a release candidate",
            "`npm i tool@next` gives every reader the rc build.",
        ),
        TWO,
    ),
]


@pytest.mark.parametrize(("claude", "expected"), CASES)
def test_two_words_for_one_concept(tmp_path: Path, claude: str, expected: list[list[str]]) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "gemini": _GEMINI})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected
