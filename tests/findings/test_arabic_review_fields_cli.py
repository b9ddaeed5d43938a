"""A review in Arabic (right-to-left script, code names in English): each finding a numbered
heading (`### ١.`, Arabic-Indic digits) over bold field bullets — الخطورة (severity) with
عالية / متوسطة / منخفضة (high / medium / low), الموقع or الملف (place, file) with السطر N
(line N), الوصف (description). Before, nothing was read: the seat's review was no review. The
level words count only as a level label's value: a title with عالية ("high") in it is read at
the level its field gives.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

_REVIEW = """## مراجعة

### ١. المهلة لا تُطبَّق
- **الخطورة:** عالية
- **الموقع:** `jobs/runner.py` السطر 31
- **الوصف:** القيمة `timeout` لا تُمرَّر إلى `wait()`.

### ٢. تكلفة عالية لاستعلام العد
- **الخطورة:** منخفضة
- **الملف:** `jobs/stats.py`
- **السطر:** 8
- **الوصف:** يمكن استخدام `count()` بدل تحميل كل الصفوف.

### الخلاصة
جيد بعد إصلاح الملاحظة الأولى.
"""


def test_arabic_fields_give_level_and_place(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _REVIEW)
    found = levels_and_places(parsed)
    # the second title says عالية ("high") as a word: its field's منخفضة (low) is its level
    assert found == [("critical", "jobs/runner.py", 31), ("suggestion", "jobs/stats.py", 8)]
    assert not parsed["unread_findings"]
    assert "wait()" in parsed["findings"][0]["body"]
