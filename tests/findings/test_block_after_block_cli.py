"""A findings block that follows another in the same section is read too, at its own level.

Found as a reviewer would meet it: under `### Important Issues` a list of two findings, then a
table of two suggestions (`| ID | Level | Place | Finding |`). The parse read the list and
kept the table as unparsed text with no warning: two findings gone from the report in silence.
Every pairing of shapes in one section is read here, each finding once, and text that only
looks like a block (a table of files with no issues, a recap of the same IDs) adds nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.printing_seats import review_printed
from support.read_findings import parsed_by_cli

_HEAD = "## Findings\n\n### Important Issues\n\n"
_LIST = (
    "- **I1** `calc.py:5` — `sub` never checks that `b` is a number\n"
    "- **I2** `calc.py:1` — `add` overflows silently on huge ints\n"
)
_TABLE = (
    "| ID | Level | Place | Finding |\n"
    "|----|-------|-------|---------|\n"
    "| S1 | suggestion | `util/strings.py:1` | `shout` has no docstring |\n"
    "| S2 | suggestion | `util/strings.py:2` | `upper` drops the locale |\n"
)
_TABLE_OTHER = (
    "| File | Problem | Severity |\n"
    "|---|---|---|\n"
    "| `util/strings.py:1` | `shout` has no docstring | low |\n"
    "| `util/strings.py:2` | `upper` drops the locale | low |\n"
)
_LATER_LIST = (
    "- **S1** `util/strings.py:1` — `shout` has no docstring (suggestion)\n"
    "- **S2** `util/strings.py:2` — `upper` drops the locale (suggestion)\n"
)
_WANT = {
    ("important", "calc.py", 5),
    ("important", "calc.py", 1),
    ("suggestion", "util/strings.py", 1),
    ("suggestion", "util/strings.py", 2),
}
SHAPES = {
    "list-then-table": _HEAD + _LIST + "\n" + _TABLE,
    "table-then-list": _HEAD + _TABLE + "\n" + _LIST,
    "list-then-table-no-blank-line": _HEAD + _LIST + _TABLE,
    "list-then-numbered-list": (
        _HEAD + _LIST + "\n1. `util/strings.py:1` — `shout` has no docstring (suggestion)\n"
        "2. `util/strings.py:2` — `upper` drops the locale (suggestion)\n"
    ),
    "table-then-other-table": (
        _HEAD
        + "| ID | Level | Place | Finding |\n|---|---|---|---|\n"
        + "| I1 | important | `calc.py:5` | `sub` never checks that `b` is a number |\n"
        + "| I2 | important | `calc.py:1` | `add` overflows silently on huge ints |\n\n"
        + _TABLE_OTHER
    ),
    "list-then-details": (
        _HEAD + _LIST + "\n<details>\n<summary>Suggestions (2)</summary>\n\n" + _LATER_LIST
        + "\n</details>\n"
    ),
    "one-item-then-table": (
        _HEAD + "- **I1** `calc.py:5` — `sub` never checks that `b` is a number\n"
        "- **I2** `calc.py:1` — `add` overflows silently on huge ints\n  Seen with `2**64`.\n\n"
        + _TABLE
    ),
}  # fmt: skip


def _seen(findings: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings
    ]


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_block_is_read_once_at_its_own_level(tmp_path: Path, name: str) -> None:
    parsed = parsed_by_cli(tmp_path, SHAPES[name])
    seen = _seen(parsed["findings"])
    assert sorted(seen) == sorted(_WANT), parsed["findings"]
    assert not parsed["unparsed"], parsed["unparsed"]
    assert not parsed["unread_findings"], parsed["unread_findings"]


def test_the_report_shows_both_blocks(tmp_path: Path) -> None:
    _, out, report = review_printed(tmp_path, {"alpha": SHAPES["list-then-table"]})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    titles = " ".join(f["title"] for f in report["findings"])
    for words in ("never checks", "overflows", "no docstring", "drops the locale"):
        assert words in titles, report["findings"]
    levels = sorted(f["severity"] for f in report["findings"])
    assert levels == ["important", "important", "suggestion", "suggestion"], report["findings"]


NOT_FINDINGS = {
    # the files looked at and found fine, tabulated after the findings
    "files-with-no-issues": (
        "| File | Issues |\n|---|---|\n| `util/strings.py` | None |\n| `README.md` | None |\n"
    ),
    "files-result-column": (
        "| File | Result |\n|---|---|\n| `util/strings.py` | no issues |\n"
        "| `README.md` | no issues |\n"
    ),
    # the same findings again, as a summary table
    "recap-of-the-same-ids": (
        "| ID | Severity | Place | Finding |\n|---|---|---|---|\n"
        "| I1 | important | `calc.py:5` | `sub` never checks that `b` is a number |\n"
        "| I2 | important | `calc.py:1` | `add` overflows silently on huge ints |\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_FINDINGS))
def test_a_table_that_adds_no_finding_adds_none(tmp_path: Path, name: str) -> None:
    parsed = parsed_by_cli(tmp_path, _HEAD + _LIST + "\n" + NOT_FINDINGS[name])
    assert sorted(_seen(parsed["findings"])) == sorted(
        [("important", "calc.py", 5), ("important", "calc.py", 1)]
    ), parsed["findings"]
    assert not parsed["unread_findings"], parsed["unread_findings"]


def test_a_table_it_cannot_read_is_kept_with_a_warning(tmp_path: Path) -> None:
    # no column names a finding, but its cells tell faults: kept as findings text, told
    table = (
        "| Spot | Remark |\n|---|---|\n"
        "| `util/strings.py:1` | `shout` crashes on `None` input |\n"
        "| `util/strings.py:2` | the locale is lost, so Turkish text breaks |\n"
    )
    parsed = parsed_by_cli(tmp_path, _HEAD + _LIST + "\n" + table)
    kept = " ".join(parsed["unread_findings"]) + " ".join(
        f["title"] + f["body"] for f in parsed["findings"]
    )
    assert "crashes on `None`" in kept and "Turkish text breaks" in kept, parsed
    assert any("crashes on" in w for w in parsed["warnings"]), parsed["warnings"]
