"""A review with no finding we read and no clean statement, whose items carry level fields
(`- **심각도:** 높음`, `Серьёзность: высокая`, `Önem: Yüksek`, `優先度：高`): those fields say
findings are there. Read as nothing, such a review (Korean, say: fields we did not know) said
"no issues found" beside a clean seat, or failed as `unparseable review`; its text is findings
text we could not read, or, where the fields are ones we know, its findings. Reviews that say
in their own language that they found nothing, or that only restate the change at its places,
stay what they were.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_seat_verdict, review_printed

# Turkish fields: a level field we know as one, its words we do not read
TURKISH = """## İnceleme

### 1. Toplam yanlış hesaplanıyor
- **Önem:** Yüksek
- **Konum:** `calc.py:2`

`add()` çarpıyor.
"""

KOREAN = """## 리뷰 요약

이 PR은 합계 함수를 바꿉니다.

### 1. 합계가 곱으로 계산됨
- **심각도:** 높음
- **위치:** `calc.py:2`

`add()`가 더하지 않고 곱합니다.

### 2. 함수 이름
- **심각도:** 낮음
- **위치:** `calc.py:1`

`f`라는 이름은 의미가 없습니다.
"""

RUSSIAN = """## Обзор

### 1. Сумма считается как произведение
- **Серьёзность:** высокая
- **Файл:** `calc.py:2`

`add()` умножает вместо сложения.
"""

JAPANESE = """## レビュー

### 1. 合計が積になる
- **優先度：** 高
- **場所：** `calc.py:2`

`add()` が足し算ではなく掛け算をしている。
"""

KOREAN_CLEAN = """## 리뷰 요약

이 PR은 합계 함수의 이름을 바꿉니다. `calc.py:2`의 `add()`는 호출하는 쪽과 순서가 같습니다.

문제가 발견되지 않았습니다.
"""

RUSSIAN_CLEAN = """## Обзор

Изменение переименовывает функцию суммы в `calc.py:2`.

Проблем не обнаружено.
"""

# Restating the change at its places: no level field, no problem, no clean statement either
RESTATED = """## 변경 사항

- `calc.py:2`: `add()`에 타입 힌트를 추가합니다.
- `calc.py:1`: 모듈 설명을 추가합니다.
"""


def test_level_fields_we_cannot_read_are_findings_we_could_not_read(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, TURKISH)
    assert status == "ok"
    assert label != "Merge as-is"
    assert "findings could not be read" in reason


def test_korean_level_fields_are_read_as_findings(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, KOREAN)
    assert status == "ok" and label != "Merge as-is"
    assert "findings could not be read" not in reason


def test_russian_level_fields_are_read_as_findings(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, RUSSIAN)
    assert status == "ok" and label != "Merge as-is"
    assert "findings could not be read" not in reason


def test_japanese_level_fields_are_read_as_findings(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, JAPANESE)
    assert status == "ok" and label != "Merge as-is"
    assert "findings could not be read" not in reason


def test_a_korean_review_that_found_nothing_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, KOREAN_CLEAN) == ("ok", "Merge as-is", "no issues found")


def test_a_russian_review_that_found_nothing_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, RUSSIAN_CLEAN) == ("ok", "Merge as-is", "no issues found")


def test_a_review_restating_the_change_at_places_is_no_unread_findings(tmp_path: Path) -> None:
    # (no review either, as the same in English is not: it says nothing of findings)
    _, out, _ = review_printed(tmp_path, {"chat": RESTATED})
    assert (out["seats"][0]["status"], out["seats"][0]["reason"]) == (
        "failed",
        "unparseable review",
    )
