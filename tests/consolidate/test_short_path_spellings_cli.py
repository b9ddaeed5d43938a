"""Through the real `deep-review consolidate`: the short spellings a reviewer gives a long path
are that path. An elided head (`.../app/rates.py` in a coverage row) and a path that is the end
of another reviewer's (`app/rates.py` beside `src/app/rates.py`) name no second file; before,
either made a bare `rates.py` ambiguous, and the finding listed `rates.py:9` beside
`src/app/rates.py:9-10` as two places."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.consolidating import consolidated_findings

BRAVO = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Empty rate table entry blames `rate`** — `src/app/rates.py:9-10` (suggestion, gap)\n\n"
    "When the `rate_table` entry is empty the error names `rate`, so the user edits the wrong "
    "field.\n"
)
EMPTY_ENTRY = (
    "S1. **Empty `rate_table` entry reported as a bad `rate`** — `rates.py:9` (suggestion, gap)"
    "\n\nAn empty `rate_table` entry yields a message about `rate`, which sends the user to the "
    "wrong field.\n"
)


def _places(finding: dict[str, Any]) -> list[tuple[str, int | None, int | None]]:
    return [(p["path"], p["start"], p["end"]) for p in finding["locations"]]


def test_an_elided_coverage_path_is_the_full_path(tmp_path: Path) -> None:
    alpha = (
        "## Findings\n\n### Suggestions\n\n" + EMPTY_ENTRY + "\n## Coverage Summary\n\n"
        "- `.../app/rates.py` — Reviewed; S1\n"
    )
    (finding,) = consolidated_findings(tmp_path, {"alpha": alpha, "bravo": BRAVO})
    assert sorted(finding["reviewers"]) == ["Alpha", "Bravo"], finding
    assert _places(finding) == [("src/app/rates.py", 9, 10)], _places(finding)


def test_a_path_ending_another_reviewers_is_that_file(tmp_path: Path) -> None:
    alpha = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **`load_rates` never closes the rates file** — `app/rates.py:3` (important, gap)\n\n"
        "`open(RATES)` is read and never closed.\n\n### Suggestions\n\n" + EMPTY_ENTRY
    )
    found = consolidated_findings(tmp_path, {"alpha": alpha, "bravo": BRAVO})
    places = sorted(p for f in found for p in _places(f))
    assert places == [("src/app/rates.py", 3, None), ("src/app/rates.py", 9, 10)], places
