"""Through the real `deep-review review --lead none`: a value cut by integer arithmetic
(`claims.py`, "truncation", tm66) told in the method that computes it ("always returns 0") and
at the line that calls it ("credits nothing: divided down to 0"), in other words and no shared
name, is one finding (`nearby.definition_and_call`); skipped overdrawn accounts beside the
call are another.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

INTEREST = (
    "package bank;\n"  # 1
    "\n"  # 2
    "final class Interest {\n"  # 3
    "    static long monthlyInterest(long balanceCents, int rateBps) {\n"  # 4
    "        return balanceCents * (rateBps / 10000) / 12;\n"  # 5
    "    }\n"  # 6
    "\n"  # 7
    "    static long applyAll(long[] balances, int rateBps) {\n"  # 8
    "        long paid = 0;\n"  # 9
    "        for (int i = 0; i < balances.length; i++) {\n"  # 10
    "            if (balances[i] < 0) continue;\n"  # 11
    "            long interest = monthlyInterest(balances[i], rateBps);\n"  # 12
    "            balances[i] += interest;\n"  # 13
    "            paid += interest;\n"  # 14
    "        }\n"  # 15
    "        return paid;\n"  # 16
    "    }\n"  # 17
    "}\n"  # 18
)
ALWAYS_ZERO = (
    "## Findings\n\n### Critical Issues\n\n#### C1. `monthlyInterest` always returns 0 for real "
    "rates\n\n**File:** `bank/Interest.java:4-6`\n\n`rateBps / 10000` is `0` for any rate under "
    "100 %. Multiply first.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"bank/Interest.java": INTEREST}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_zero_interest_told_in_the_method_and_at_its_call_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=ALWAYS_ZERO,
        bravo="- [P1] bank/Interest.java:12 — `applyAll` credits nothing: the per-account amount "
        "is divided down to 0 for every realistic rate.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_skipped_overdrawn_accounts_beside_the_call_stay_apart(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=ALWAYS_ZERO,
        bravo="- [P1] bank/Interest.java:11 — overdrawn accounts are skipped, so no debit "
        "interest is ever charged on negative balances.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got
