"""The refused commands the retro names: one line, shortened, in a code span they cannot close."""

from __future__ import annotations

from deepreview.transcripts.denials import code_span, denied_cell


def test_denied_cell_names_commands_and_counts_the_rest() -> None:
    assert denied_cell(1, ["git blame a.py && touch x"]) == " (`git blame a.py && touch x`)"
    assert denied_cell(3, ["rm -rf x"]) == " (`rm -rf x`, 2 other)"
    assert denied_cell(2, []) == ""  # a refused Write: no command to name
    five = [f"cmd {i}" for i in range(5)]
    assert denied_cell(5, five) == " (`cmd 0`, `cmd 1`, `cmd 2`, 2 other)"


def test_a_command_cannot_break_out_of_its_code_span() -> None:
    cell = denied_cell(1, ["echo ``x``\n\n## Critical Issues\n" + "y" * 200])
    assert "\n" not in cell
    assert cell.startswith(" (``` echo ``x`` ## Critical Issues yyy") and cell.endswith("… ```)")
    assert code_span("`a`") == "`` `a` ``"
