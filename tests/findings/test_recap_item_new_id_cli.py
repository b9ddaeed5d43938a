"""A seat's `## Findings summary` (a recap after the findings told in full) lists C1 and I1
again and then I2, a problem it tells nowhere else. The recap's items with an ID were all taken
for findings told again, so I2 was lost with no warning. An item whose ID no finding read has is
a finding the seat wrote only there; an item naming a read finding's ID stays the recap."""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

_REVIEW = """## Findings

### Critical

**C1. Crash on empty input** — `app/parse.py:3`

`parse` indexes `items[0]` before checking that the list holds anything.

### Important

**I1. Cache never invalidated after save** — `app/store.py:10`

Readers see stale rows after `save` until the process restarts.

## Findings summary

- **C1** `app/parse.py:3` — crash on empty input
- **I1** `app/store.py:10` — cache never invalidated after save
"""


def _read(tmp_path: Path, more: str) -> list[tuple[str, str, list[tuple[str, int]]]]:
    parsed = parsed_by_cli(tmp_path, _REVIEW + more)
    return [
        (f["severity"], f["title"], [(p["path"], p["start"]) for p in f["locations"]])
        for f in parsed["findings"]
    ]


def test_an_item_whose_id_no_finding_has_is_read(tmp_path: Path) -> None:
    found = _read(tmp_path, "- **I2** `app/retry.py:7` — the retry loop swallows the last error\n")
    assert len(found) == 3
    assert found[2][0] == "important" and found[2][2] == [("app/retry.py", 7)]
    assert "swallows the last error" in found[2][1]


def test_items_naming_read_findings_add_none(tmp_path: Path) -> None:
    assert [title for _level, title, _places in _read(tmp_path, "")] == [
        "Crash on empty input",
        "Cache never invalidated after save",
    ]
