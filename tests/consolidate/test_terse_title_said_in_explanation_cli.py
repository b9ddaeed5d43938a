"""Through the real `deep-review review --lead none`: at one line, a terse title whose words
(three or more beyond code names) the other finding says in its explanation is that finding
told in short (`score_caps.SAID_ACROSS_WORDS`, tm66): one finding, though graded apart and worded
with other nouns. A title sharing one word with the explanation is another problem there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

COUPON = (
    "function applyCoupon(total, coupon) {\n"  # 1
    "  if (coupon.expiresAt < new Date()) return total;\n"  # 2
    "  return total - total * coupon.percent / 100;\n"  # 3
    "}\n"  # 4
)
EXPIRED = (
    "## Findings\n\n### Important Issues\n\n#### I1. Expired coupons keep applying when "
    "`expiresAt` is a string\n\n**File:** `src/coupon.js:2`\n\nCoupons arrive as JSON, so "
    "`expiresAt` is an ISO string; the comparison with `new Date()` is always false and a "
    "coupon from 2020 still discounts today.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"src/coupon.js": COUPON}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_terse_title_the_other_explanation_says_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=EXPIRED,
        bravo="| Priority | Where | What |\n|---|---|---|\n| High | `src/coupon.js:2` | Date "
        "comparison against a serialized timestamp is always false, so outdated vouchers are "
        "honoured |\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_title_sharing_one_word_with_the_explanation_stays_apart(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=EXPIRED,
        bravo="| Priority | Where | What |\n|---|---|---|\n| High | `src/coupon.js:2` | The "
        "comparison uses the server's local clock rather than UTC |\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got
