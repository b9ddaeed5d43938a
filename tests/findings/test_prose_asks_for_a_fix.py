"""A review whose severity sections all say "None." but whose summary names a problem in a
changed file (no line) and says it "must be fixed before merge" (trial 53 #7): its findings could
not be read, never "no issues found". Before, "fixed" read as the change fixing something, so the
passage was dropped: "Merge as-is — no issues found" and `--fail-on important` passed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from support.printing_seats import printing_seats
from support.repos import cli_env, make_repo, run_cli

NONE_SECTIONS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)


def review(summary: str) -> str:
    return f"## Executive Summary\n\n{summary}\n\n{NONE_SECTIONS}"


ASKS = (
    "The change adds `sub`. However, `sub` in `calc.py` returns the negated difference, which "
    "silently corrupts totals; this must be fixed before merge."
)


def test_a_summary_asking_for_a_fix_in_a_file_is_no_clean_review(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"alpha": review(ASKS)})
    res = run_cli(
        ["review", "--agents", "alpha", "--lead", "none", "--json", "--fail-on", "important"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    data: dict[str, Any] = res.json()
    assert [s["status"] for s in data["seats"]] == ["ok"], res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["findings"] == []  # nothing invented
    md = Path(data["paths"]["md"]).read_text(encoding="utf-8").split("## Appendix")[0]
    assert "findings could not be read" in md
    assert "Merge as-is" not in md
    assert res.returncode == 4


@pytest.mark.parametrize(
    "ask",
    [
        "this must be fixed before merge",
        "this needs a fix before merge",
        "it should be fixed first",
        "it needs fixing",
        "this has to be resolved before merge",
        "please fix it",
    ],
)
def test_asking_for_a_fix_is_no_fix_the_change_makes(ask: str) -> None:
    text = review(f"`sub` in `calc.py` returns the negated difference, a bug; {ask}.")
    assert len(parse_review(text, seat="s").unread_findings) == 1


@pytest.mark.parametrize(
    "text",
    [
        "This change fixes the bug in calc.py where sub swapped its operands.",
        "The PR resolves the crash in calc.py.",
        "It fixed the bug in calc.py that swapped the operands.",
        # the fix asked for is the one this change makes
        "The rounding bug in calc.py must be fixed before 2.0, and this PR does exactly that.",
        "The swapped operands in calc.py needed a fix; the change takes care of it.",
    ],
)
def test_a_fix_the_change_makes_stays_no_problem(text: str) -> None:
    assert parse_review(review(text), seat="s").unread_findings == ()
