"""The retro of a later round: a finding only one seat raised that an earlier round reported is a
confirmation, named apart from the seat's unique insights (`with_earlier_rounds`), and the
report's Markdown cell reads back to the same numbers."""

from __future__ import annotations

import dataclasses

from consolidate_helpers import finding, seat

from deepreview.consolidate import apply_decisions, cluster_findings
from deepreview.consolidate.decisions import Consolidation
from deepreview.consolidate.retro import build_retro_seats
from deepreview.consolidate.retro_rounds import with_earlier_rounds
from deepreview.findings.report_retro import count_insights, count_reraised, insight_ids
from deepreview.retromodel import RetroNumbers, SeatRetro

# the findings' labels in the retro: their titles, code spans kept
PARSE = "`parse` drops the last line"
DUMP = "`dump` never closes its file"
RETRY = "`retry` has no test"


def _claude_alone() -> tuple[SeatRetro, Consolidation]:
    """Claude alone raises three findings (I1, I2, S1); Gemini raises nothing."""
    seats = [
        seat(
            "claude",
            finding("I1", PARSE, "a.py:3"),
            finding("I2", DUMP, "b.py:9"),
            finding("S1", RETRY, "c.py:1", cls="gap"),
        ),
        seat("gemini"),
    ]
    result = apply_decisions(cluster_findings(seats), (), reviewers=[s.reviewer for s in seats])
    return build_retro_seats(seats, result)[0], result


def test_a_first_round_retro_counts_every_finding_raised_alone() -> None:
    claude, _ = _claude_alone()
    assert claude.cell("Unique insights") == f"I1 ({PARSE}), I2 ({DUMP}), S1 ({RETRY})"
    assert claude.numbers == RetroNumbers(0, 2, 1, unique_insights=3, reraised=0)
    assert (claude.unique_ids, claude.reraised_ids) == (("I1", "I2", "S1"), ())
    # nothing from an earlier round: the retro stays as it was
    _, result = _claude_alone()
    assert with_earlier_rounds(claude, result.findings, {"I9": (1, "I9")}) == claude


def test_findings_from_two_earlier_rounds_are_named_by_round() -> None:
    claude, result = _claude_alone()
    # I2 was round 1's I4 (declined then, its code changed since); I1 is round 2's I1
    later = with_earlier_rounds(claude, result.findings, {"I1": (2, "I1"), "I2": (1, "I4")})
    cell = later.cell("Unique insights")
    assert cell == f"S1 ({RETRY}); re-raised from round 1: I2 ({DUMP}); from round 2: I1 ({PARSE})"
    assert later.numbers == RetroNumbers(0, 2, 1, unique_insights=1, reraised=2)
    assert (later.unique_ids, later.reraised_ids) == (("S1",), ("I1", "I2"))
    assert f"Only Claude found S1 ({RETRY}). Claude alone raised again what earlier rounds " in (
        later.narrative
    )
    assert (
        f"I1 ({PARSE}; Round 2 I1), I2 ({DUMP}; Round 1 I4) — confirmations, not counted as "
        in (later.narrative)
    )
    assert "Only Claude found I1" not in later.narrative
    # the Markdown cell reads back (a parsed report, `stats` on an old store) to the same counts
    assert (count_insights(cell), count_reraised(cell), insight_ids(cell)) == (1, 2, ("S1",))
    # the other rows are untouched
    assert [r for r, _ in later.cells] == [r for r, _ in claude.cells]
    assert later.cell("Findings") == claude.cell("Findings") == "0C 2I 1S"


def test_a_leads_narrative_keeps_its_words_and_gains_the_fact() -> None:
    claude, result = _claude_alone()
    led = dataclasses.replace(claude, narrative="Claude found three real problems.")
    later = with_earlier_rounds(led, result.findings, {"I1": (1, "I1")})
    assert later.narrative == (
        "Claude found three real problems.\n\nClaude alone raised again what round 1 reported: "
        f"I1 ({PARSE}; Round 1 I1) — a confirmation, not counted as a unique insight."
    )
    assert later.cell("Unique insights") == (
        f"I2 ({DUMP}), S1 ({RETRY}); re-raised from round 1: I1 ({PARSE})"
    )


def test_only_reraised_findings_leave_no_unique_insight() -> None:
    claude, result = _claude_alone()
    every = {"I1": (1, "I1"), "I2": (1, "I2"), "S1": (1, "S1")}
    cell = with_earlier_rounds(claude, result.findings, every).cell("Unique insights")
    assert cell == f"0; re-raised from round 1: I1 ({PARSE}), I2 ({DUMP}), S1 ({RETRY})"
    assert (count_insights(cell), count_reraised(cell), insight_ids(cell)) == (0, 3, ())


def test_cells_of_older_reports_read_as_before() -> None:
    for cell, unique, ids in (
        ("I1 (x), I4 (y)", 2, ("I1", "I4")),
        ("0", 0, ()),
        ("2 (I1, I3)", 2, None),
        ("I1 (re-raised errors)", 1, ("I1",)),
    ):
        assert (count_insights(cell), count_reraised(cell), insight_ids(cell)) == (
            unique,
            None,
            ids,
        ), cell
