"""A later round's verdict is qualified by the same seat outcomes as the round's own report
(`consolidate.shortfalls.seat_outcomes`, computed once per review), through the real command:
a seat that timed out after writing findings keeps round 2 from approving, as it would keep
a first round from it, and the report's runs and verdict say the same of it."""

from __future__ import annotations

import json
from pathlib import Path

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import ROUND2_FIXED, alpha_seat

CRITICAL_THEN_HANG = (
    "## Findings\n\n### Critical Issues\n\n**C1. `div` returns a float for ints** — `calc.py:3`"
    "\n\n`div(4, 2)` returns `2.0` where callers index with it.\n\n(critical, regression)\n"
)


def test_round_two_with_a_seat_timed_out_after_writing_findings_is_no_approval(
    tmp_path: Path,
) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    slow_out = tmp_path / "slow.out"
    slow_out.write_text(CRITICAL_THEN_HANG, encoding="utf-8")
    slow = {
        "argv": ["sh", "-c", f"cat >/dev/null; cat '{slow_out}'; sleep 30"],
        "timeout": 1.5,
    }
    fakes.write_config({**alpha_seat(fakes, ROUND2_FIXED), "slow": slow})
    res = fakes.review(repo, "--agents", "alpha,slow", "--fail-on", "important")
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["round_info"]["number"] == 2
    assert report["findings"] == []  # I1 fixed; the slow seat's text is not read for findings
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert "Slow timed out after writing findings that were not judged" in verdict["reason"]
    assert "1 of 2 seats failed" in verdict["reason"]
    assert {r["seat"]: r["status"] for r in report["runs"]} == {"alpha": "ok", "slow": "timeout"}
    assert res.returncode == 4, res.stderr
