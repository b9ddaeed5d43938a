"""A review that says how many comments it left ("left 2 comments"), then writes each under a
bold `path:line` line in words of its own ("multiplies instead of adding", "says nothing"), with
no findings section, no problem word and no clean statement. Read as a review with no finding
it failed as `unparseable review` (or, beside a clean seat, left "no issues found"): the
comments it counted are findings text we could not read, so the verdict says so. Praise at
places with no count, and "No issues found" over a checked list, stay clean reviews."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_seat_verdict

COUNTED = """## Overview

This change adds a `--force` flag to the sums and renames a helper.

The reviewer looked at 2 of 2 changed files and left 2 comments.

**calc.py:2**
`add()` multiplies instead of adding, so every total comes out as a product.

**calc.py:1**
The helper name `f` says nothing about what it computes; `total` would.
"""

COUNTED_NONE = """## Overview

This change adds a `--force` flag to the sums and renames a helper.

The reviewer looked at 2 of 2 changed files and left 0 comments.

**calc.py:2**
`add()` now reads clearly and its name matches the callers.

Looks good to me.
"""

PRAISE = """## Overview

A tidy change.

**calc.py:2**
`add()` now reads clearly and its name matches the callers.

**calc.py:1**
The module stays small and easy to test.

Looks good to me.
"""

CHECKED_NONE = """## Review

- [x] `calc.py:2` adds the two numbers in the order the callers pass them
- [x] `calc.py:1` keeps the module's export

No issues found.
"""


def test_counted_comments_at_places_are_findings_we_could_not_read(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, COUNTED)
    assert status == "ok"
    assert label != "Merge as-is"
    assert "findings could not be read" in reason


def test_no_comments_counted_with_praise_at_a_place_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, COUNTED_NONE) == ("ok", "Merge as-is", "no issues found")


def test_praise_at_places_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, PRAISE) == ("ok", "Merge as-is", "no issues found")


def test_no_issues_found_over_a_checked_list_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, CHECKED_NONE) == ("ok", "Merge as-is", "no issues found")


# The same in Chinese under headings we do not know (`### 问题`, "problems"): a data race and an
# endless loop told at places, no English problem word, no clean statement.
CHINESE = """## 审查

实现简单，但有两处需要修改。

### 问题清单

1. `calc.py:2`：`add()` 在没有加锁的情况下修改共享计数，存在数据竞争。
2. `calc.py:1`：参数为负数时会进入死循环。
"""

CHINESE_CLEAN = """## 审查

1. `calc.py:2`：`add()` 的参数顺序与调用方一致。
2. `calc.py:1`：模块保持简洁，没有发现数据竞争。

没有发现问题。
"""


def test_problems_told_in_chinese_at_places_are_no_clean_review(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, CHINESE)
    assert status == "ok"
    assert label != "Merge as-is"
    assert "findings could not be read" in reason


def test_a_chinese_review_that_found_nothing_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, CHINESE_CLEAN) == ("ok", "Merge as-is", "no issues found")
