"""A list of findings, then in the same section a table re-listing them by ID (`| I1 | important
| `a.py:64` | … |`): the table is a recap, each row counted once. Before, each recap row also
gave a "finding I1 appears twice" warning, as if the agent had written its findings twice; a
recap of the same findings is now quiet. A finding the review really writes twice (the same
item in two lists) still says so.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

_RECAP = """## Findings

### Important

- **I1** `shop/cart.py:64` — the discount is applied per line and again on the total
- **I2** `shop/cart.py:102` — an empty cart divides by zero in the average

| ID | Severity | Place | Finding |
|----|----------|-------|---------|
| I1 | important | `shop/cart.py:64` | the discount is applied per line and again on the total |
| I2 | important | `shop/cart.py:102` | an empty cart divides by zero in the average |
"""

_TWICE = """## Findings

### Important

- **I1** `shop/cart.py:64` — the discount is applied per line and again on the total

### Important

- **I1** `shop/cart.py:64` — the discount is applied per line and again on the total; apply it
  once, on the total
"""


def test_a_recap_table_of_the_same_ids_is_quiet(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _RECAP)
    assert [f["id"] for f in parsed["findings"]] == ["I1", "I2"]
    warnings = parsed["warnings"]
    assert isinstance(warnings, list)
    assert not [w for w in warnings if "appears twice" in w]


def test_a_finding_written_twice_still_says_so(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _TWICE)
    assert [f["id"] for f in parsed["findings"]] == ["I1"]
    assert "finding I1 appears twice; kept the more complete version" in parsed["warnings"]
