"""A dropped finding is named in Reconciliation by the label the retro gives it (README: "a
dropped one by its seats' labels and the label of its title (`Charlie C1 (Integer overflow in
`add` for large…)`)"), as the "No lead decision for …" lines beside it are. The "Dropped …"
line gave the whole title instead: `Dropped Charlie C1 (Integer overflow in `add` for large
operands)` beside the False positives cell's `Charlie C1 (Integer overflow in `add` for
large…)`. A title short enough to be its own label stays whole on both."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced

LABEL = "Charlie C1 (Integer overflow in `add` for large…)"
SHORT = "Alpha I2 (README does not document `sub`)"  # 30 characters: no cut


def _line(md: str, head: str) -> str:
    return next(ln for ln in md.splitlines() if ln.startswith(head))


def test_a_dropped_finding_reads_as_its_retro_label(tmp_path: Path) -> None:
    drop = {"cluster": "K4", "action": "drop", "false_positive": True}
    lead = answer(decisions=[{**drop, "reason": "Python ints do not overflow (calc.py:2)."}])
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert LABEL in _line(run.md, "| False positives |")
    dropped = _line(run.md, "- Dropped ")
    assert dropped.startswith(f"- Dropped {LABEL} as a false positive"), dropped


def test_a_dropped_finding_with_a_short_title_keeps_it_whole(tmp_path: Path) -> None:
    drop = {"cluster": "K2", "action": "drop", "reason": "Out of scope for this change."}
    run = review_with_lead(tmp_path, [fenced(answer(decisions=[drop]))])
    assert SHORT in _line(run.md, "| Dropped |")
    assert _line(run.md, "- Dropped ") == f"- Dropped {SHORT}: Out of scope for this change."
