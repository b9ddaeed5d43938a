"""Trial 53 through the real `deep-review review`: a seat's output that only looks like a
clean review is never approval.

- #1 a review cut off inside its last findings-table row, or inside the tag of its last
  finding's heading, is cut off (the verdict says so; "Merge as-is" becomes Unverified).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

_review = review_printed

# --- #1 --------------------------------------------------------------------------------------

_TABLE_HEAD = (
    "## Executive Summary\n\nSmall helper additions.\n\n## Findings\n\n"
    "| ID | Severity | Location | Issue |\n|----|----------|----------|-------|\n"
    "| S1 | Suggestion | `calc.py:5` | Prefer a clearer name for `sub` |\n"
    "| S2 | Suggestion | `util/strings.py:2` | `shout` lacks a docstring |\n"
)
CUT_INSIDE = {
    "table-row-at-its-level": _TABLE_HEAD + "| I1 | Impor\n",
    "table-row-in-its-text": _TABLE_HEAD
    + "| I1 | Important | `calc.py:5` | `sub` raises TypeError on str",
    "heading-tag": (
        "## Executive Summary\n\nAdds sub and shout.\n\n## Findings\n\n### Critical Issues\n\n"
        "None.\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\n"
        "S1. **Prefer a clearer name** — `calc.py:5` (suggestion, naming)\n\n"
        "The name `sub` reads as a submarine.\n\n"
        "S2. **Name the argument** — `util/strings.py:2` (sugg"
    ),
}


@pytest.mark.parametrize("name", sorted(CUT_INSIDE))
def test_a_review_cut_inside_its_last_finding_is_cut_off(tmp_path: Path, name: str) -> None:
    res, out, report = _review(tmp_path, {"alpha": CUT_INSIDE[name]}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] != "Merge as-is", verdict
    assert "Alpha's review is cut off" in verdict["reason"], verdict
    assert res.returncode == 4, res.stderr


def test_a_whole_findings_table_is_not_cut_off(tmp_path: Path) -> None:
    res, _, report = _review(tmp_path, {"alpha": _TABLE_HEAD}, "--fail-on", "important")
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert "cut off" not in verdict["reason"]
    assert res.returncode == 0, res.stderr
