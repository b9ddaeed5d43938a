"""The lead's cluster IDs are read whatever their case in a decision (`"cluster": "k1"`); its
prose naming them in lower case (`k1`, `l1`) names the same findings as `K1`, `L1`."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def test_lower_case_ids_in_the_leads_prose_name_the_findings(tmp_path: Path) -> None:
    lead = answer(
        executive_summary="k1 must be fixed; k2 and l1 can wait. The k9 and lk1 words stay.",
        verdict={"label": "Merge with fixes", "reason": "k1 needs a guard for `None` first."},
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    summary = run.section("## Executive Summary")
    assert "I1 must be fixed; S3 and S2 can wait. The k9 and lk1 words stay." in summary
    assert run.report["header"]["verdict"]["reason"] == "I1 needs a guard for `None` first."
