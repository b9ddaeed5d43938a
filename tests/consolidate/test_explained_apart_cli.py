"""Through the real `deep-review review` with command seats, no lead: two reviewers who explain
at length what they found at one line, each naming and quoting the same code, but whose titles
share no word beyond that name, name no failure in common and whose explanations are worded
apart, found two problems there (`claim_pairs.explained_apart`). Where both looked is not what
they found. The same place told alike in other words is still one; so are two terse one-line
bullets, too short for "worded apart" to mean anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

SETTINGS = (
    "import os\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def api_base():\n"  # 4
    '    base = os.environ.get("BILLING_API_BASE", "https://billing.example.com/v2")\n'  # 5
    "    return base\n"  # 6
)
FILES = {"billing/settings.py": SETTINGS}
QUOTE = (
    '```python\nbase = os.environ.get("BILLING_API_BASE", "https://billing.example.com/v2")\n```'
)


def _doc(title: str, body: str) -> str:
    return (
        "## Executive Summary\n\nRead the change.\n\n## Findings\n\n### Important Issues\n\n"
        f"1. **{title}** — `billing/settings.py:5` (important, regression)\n\n{QUOTE}\n\n{body}\n"
    )


OVERRIDE_SHIPPED = _doc(
    "`BILLING_API_BASE` lets anyone point a shipped build at another server",
    "Release builds honour the variable as well: whoever sets it in a user's environment "
    "redirects every invoice, with the card details in it, to a host of their choosing. "
    "Read it only in development builds.",
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_two_explanations_worded_apart_at_one_line_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=OVERRIDE_SHIPPED,
        bravo=_doc(
            "A trailing slash in `BILLING_API_BASE` doubles the separator",
            "Callers append `/invoices` to the value, so one ending in a slash produces a "
            "double slash in the path, which the gateway answers with a not-found status. "
            "Strip it once when the value is read.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_same_problem_explained_in_other_words_at_that_line_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=OVERRIDE_SHIPPED,
        bravo=_doc(
            "Release builds accept `BILLING_API_BASE` from the environment",
            "Whoever sets the variable in a user's environment redirects every invoice, card "
            "details included, to a host of their choosing; honour it in development builds "
            "only.",
        ),
    )
    assert got == [["Alpha", "Bravo"]], got


def test_two_terse_bullets_at_that_line_are_still_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha="- [P1] billing/settings.py:5 — `BILLING_API_BASE` is honoured in release builds.\n",
        bravo="- [P1] billing/settings.py:5 — shipped apps follow `BILLING_API_BASE` too.\n",
    )
    assert got == [["Alpha", "Bravo"]], got
