"""Through the real `deep-review review` with command seats: a finding with no classification
(terse `[P1] path:line` bullets, a table of level and place) beside a classified one (tm64).
Each rule that merges more has a case that must stay apart.

- The same line, both graded important, one `(important, regression)` and one bare bullet,
  worded with no word in common ("credits the balance instead of debiting it" / "money flows
  the wrong way"): one finding, as two classified seats' would be.
- The same line, both graded suggestion, the same two shapes, saying different things ("the
  limit ignores earlier refunds" / "the error message does not say the limit"): two; a
  suggestion's line takes many small remarks.
- The same line, both important, neither classified: two (grade and place are all they share).
- Both titles naming one failure ("folder name reaches the shell unescaped" at 4-5, "Command
  injection through the archive target" at 5), graded alike, no code name in common: one; the
  same failure at two lines of one function ("Unescaped name in the insert statement"): two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

REFUND = (
    "def refund(order, amount):\n"  # 1
    "    if amount > order.total:\n"  # 2
    "        raise ValueError('too much')\n"  # 3
    "    order.balance += amount\n"  # 4
    "    return order\n"  # 5
)


def _doc(findings: str) -> str:
    return f"## Executive Summary\n\nRead the refund helper.\n\n## Findings\n\n{findings}"


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"shop/refund.py": REFUND}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_bare_bullet_and_a_classified_finding_graded_alike_at_one_line_are_one(
    tmp_path: Path,
) -> None:
    got = _credited(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`refund` credits the balance instead of debiting "
            "it** — `shop/refund.py:4` (important, regression)\n\nA refund must lower what "
            "the customer owes.\n"
        ),
        bravo="- [P1] shop/refund.py:4 — money flows the wrong way: every payback grows "
        "the account.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_suggestions_at_one_line_in_those_shapes_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=_doc(
            "### Suggestions\n\n1. **The limit ignores earlier refunds** — "
            "`shop/refund.py:2` (suggestion, gap)\n\nTwo partial refunds can exceed the total.\n"
        ),
        bravo="- [P3] shop/refund.py:2 — error message does not say what the maximum is.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_two_unclassified_findings_graded_alike_at_one_line_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha="- [P1] shop/refund.py:4 — money flows the wrong way: every payback grows "
        "the account.\n",
        bravo="| Severity | Location | Finding |\n|---|---|---|\n"
        "| Important | `shop/refund.py:4` | Mutating the caller's order in place |\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


# Both titles naming one failure at one line, graded alike, with no code name in common.
ARCHIVE = (
    "import subprocess\n\n\n"
    "def archive(folder, db, name):\n"  # 4
    '    subprocess.run(f"tar czf /backups/out.tgz {folder}", shell=True)\n'  # 5
    "    db.execute(f\"INSERT INTO archives VALUES ('{name}')\")\n"  # 6
)


def _archived(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"ops/archive.py": ARCHIVE}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_one_failure_named_by_both_titles_at_one_line_graded_alike_is_one(
    tmp_path: Path,
) -> None:
    # neither classifies it (a bullet, a table row): the failure both titles name and the
    # grade are words in common, as grade and place alone are not
    got = _archived(
        tmp_path,
        alpha="- [P0] ops/archive.py:4-5 — folder name reaches the shell unescaped.\n",
        bravo="| Severity | Location | Finding |\n|---|---|---|\n"
        "| Critical | `ops/archive.py:5` | Command injection through the archive target |\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_the_same_failure_at_two_lines_of_one_function_stays_two(tmp_path: Path) -> None:
    got = _archived(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **Command injection through the folder argument** — "
            "`ops/archive.py:5` (important, security)\n\nA folder named `x; rm -rf ~` runs "
            "its own command.\n"
        ),
        bravo=_doc(
            "### Important Issues\n\n1. **Unescaped name in the insert statement** — "
            "`ops/archive.py:6` (important, regression)\n\nUse a bound parameter.\n"
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got
