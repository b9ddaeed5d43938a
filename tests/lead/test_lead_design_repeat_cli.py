"""A design observation the lead adds that says what a seat's already says (as two seats' alike
observations are told one) is not listed twice; Reconciliation says so."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def test_a_leads_design_observation_repeating_a_seats_is_listed_once(tmp_path: Path) -> None:
    lead = answer(
        added_design_observations=[
            {
                "kind": "concern",
                "text": "**Helpers live in a grab-bag `util` package** — `util/strings.py` "
                "invites unrelated helpers.",
                "scope": "future",
            },
            {"kind": "strength", "text": "Small, focused helpers with no side effects."},
            {"kind": "concern", "text": "`sub` duplicates `add` with a negated argument."},
        ]
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    design = run.section("## Design Observations")
    assert design.count("grab-bag") == 1
    assert design.count("Small, focused helpers") == 1
    assert "`sub` duplicates `add` with a negated argument. [lead]" in design
    assert "The lead's design concern (Helpers live in a grab-bag `util` package" in run.md
    assert "repeats Charlie's; not added twice." in run.md
