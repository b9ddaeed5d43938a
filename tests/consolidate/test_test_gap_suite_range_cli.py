"""Through the real `deep-review review --lead none`: one missing test told over the whole
suite (a range of the test file) and at one line inside it, in other words, is one finding
(`gaps.one_gap_in_a_test_file`, tm66); a weak assertion at a line inside that range says no
test is missing and stays apart.
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
    "module.exports = { applyCoupon };\n"  # 5
)
SUITE = (
    'const { applyCoupon } = require("../src/coupon");\n'  # 1
    "\n"  # 2
    'test("ten percent off", () => {\n'  # 3
    '  const c = { percent: 10, expiresAt: new Date("2999-01-01") };\n'  # 4
    "  expect(applyCoupon(200, c)).toBeLessThan(200);\n"  # 5
    "});\n"  # 6
    "\n"  # 7
    'test("half off", () => {\n'  # 8
    '  const c = { percent: 50, expiresAt: new Date("2999-01-01") };\n'  # 9
    "  expect(applyCoupon(200, c)).toBe(100);\n"  # 10
    "});\n"  # 11
)
WHOLE_SUITE = (
    "## Findings\n\n### Suggestions\n\n#### S1. No test covers an expired coupon\n\n"
    "**File:** `test/coupon.test.js:3-11`\n\nEvery coupon in the suite expires in 2999, so the "
    "expiry branch never runs under test.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    files = {"src/coupon.js": COUPON, "test/coupon.test.js": SUITE}
    found: list[dict[str, Any]] = findings_of_change(tmp, files, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_gap_told_over_the_suite_and_at_a_line_of_it_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=WHOLE_SUITE,
        bravo="- [P3] test/coupon.test.js:9 — only fixtures valid until 2999, as in the "
        "percent case: nothing checks that a lapsed coupon is refused.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_weak_assertion_inside_the_suite_range_stays_apart(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=WHOLE_SUITE,
        bravo="- [P3] test/coupon.test.js:5 — `toBeLessThan(200)` passes for any discount, even "
        "a wrong one; assert the exact 180.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got
