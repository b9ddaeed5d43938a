"""Findings as `###` headings holding only a place and the level as a shields.io badge image
(`![severity](https://img.shields.io/badge/severity-major-orange)`). Before, the badge was an
image and the heading a place with no title or level, so the review read as clean. Now a badge
whose label is a level's (severity, priority) and whose message is a level word is that level's
tag. A badge of anything else (`badge/coverage-low-red`) is no level.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

_BADGE = "![{label}](https://img.shields.io/badge/{label}-{msg}-{color})"

_REVIEW = f"""# Review

### `store/orders.py:30` {_BADGE.format(label="severity", msg="high", color="red")}

The order total is summed as floats; cents drift on large carts. Use `Decimal`.

### `store/orders.py:71-75` {_BADGE.format(label="priority", msg="low", color="green")}

The loop could use `enumerate`.
"""

_COVERAGE = f"""# Review

### `store/orders.py:30` {_BADGE.format(label="severity", msg="high", color="red")}

The order total is summed as floats; cents drift on large carts. Use `Decimal`.

### `store/payments.py` {_BADGE.format(label="coverage", msg="low", color="red")}

Only the happy path of the refund flow is tested.
"""


def _found(tmp_path: Path, text: str) -> list[tuple[str, str, int | None]]:
    return sorted(levels_and_places(parsed_by_cli(tmp_path, text)))


def test_a_level_badge_on_a_place_heading_is_its_level(tmp_path: Path) -> None:
    assert _found(tmp_path, _REVIEW) == [
        ("critical", "store/orders.py", 30),
        ("suggestion", "store/orders.py", 71),
    ]


def test_a_badge_of_something_else_is_no_level(tmp_path: Path) -> None:
    # `coverage: low` says how well the file is tested, not that its note is a suggestion
    assert ("suggestion", "store/payments.py", None) not in _found(tmp_path, _COVERAGE)
