"""Level fields in a review we read no finding from: `- **심각도:** 높음`, `Серьёзность: высокая`,
`Önem: Yüksek`, `優先度：高`, `**Severity:** High`.

A field naming a finding's severity (or priority) is there only because a finding is: a review
that carries one and yields no finding, in whatever language we cannot read its layout, has
findings text we could not read, never "no issues found". The label is the sign, whatever its
value says (we may not know the words of the scale), unless the value says there is none
(`Severity: None`, `심각도: 없음`, `N/A`). A review that says outright it found nothing is taken
at its word (`prose_problems`); the sections holding such fields are then no findings text.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.blocks import Block
from deepreview.findings.label_words import LEVEL_LABEL_WORDS
from deepreview.findings.section_titles import set_aside

# Severity and priority as `label_words` reads them (English beside them), and in languages
# whose fields we see but do not read.
_SEEN_ONLY: Final = (
    "criticality", "gravità", "gravita", "priorità", "ernst", "prioriteit", "ważność", "waznosc",
    "priorytet", "önem", "öncelik", r"mức\s+độ(?:\s+nghiêm\s+trọng)?",
    r"уровень(?:\s+серь[её]зности)?", "級別", "级别", "等级", "重大性",
)  # fmt: skip
_LEVEL_LABELS: Final = "|".join(
    ("severity", "priority", *sorted(LEVEL_LABEL_WORDS, key=len, reverse=True), *_SEEN_ONLY)
)
# (each run of blanks taken whole, never handed back to the next: a line of thousands of
# blanks is crossed once, not once per split of it)
_FIELD: Final = re.compile(
    r"^[ \t]*+(?:[-*+•][ \t]++|\d{1,2}[.)][ \t]++)?(?:\*\*?|__?)?[ \t]*+"
    rf"(?:{_LEVEL_LABELS})(?:\*\*?|__?)?[ \t]*[:：](?:\*\*?|__?)?[ \t]*(?P<value>\S.*)$",
    re.IGNORECASE | re.MULTILINE,
)
# The value says there is no level to give: no finding behind it
_NO_LEVEL: Final = re.compile(
    r"^[\s*_`]*(?:none|n/?a|-+|—|없음|нет|отсутствует|无|無|なし|keine|aucune?|ninguna?|nenhuma?)"
    r"[\s*_`.]*$",
    re.IGNORECASE,
)


def has_level_field(text: str) -> bool:
    """`text` holds a line that is a severity or priority field with a level in it."""
    return any(_NO_LEVEL.match(m["value"]) is None for m in _FIELD.finditer(text))


def level_field_sections(blocks: list[Block]) -> list[str]:
    """The sections (heading and text, code left out) that hold a level field: the findings
    text of a review whose findings we could not read."""
    out = []
    for b in blocks:
        if set_aside(b.title, b.lines):
            continue
        kept = zip(b.lines, b.fenced, strict=False)
        text = "\n".join(line for line, fenced in kept if not fenced)
        if has_level_field(text):
            out.append(f"{b.title}\n{text}".strip("\n") if b.title else text.strip("\n"))
    return out
