"""The labels a finding's fix and its text are given in other languages than English.

A seat answers in the language of the change's comments: `**Lösung:**` (German), `**Correction
:**` (French, a blank before the colon), `**Solución:**` (Spanish), `**Correção:**`
(Portuguese) label the fix as `**Fix:**` does, and `**Problème :**` / `**Problema:**` lead the
finding's text as `**Problem:**` does (the report shows the text, not the seat's form); Japanese
`**修正案:**` (or with a full-width colon) too. A suggestion's word (`Vorschlag`, `Sugerencia`)
labels the fix inside a finding as `**Suggestion:**` does. (`section_titles` reads the same
languages' section titles and "none".)
"""

from __future__ import annotations

from typing import Final

# regex alternatives, matched case-insensitively after an optional bold mark
FIX_WORDS: Final = (
    r"(?:(?:Empfohlene|Vorgeschlagene)[ \t]+)?(?:Lösung(?:svorschlag)?|Korrektur)|Empfehlung|"
    r"Behebung|Vorschlag|"  # German
    r"(?:Correction|Correctif|Recommandation|Solution)(?:[ \t]+(?:propos|sugg[ée]r|recommand)"
    r"[ée]e?s?)?|"  # French (`Correction proposée`), and English `Solution`
    r"(?:Soluci[óo]n|Correcci[óo]n)(?:[ \t]+(?:propuesta|sugerida|recomendada))?|"
    r"Recomendaci[óo]n|Sugerencia|"  # Spanish
    r"(?:Solu[çc][ãa]o|Corre[çc][ãa]o)(?:[ \t]+(?:proposta|sugerida|recomendada))?|"
    r"Recomenda[çc][ãa]o|Sugest[ãa]o|"  # Portuguese
    r"修正案|対応案|改善案|修正方法|"  # Japanese
    r"الحل[ \t]+المقترح|الإصلاح[ \t]+المقترح|الحل|التوصية"  # Arabic
)
TEXT_WORDS: Final = (
    r"Beschreibung|"  # German (its `Problem` is the English word)
    r"Probl[èe]me|"  # French (its `Description` is the English word)
    r"Problema|Descripci[óo]n|Descri[çc][ãa]o|"  # Spanish, Portuguese
    r"問題|問題点|"  # Japanese
    r"الوصف|المشكلة"  # Arabic
)
