"""A seat that ends its review with a summary re-listing its findings (`## Summary of findings`,
`## Summary` with `- **C1** `a.py:3` — crash on empty input`, …, after the findings given in
full): the recap is what agents often write, and each item is that finding told again. Before,
each item gave a warning ("summary item … repeats a finding", or "finding C1 appears twice"), as
if the seat had done something wrong; a recap of findings already read is now quiet, as the
recap table already was (`test_recap_rows_quiet_cli.py`). An item of that summary that is NOT
one of the findings above (a problem told only there) is still read as a finding of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli

_FINDINGS = """## Findings

### Critical

**C1. Crash on empty input** — `app/parse.py:3`

`parse` indexes `items[0]` before checking that the list holds anything.

### Important

**I1. Cache never invalidated after save** — `app/store.py:10`

Readers see stale rows after `save` until the process restarts.

"""

_RECAP = """## {title}

- **C1** `app/parse.py:3` — crash on empty input
- **I1** `app/store.py:10` — cache never invalidated after save
"""

_NEW = "- **I2** `app/retry.py:7` — the retry loop never sleeps between attempts\n"


def _noise(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "repeats a finding" in w or "appears twice" in w]


@pytest.mark.parametrize("title", ["Summary", "Summary of findings", "Findings summary"])
def test_a_summary_re_listing_the_findings_is_quiet(tmp_path: Path, title: str) -> None:
    parsed = parsed_by_cli(tmp_path, _FINDINGS + _RECAP.format(title=title))
    assert [(f["id"], f["title"]) for f in parsed["findings"]] == [
        ("C1", "Crash on empty input"),
        ("I1", "Cache never invalidated after save"),
    ]
    assert _noise(parsed["warnings"]) == []


@pytest.mark.parametrize("title", ["Summary", "Summary of findings"])
def test_a_problem_told_only_in_the_summary_is_still_read(tmp_path: Path, title: str) -> None:
    parsed = parsed_by_cli(tmp_path, _FINDINGS + _RECAP.format(title=title) + _NEW)
    assert [(f["id"], f["title"]) for f in parsed["findings"]] == [
        ("C1", "Crash on empty input"),
        ("I1", "Cache never invalidated after save"),
        ("I2", "the retry loop never sleeps between attempts"),
    ]
    assert _noise(parsed["warnings"]) == []
