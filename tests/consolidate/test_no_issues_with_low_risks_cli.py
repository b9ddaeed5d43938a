"""Through the real `deep-review consolidate`: a seat that says "No issues found." and lists
`- Low: …` risks (fixture `no-issues-with-low-risks.md`) is credited with each risk as a
suggestion, and the report's verdict stays to merge (why the items are suggestions:
`tests/findings/test_no_issues_with_low_risks.py`)."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

FIXTURE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "reviews" / "no-issues-with-low-risks.md"
)


def test_low_risks_beside_no_issues_found_are_the_seats_suggestions(tmp_path: Path) -> None:
    report = json.loads(
        consolidate_reviews(tmp_path, {"claude": FIXTURE.read_text(encoding="utf-8")})
    )
    assert [(f["id"], f["severity"], f["reviewers"]) for f in report["findings"]] == [
        ("S1", "suggestion", ["Claude"]),
        ("S2", "suggestion", ["Claude"]),
    ]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
