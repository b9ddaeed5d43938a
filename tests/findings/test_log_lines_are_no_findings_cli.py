"""A seat that pastes a program's log around its review (`findings/log_lines.py`): what the
stored report says, through `review --lead none`. A log line is led by its timestamp and names
a place (`2026-03-01T10:22:33Z calc.py:5 …`); before, its timestamp was read as a `path:line`
and each log line as a place-led item, so the verdict said the seat's findings "could not be
read", log lines alone made a finding, and a log line closing the review read as cut off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.repos import make_repo, run_cli
from support.review_seat import REVIEW_FAST, fast_seat

FAULT = "- `calc.py:5` — `sub` never checks its inputs, so two strings raise TypeError.\n"


def _review(tmp_path: Path, text: str) -> tuple[dict[str, Any], str]:
    repo = make_repo(tmp_path)
    res = run_cli(REVIEW_FAST, cwd=repo, env=fast_seat(tmp_path, text).env())
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    return report, Path(paths["md"]).read_text(encoding="utf-8")


def _verdict(md: str) -> str:
    return next(line for line in md.splitlines() if line.startswith("| **Verdict**"))


def test_log_lines_in_a_findings_section_are_not_unread_findings(tmp_path: Path) -> None:
    review = (
        "## Findings\n\n"
        "2026-03-01T10:22:33Z calc.py:5 calling sub\n"
        "2026-03-01T10:22:34Z calc.py:5 sub failed: TypeError raised\n\n"
        f"{FAULT}"
    )
    out, md = _review(tmp_path, review)
    verdict = _verdict(md)
    assert "could not be read" not in verdict, verdict
    assert "Merge with fixes" in verdict, verdict
    assert [f["title"] for f in out["findings"]] == [
        "`sub` never checks its inputs, so two strings raise TypeError"
    ]


def test_a_log_alone_before_no_issues_is_no_finding(tmp_path: Path) -> None:
    review = (
        "[2026-03-01 10:22:33] calc.py:5 calling sub\n"
        "[2026-03-01 10:22:34] calc.py:5 sub failed, retrying\n"
        "10:22:35.120 calc.py:5 ERROR missing operand\n\n"
        "No issues found.\n"
    )
    out, md = _review(tmp_path, review)
    assert out["findings"] == [], out["findings"]
    assert "**Merge as-is**" in _verdict(md), _verdict(md)


def test_a_log_line_closing_the_review_is_not_a_cut_off(tmp_path: Path) -> None:
    review = (
        "## Findings\n\n### Important\n\n"
        f"{FAULT}\n"
        "Output of my run:\n\n"
        "2026-03-01T10:23:01Z calc.py:6 WARN sub returned a value below the floor for this run\n"
    )
    _out, md = _review(tmp_path, review)
    verdict = _verdict(md)
    assert "cut off" not in verdict, verdict
    assert "Merge with fixes" in verdict, verdict
