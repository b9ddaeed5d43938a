"""Trial 56a #18: an item in a findings section that says it needs no change (`👍 … no change
needed`, `(No action) … intentional`, `… which is fine`) is a spot the reviewer checked, not a
suggestion; an item that says so and still names a problem is a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_HEAD = (
    "## Executive Summary\n\nStreaming export.\n\n## Critical Issues\n\nNone.\n\n"
    "## Important Issues\n\nNone.\n\n## Suggestions\n\n"
    "- **Chunk size ignores settings** — `calc.py:5` (suggestion)\n"
)
_TAIL = "\n## Verdict\n\nMerge as-is.\n"


def _titles(text: str) -> list[tuple[str, str]]:
    r = parse_review(text, seat="alpha")
    assert r.unread_findings == (), r.unread_findings
    return [(f.id, f.title) for f in r.findings]


CHECKED = [
    "- 👍 `calc.py:7` — good use of `yield from`; no change needed.\n",
    "- (No action) `calc.py:8` — the broad `except` is intentional here and logged.\n",
    "- `calc.py:9` — the retry count of 3 matches the docs, which is fine.\n",
    "- `calc.py:9` — looked at the lock order: no action required.\n",
]


@pytest.mark.parametrize("item", CHECKED)
def test_an_item_that_needs_no_change_is_no_suggestion(item: str) -> None:
    r = parse_review(_HEAD + item + _TAIL, seat="alpha")
    assert [(f.id, f.title) for f in r.findings] == [("S1", "Chunk size ignores settings")]
    assert r.unread_findings == ()
    assert "calc.py:7" not in r.findings[0].body and "calc.py:9" not in r.findings[0].body


STILL_FINDINGS = [
    "- 👍 `calc.py:7` — good use of `yield from`, but it swallows errors from the reader.\n",
    "- `calc.py:9` — no change needed in the parser; the cache grows without bound.\n",
    "- `calc.py:9` — this is fine for small files; large ones exhaust the worker's memory.\n",
    "- `calc.py:4` — `total()` rounds before summing; check whether that is intended.\n",
    "- `calc.py:4` — rounds before summing, which is fine if callers pass whole cents.\n",
    # the no-change words are about another part, not the item
    "- `calc.py:6` — the clock jumps back on a time change and stalls every export. "
    "Nothing to change in the tests.\n",
    "- `calc.py:6` — the export stalls when the clock is set back; no change needed for "
    "the docs.\n",
    # marked no-action, yet it tells a fault (`drops`): the reviewer's mark is no reason to lose it
    "- (No action) `calc.py:5` — the writer drops the last row.\n",
    "- 👍 `calc.py:5` — the header is silently truncated at 80 columns.\n",
]


@pytest.mark.parametrize("item", STILL_FINDINGS)
def test_an_item_that_still_names_a_problem_is_a_finding(item: str) -> None:
    r = parse_review(_HEAD + item + _TAIL, seat="alpha")
    assert len(r.findings) + len(r.unread_findings) >= 2, (r.findings, r.unread_findings)


def test_an_info_item_that_is_fine_under_findings_is_no_finding() -> None:
    text = (
        "## Findings\n\n"
        "- **High** — Header row dropped in streaming mode (`calc.py:4`). It starts at row 1.\n"
        "- **Low** — Docstring outdated (`calc.py:1`).\n"
        "- **Info** — `calc.py:7` uses `yield from`, which is fine.\n"
    )
    r = parse_review(text, seat="alpha")
    assert [f.id for f in r.findings] == ["C1", "S1"], [(f.id, f.title) for f in r.findings]


def test_a_finding_ending_on_no_change_elsewhere_is_no_merge_as_is(tmp_path: Path) -> None:
    review = (
        "## Executive Summary\n\nAdds an export.\n\n## Critical Issues\n\nNone.\n\n"
        "## Important Issues\n\n- `calc.py:6` — the clock jumps back on a time change and "
        "stalls every export. Nothing to change in the tests.\n\n## Suggestions\n\nNone.\n"
    )
    _res, _out, report = review_printed(tmp_path, {"alpha": review})
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]
