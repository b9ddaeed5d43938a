"""The store index's survival chart says its counts as words do: "1 review", "1 unique insight"
(it said "1 reviews", "1 unique insights" after a store's first review)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_cli import review_with_lead
from lead_kit import ANSWER, fenced


def test_the_survival_chart_counts_one_review_in_the_singular(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, [fenced(ANSWER)])
    page = (Path(run.out["store"]) / "index.html").read_text(encoding="utf-8")
    tips = re.findall(r'<g class="seat-point[^>]*><title>([^<]*)</title>', page)
    assert len(tips) == 3, page
    assert all(t.endswith("per review, 1 review") for t in tips), tips
    ones = [t for t in tips if re.search(r"\b1 unique insight", t)]
    assert ones, tips  # the premise: some seat has exactly one
    assert not any("1 unique insights" in t for t in tips), tips
