"""The field labels and level words of a finding written in Spanish, French, German,
Portuguese, Korean, Russian, Chinese, Japanese or Arabic: one table of general words, read as the
English ones are.

A seat answers in the language of the change's comments, and labels its fields so:
`**Archivo:** `a.py`, línea 64` / `**Fichier :**` / `**Datei:**` / `**Arquivo:**` (the file),
`**Gravedad:** Alta` / `**Gravité :** Haute` / `**Schweregrad:** Hoch` / `**Gravidade:** Alta`
(the level). Each label stands for the English field it names (`labels.LABEL`), each level word
for the English word of the same rank, so `Alta` is the top of a three-word scale as `High` is
(and ranks below a `Crítico` beside it). The level words count only after a level label: `Media`
in a title is a word. `fix_words` holds the same languages' fix and text labels, `section_titles`
their section titles, `locations.LINE_WORD` their words for a file's line (`línea 64`).
"""

from __future__ import annotations

import re
from typing import Final

# (regex alternatives of `labels.LABEL`, matched case-insensitively: the words below)
_LABELS: Final[dict[str, str]] = {
    **dict.fromkeys(("archivo", "fichero", "fichier", "datei", "arquivo"), "file"),
    **dict.fromkeys(("archivos", "ficheros", "fichiers", "dateien", "arquivos"), "files"),
    **dict.fromkeys(
        ("ubicación", "ubicacion", "emplacement", "localisation", "fundstelle", "stelle",
         "localização", "localizacao"),
        "location",
    ),
    **dict.fromkeys(("línea", "linea", "ligne", "zeile", "linha"), "line"),
    **dict.fromkeys(("líneas", "lineas", "lignes", "zeilen", "linhas"), "lines"),
    **dict.fromkeys(
        ("gravedad", "severidad", "gravité", "gravite", "sévérité", "severite", "schweregrad",
         "schwere", "gravidade", "severidade"),
        "severity",
    ),
    **dict.fromkeys(("prioridad", "priorité", "priorite", "priorität", "prioridade"), "priority"),
    # Korean, Russian, Chinese and Japanese: `- **심각도:** 높음`, `**Серьёзность:** высокая`,
    # `**严重程度：** 高`, `**優先度：** 高` (a full-width colon, as those scripts write it)
    **dict.fromkeys(("파일", "файл", "文件", "ファイル"), "file"),
    **dict.fromkeys(("файлы",), "files"),
    **dict.fromkeys(
        ("위치", "расположение", "местоположение", "место", "位置", "場所", "箇所"), "location"
    ),
    **dict.fromkeys(("줄", "라인", "строка", "行"), "line"),
    **dict.fromkeys(("строки",), "lines"),
    **dict.fromkeys(
        ("심각도", "중요도", "серьёзность", "серьезность", "критичность", "важность", "严重程度",
         "严重性", "严重级别", "重要度", "深刻度", "重大度"),
        "severity",
    ),
    **dict.fromkeys(("우선순위", "приоритет", "优先级", "優先度"), "priority"),
    # Arabic: `- **الخطورة:** عالية`, `- **الموقع:** `a.py` السطر 47` (right to left in display;
    # the text's order is the same as any other language's)
    **dict.fromkeys(("الملف",), "file"),
    **dict.fromkeys(("الملفات",), "files"),
    **dict.fromkeys(("الموقع", "المكان"), "location"),
    **dict.fromkeys(("السطر",), "line"),
    **dict.fromkeys(("الأسطر", "الاسطر"), "lines"),
    **dict.fromkeys(("الخطورة", "درجة الخطورة", "الشدة"), "severity"),
    **dict.fromkeys(("الأولوية", "الاولوية"), "priority"),
}  # fmt: skip
LABEL_ALTERNATIVES: Final = "|".join(sorted(_LABELS, key=len, reverse=True))
# The labels of a finding's level (severity, priority) in these languages
LEVEL_LABEL_WORDS: Final = tuple(w for w, e in _LABELS.items() if e in ("severity", "priority"))

# The same ranks as `levels.LEVEL_WORDS`' English words (a level label's value only)
_LEVELS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("crítico", "crítica", "critico", "critica", "critique", "kritisch", "bloqueante",
         "bloquant"),
        "critical",
    ),
    **dict.fromkeys(("alta", "alto", "haute", "élevée", "élevé", "elevee", "eleve", "hoch"),
                    "high"),
    **dict.fromkeys(("media", "medio", "média", "médio", "moyenne", "moyen", "mittel"), "medium"),
    **dict.fromkeys(("importante", "wichtig"), "important"),
    **dict.fromkeys(("mayor", "majeur", "majeure", "grave", "schwerwiegend"), "major"),
    **dict.fromkeys(("baja", "bajo", "baixa", "baixo", "basse", "bas", "faible", "niedrig",
                     "gering"), "low"),
    **dict.fromkeys(("menor", "mineur", "mineure", "geringfügig"), "minor"),
    **dict.fromkeys(
        ("치명적", "치명", "критическая", "критический", "критичная", "критично", "блокирующая",
         "致命", "严重", "阻塞", "重大", "致命的", "クリティカル"),
        "critical",
    ),
    **dict.fromkeys(("높음", "높은", "상", "высокая", "высокий", "высокое", "高"), "high"),
    **dict.fromkeys(("중간", "보통", "중", "средняя", "средний", "среднее", "中", "中等"),
                    "medium"),
    **dict.fromkeys(("낮음", "낮은", "하", "низкая", "низкий", "низкое", "低"), "low"),
    **dict.fromkeys(("경미", "경미함", "незначительная", "незначительный", "轻微", "軽微"),
                    "minor"),
    **dict.fromkeys(("حرجة", "حرج", "حرِجة"), "critical"),
    **dict.fromkeys(("عالية", "عالي", "مرتفعة", "مرتفع"), "high"),
    **dict.fromkeys(("متوسطة", "متوسط"), "medium"),
    **dict.fromkeys(("منخفضة", "منخفض"), "low"),
    **dict.fromkeys(("طفيفة", "طفيف", "بسيطة", "بسيط"), "minor"),
}  # fmt: skip
_FIRST_WORD: Final = re.compile(r"^[\s*_`]*(?P<w>[^\W\d_]+)", re.UNICODE)


def english_label(label: str) -> str:
    """A field's label as the English one it stands for (`Archivo` -> "file"), lower case."""
    word = label.lower()
    return _LABELS.get(word, word)


def english_level(value: str) -> str:
    """A level label's value with its first word in English (`Alta` -> "high"), else as it is."""
    m = _FIRST_WORD.match(value)
    word = _LEVELS.get(m["w"].lower()) if m else None
    if m is None or word is None:
        return value
    return value[: m.start("w")] + word + value[m.end("w") :]
