"""A dropped finding is named in Reconciliation by the label the retro gives it (README: "a
dropped one by its seats' labels and the label of its title (`Charlie C1 (Integer overflow in
`add` for large…)`)"), as the "No lead decision for …" lines beside it are. The "Dropped …"
line gives the whole title instead: `Dropped Charlie C1 (Integer overflow in `add` for large
operands)` beside the False positives cell's `Charlie C1 (Integer overflow in `add` for
large…)`. The line is written in src/deepreview/consolidate/ (decisions.py, decision_notes.py),
which ux76 was not to touch: expected to fail until it is changed there."""

from __future__ import annotations

from pathlib import Path

import pytest
from lead_cli import review_with_lead
from lead_kit import answer, fenced

LABEL = "Charlie C1 (Integer overflow in `add` for large…)"


@pytest.mark.xfail(strict=True, reason="the Dropped line is built in consolidate/ (ux76 left it)")
def test_a_dropped_finding_reads_as_its_retro_label(tmp_path: Path) -> None:
    drop = {"cluster": "K4", "action": "drop", "false_positive": True}
    lead = answer(decisions=[{**drop, "reason": "Python ints do not overflow (calc.py:2)."}])
    run = review_with_lead(tmp_path, [fenced(lead)])
    row = next(ln for ln in run.md.splitlines() if ln.startswith("| False positives |"))
    assert LABEL in row, row
    dropped = next(ln for ln in run.md.splitlines() if ln.startswith("- Dropped "))
    assert dropped.startswith(f"- Dropped {LABEL} as a false positive"), dropped
