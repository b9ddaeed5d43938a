"""A reviewer who counts its findings in prose (`First, … Second, …`) and tells each fault by
what the code never does (`is never validated`, `is not closed`) or does without end (`spins
forever`, `blocks indefinitely`) is telling faults: through `review --lead none`, each counted
paragraph with its place is a finding. Before, no such paragraph was read as one, and the seat
failed as "unparseable review" (verdict "Failed"): its findings were lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.repos import make_repo, run_cli
from support.review_seat import REVIEW_FAST, fast_seat


def _review(tmp_path: Path, text: str) -> tuple[list[dict[str, Any]], str]:
    repo = make_repo(tmp_path)
    res = run_cli(REVIEW_FAST, cwd=repo, env=fast_seat(tmp_path, text).env())
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    md = Path(paths["md"]).read_text(encoding="utf-8")
    verdict = next(line for line in md.splitlines() if line.startswith("| **Verdict**"))
    return report["findings"], verdict


def _places(findings: list[dict[str, Any]]) -> list[str]:
    return [f"{loc['path']}:{loc['start']}" for f in findings for loc in f["locations"]]


def test_counted_paragraphs_telling_what_is_never_done_are_findings(tmp_path: Path) -> None:
    review = (
        "I went through both files and ran the unit tests.\n\n"
        "First, the divisor read at `calc.py:5` is never validated, so a zero goes straight "
        "into the division.\n\n"
        "Second, the reader loop at `util/strings.py:2` spins forever once its source is "
        "exhausted.\n\n"
        "That is all from me.\n"
    )
    findings, verdict = _review(tmp_path, review)
    assert _places(findings) == ["calc.py:5", "util/strings.py:2"], findings
    assert "Merge as-is" not in verdict, verdict


def test_other_words_for_a_step_left_undone_or_a_wait_without_end(tmp_path: Path) -> None:
    review = (
        "A short pass over the change.\n\n"
        "First, the temporary handle opened at `calc.py:5` is not closed on the early return.\n\n"
        "Second, the call at `calc.py:6` blocks indefinitely when the peer stops answering.\n\n"
        "Third, the buffer filled at `util/strings.py:2` is never cleared between requests.\n"
    )
    findings, verdict = _review(tmp_path, review)
    assert _places(findings) == ["calc.py:5", "calc.py:6", "util/strings.py:2"], findings
    assert "Merge as-is" not in verdict, verdict


def test_counted_paragraphs_that_only_explain_stay_prose(tmp_path: Path) -> None:
    review = (
        "I went through both files.\n\n"
        "First, the divisor read at `calc.py:5` is checked before use, so a zero never reaches "
        "the division.\n\n"
        "Second, the reader loop at `util/strings.py:2` stops once its source is exhausted.\n\n"
        "No issues found.\n"
    )
    findings, verdict = _review(tmp_path, review)
    assert findings == [], findings
    assert "Merge as-is" in verdict, verdict
