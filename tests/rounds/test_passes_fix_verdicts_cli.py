"""A later pass is asked for the fix verdicts again: its word on a prior finding counts as a
later line of the seat's own (trial 58b, defect 6): a `not fixed` there keeps the finding
open although pass 1 called it fixed."""

from __future__ import annotations

import json
from pathlib import Path

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import stored

NEW_FINDING = """## Executive Summary

The divisor is checked now; `mul` is new.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`mul` adds instead of multiplying** — `calc.py:6` (important, regression)

`mul(2, 3)` returns 5.

### Suggestions

None.
"""

PASS1 = NEW_FINDING + "\n## Round 1 Fix Verdicts\n\n- I1: fixed — `calc.py:3` checks `b`\n"
PASS2 = NEW_FINDING + (
    "\n## Round 1 Fix Verdicts\n\n"
    "- I1: not fixed — looking again, `calc.py:3` still divides when `b` is 0.0\n"
)


def test_a_later_pass_saying_not_fixed_keeps_the_prior_finding_open(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(
        repo,
        "calc.py",
        "def div(a, b):\n    # divide\n    return a / b if b != 0 else 0\n\n\n"
        "def mul(a, b):\n    return a + b\n",
    )
    commit_all(repo, "Check the divisor, add mul")
    first, second = fakes.tmp / "pass1.md", fakes.tmp / "pass2.md"
    first.write_text(PASS1, encoding="utf-8")
    second.write_text(PASS2, encoding="utf-8")
    seat = fakes.seat(
        "ok", "--review-file", str(first), "--when", f"## Pass 2: look where={second}"
    )
    fakes.write_config({"alpha": seat})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", "--passes", "2")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert (fakes.store / rid / "review-alpha-pass-2.md").is_file()
    data = json.loads(stored(fakes, rid, ".json"))
    (verdict,) = data["round_info"]["fix_verdicts"]
    assert verdict["verdict"] == "not fixed", verdict
    tags = [f["carry_forward"] for f in data["findings"]]
    assert "Round 1 I1, not fixed" in tags, tags
    assert "fixed and closed" not in data["executive_summary"]
