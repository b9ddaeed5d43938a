"""Review shapes read wrongly before round eleven of the parse cases, tried through the command.

- level sections in Russian or Korean (`## Критические проблемы`, `## Существенные замечания`,
  `## Мелкие замечания`; `## 심각한 문제`, `## 사소한 문제`): their items were read at the one
  level a free-form list gets, or not at all;
- a JSON findings list on a compiler's scale (`"level": "error"` / `"warning"` / `"note"`):
  `error` and `note` were no level words, so both were taken as important;
- findings nested under a list item that only names a file (`- `shop/cart.py`` +
  `  - line 12: …`), their text wrapped onto more lines, a file's point with no line beside:
  the whole item was read as one finding at the file;
- review comments pasted under their places quoted (`> **a.py** line 34`, the code at it
  quoted below) and opened by Conventional Comments labels: each comment took the place of
  the quote below it, the next comment's;
- problems told in one paragraph opened by `Issues:`, one after another (`Also,`, `Finally a
  nit:`), each level said in passing: read as one finding at the first place;
- findings as sub-headings of the summary (`## Summary` + `### 1. Title` + `- **Severity:**
  High`): the summary held them, read as no finding at all.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli

RUSSIAN_LEVELS = """## Обзор

Добавлен кэш для поиска.

## Критические проблемы

1. **`search/cache.py:18`** — ключ кэша не учитывает пользователя, чужие результаты видны всем.

## Существенные замечания

2. **`search/cache.py:40`** — запись в словарь без блокировки из нескольких потоков.

## Мелкие замечания

3. `search/views.py:5` — неиспользуемый импорт `json`.
"""

KOREAN_LEVELS = """## 리뷰 요약

검색 캐시를 추가합니다.

## 심각한 문제

1. **`search/cache.py:18`** — 캐시 키에 사용자가 없어서 다른 사용자의 결과가 보입니다.

## 사소한 문제

2. `search/views.py:5` — 사용하지 않는 `json` import.
"""


def _read(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    found, unread = read_by_cli(tmp_path, text)
    assert unread == []
    return [(level, place) for level, place, _title in found]


def test_russian_level_sections_give_their_items_levels(tmp_path: Path) -> None:
    assert _read(tmp_path, RUSSIAN_LEVELS) == [
        ("critical", "search/cache.py:18"),
        ("important", "search/cache.py:40"),
        ("suggestion", "search/views.py:5"),
    ]


def test_korean_level_sections_give_their_items_levels(tmp_path: Path) -> None:
    assert _read(tmp_path, KOREAN_LEVELS) == [
        ("critical", "search/cache.py:18"),
        ("suggestion", "search/views.py:5"),
    ]


# A JSON findings list on a compiler's scale: error, warning, note.
DIAGNOSTIC_LEVELS = """Done.

```json
{"findings": [
  {"location": "build/pack.py:30", "level": "error",
   "title": "The archive is written before its checksum is checked"},
  {"location": "build/pack.py:52", "level": "warning",
   "title": "A temporary directory is left behind on failure"},
  {"location": "build/pack.py:7", "level": "note",
   "title": "`VERSION` could be read from the package metadata"}
]}
```
"""

# A word of the title is no level: with none given, a finding is taken as important.
ERROR_IN_TITLE = """```json
{"findings": [
  {"location": "build/pack.py:30", "title": "The error path writes the archive twice"}
]}
```
"""


def test_a_json_list_on_the_error_warning_note_scale_keeps_its_levels(tmp_path: Path) -> None:
    assert _read(tmp_path, DIAGNOSTIC_LEVELS) == [
        ("critical", "build/pack.py:30"),
        ("important", "build/pack.py:52"),
        ("suggestion", "build/pack.py:7"),
    ]


def test_error_in_a_json_title_is_no_level(tmp_path: Path) -> None:
    assert _read(tmp_path, ERROR_IN_TITLE) == [("important", "build/pack.py:30")]


FILE_ITEMS = """## Blocking

- `shop/cart.py`
  - line 12: the discount is applied after tax, so the total is off whenever a coupon is
    used. Apply it first.
  - line 40: the cart is saved outside the transaction.

## Non-blocking

- `shop/cart.py`
  - line 3: unused import `math`.
- `shop/tests/test_cart.py`
  - nothing covers an empty cart.
"""

# A file's item over points of what changed, none led by a line: no findings list to open.
FILE_ITEMS_CHANGES = """## Changes

- `shop/cart.py`
  - adds a `discount` argument
  - renames `total` to `subtotal`

No issues found.
"""


def test_file_items_over_wrapped_line_items_are_findings_each(tmp_path: Path) -> None:
    assert _read(tmp_path, FILE_ITEMS) == [
        ("critical", "shop/cart.py:12"),
        ("critical", "shop/cart.py:40"),
        ("suggestion", "shop/cart.py:3"),
        ("suggestion", "shop/tests/test_cart.py"),
    ]


def test_file_items_over_what_changed_stay_as_written(tmp_path: Path) -> None:
    assert _read(tmp_path, FILE_ITEMS_CHANGES) == []


QUOTED_PLACES = """My comments, as they would sit on the PR:

> **mail/send.py** line 20
> `for attempt in range(retries):`

**issue (blocking):** a failed send is retried at once, with no pause between tries.

> **mail/send.py** line 44

**nitpick:** `msg` could be named `message`.

> **mail/send.py** line 8

**praise:** the new helper reads well.
"""

# A quoted line of the change over a comment: no place of the comment's.
QUOTED_REMARK = """> the retry count was chosen by measuring

**issue:** `mail/send.py:20` — a failed send is retried at once, with no pause between tries.
"""


def test_a_quoted_place_over_a_labelled_comment_is_its_place(tmp_path: Path) -> None:
    assert _read(tmp_path, QUOTED_PLACES) == [
        ("critical", "mail/send.py:20"),
        ("suggestion", "mail/send.py:44"),
    ]


def test_a_quoted_remark_over_a_comment_is_no_place(tmp_path: Path) -> None:
    assert _read(tmp_path, QUOTED_REMARK) == [("important", "mail/send.py:20")]


INLINE_ISSUES = """The change moves the cache to Redis; the migration reads well.

Issues: `get()` in `cache/store.py` (line 30) never sets a timeout, so entries live forever;
that is the important one. Also, `cache/keys.py:12` builds the key from the raw URL, so a
query string splits one page into many entries (minor, it only costs memory). Finally a nit:
`docs/cache.md` still says the cache is in memory.
"""

INLINE_NONE = """The change moves the cache to Redis; the migration reads well.

Issues: none found in `cache/store.py` or `cache/keys.py`.
"""


def test_issues_told_in_one_paragraph_are_findings_each(tmp_path: Path) -> None:
    assert _read(tmp_path, INLINE_ISSUES) == [
        ("important", "cache/store.py:30"),
        ("suggestion", "cache/keys.py:12"),
        ("suggestion", "docs/cache.md"),
    ]


def test_an_issues_paragraph_saying_none_holds_no_finding(tmp_path: Path) -> None:
    found, _unread = read_by_cli(tmp_path, INLINE_NONE)
    assert found == []


UNDER_SUMMARY = """## Summary

The change adds an upload size limit.

### 1. The limit is not applied to chunked uploads
- **Severity:** High
- **Location:** `server/upload.go:77`

Only `Content-Length` is checked.

### 2. Magic number
- **Severity:** Low
- **Location:** `server/config.go:12`

`10 << 20` could be a named constant.

## Conclusion

Fix item 1 before merging.
"""

# Sub-headings of the summary over its own text: no findings.
SUMMARY_PARTS = """## Summary

### Scope
The change adds an upload size limit in `server/upload.go:77`.

### Risk
Low: the limit only rejects uploads larger than before.

No issues found.
"""


def test_findings_under_the_summary_with_level_fields_are_read(tmp_path: Path) -> None:
    assert _read(tmp_path, UNDER_SUMMARY) == [
        ("critical", "server/upload.go:77"),
        ("suggestion", "server/config.go:12"),
    ]


def test_sub_headings_of_the_summary_over_its_text_are_no_findings(tmp_path: Path) -> None:
    assert _read(tmp_path, SUMMARY_PARTS) == []
