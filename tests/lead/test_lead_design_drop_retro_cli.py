"""A design observation the lead dropped is counted as such in its seat's retro cell, as the
seed report's `1 concern (invalid)`: before, Charlie's cell still read `1 concern` beside a
Design Observations section that no longer held it (only Reconciliation said it was dropped)."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def _design_cells(md: str) -> list[str]:
    row = next(ln for ln in md.splitlines() if ln.startswith("| Design observations |"))
    return [c.strip() for c in row.strip("|").split("|")][1:]


def test_a_dropped_design_concern_is_counted_in_its_seats_retro_cell(tmp_path: Path) -> None:
    doc = answer(
        design_observations=[
            {"id": "D1", "action": "drop", "reason": "A package name is not this change's design."}
        ]
    )
    run = review_with_lead(tmp_path, [fenced(doc)])
    assert "grab-bag" not in run.section("## Design Observations")
    alpha, bravo, charlie = _design_cells(run.md)
    assert charlie == "1 concern (1 dropped by the lead)"
    assert alpha == "1 strength" and bravo == "0"
    html = Path(run.out["paths"]["html"]).read_text(encoding="utf-8")
    assert "<td>1 concern (1 dropped by the lead)</td>" in html


def test_a_kept_design_concern_leaves_the_cell_as_it_was(tmp_path: Path) -> None:
    doc = answer(design_observations=[{"id": "D1", "action": "keep", "reason": "It holds."}])
    run = review_with_lead(tmp_path, [fenced(doc)])
    assert _design_cells(run.md)[2] == "1 concern"
