"""Through the real `deep-review consolidate`: two seats say one feature has no tests of one
sort, one placing the gap on the handler's file (no line), the other nowhere. Neither place can
meet the other; the sort of test both titles name can. A careful lead credits both on one
finding, and keeps two gaps about different code apart."""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

_ON_THE_FILE = """## Findings

### Suggestions

1. **No handler-level test, and no smoke coverage** — `src/export/handler.go` (suggestion, gap)

   The sibling importer ships `handler_test.go`, which drives `Handle` with a fake store.
   The export handler has no such test, so the fallback to the default format and the
   error path are unchecked. Nothing under `smoke/` runs an export either.
"""


def _placed_nowhere(title: str) -> str:
    return f"""## Findings

### Important Issues

1. **{title}** (important, gap)

   The change adds unit tests for the format helpers only. Other features have a smoke
   suite that starts the daemon and checks what it writes; this one has none.

   Fix: add a smoke suite that runs an export and compares the written file.
"""


def test_two_gaps_naming_one_sort_of_test_are_one_finding(tmp_path: Path) -> None:
    found = consolidated_findings(
        tmp_path,
        {
            "claude": _ON_THE_FILE,
            "gemini": _placed_nowhere("Complete lack of smoke tests for the export feature"),
        },
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Claude", "Gemini"]], found


def test_a_gap_naming_other_code_stays_apart(tmp_path: Path) -> None:
    # `Reindex` is code the first finding never names: a gap of other code
    found = consolidated_findings(
        tmp_path,
        {
            "claude": _ON_THE_FILE,
            "gemini": _placed_nowhere("Complete lack of smoke tests for `Reindex`"),
        },
    )
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Claude"], ["Gemini"]], found
