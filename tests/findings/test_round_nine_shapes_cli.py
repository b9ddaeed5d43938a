"""Review shapes read wrongly before round nine of the parse cases, tried through the command.

- a review in Simplified Chinese with its level headings (`### 严重问题` critical, `### 一般问题`
  important, `### 建议` suggestions, `### 总结` summary), items led by a place and a
  full-width colon: nothing read (the faults became findings text we could not read);
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli

CHINESE = """## 审查

改动不大，有几处需要处理。

### 严重问题

1. `store/cart.py:40`：`save()` 在事务外写入，两个请求同时提交会互相覆盖。

### 一般问题

1. `store/cart.py:77`：`ttl` 为负数时条目永不过期。

### 建议

1. `store/cart.py:12`：常量 `LIMIT` 可以加一句注释说明单位。

### 总结

修复严重问题后可以合并。
"""

CHINESE_NONE = """## 审查

### 严重问题

无。

### 一般问题

无。

### 建议

1. `store/cart.py:12`：常量 `LIMIT` 可以加一句注释说明单位。
"""


def _read(tmp_path: Path, text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    found, unread = read_by_cli(tmp_path, text)
    return [(level, place) for level, place, _title in found], unread


def test_chinese_level_headings_are_read(tmp_path: Path) -> None:
    assert _read(tmp_path, CHINESE) == (
        [
            ("critical", "store/cart.py:40"),
            ("important", "store/cart.py:77"),
            ("suggestion", "store/cart.py:12"),
        ],
        [],
    )


def test_chinese_sections_that_say_none_hold_no_finding(tmp_path: Path) -> None:
    assert _read(tmp_path, CHINESE_NONE) == ([("suggestion", "store/cart.py:12")], [])
