"""A place-led list that names a crash and, beside it, a doc that no longer tells the truth
(``- `store/io.py:30` — the docstring is stale: it still promises CSV, the code writes
Parquet.``). The stale doc is a fault the seat points at a place: a finding too, never dropped.
Before, only the crash was read and the doc item vanished without a trace. A doc remark in a
per-file group (Gemini's `**Line 7:** The module docstring is now out of date.`) stays none,
as the README says."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_CRASH = "- `store/io.py:18` — `read_all()` raises `IndexError` on an empty folder.\n"
_DOCS = [
    "- `store/io.py:30` — the docstring is stale: it still promises CSV, the code writes "
    "Parquet.\n",
    "- `store/io.py:30` — Outdated comment: it says the cache holds ten entries, but the "
    "limit is now fifty.\n",
    "- `store/io.py:30` — the docstring is stale.\n",
]


@pytest.mark.parametrize("doc", _DOCS)
@pytest.mark.parametrize("heading", ["## Findings", "## Review"])
def test_the_stale_doc_beside_a_crash_is_a_finding(heading: str, doc: str) -> None:
    review = parse_review(f"{heading}\n\n{_CRASH}{doc}", seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["store/io.py:18", "store/io.py:30"]


def test_praise_beside_the_crash_stays_none() -> None:
    text = f"## Review\n\n{_CRASH}- `store/io.py:30` — the docstring reads well.\n"
    review = parse_review(text, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["store/io.py:18"]


def test_the_report_lists_both(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": f"## Findings\n\n{_CRASH}{_DOCS[0]}"})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert len(report["findings"]) == 2, report["findings"]
