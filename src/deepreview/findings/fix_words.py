"""The labels a finding's fix and its text are given in other languages than English.

A seat answers in the language of the change's comments: `**Lösung:**` (German), `**Correction
:**` (French, a blank before the colon), `**Solución:**` (Spanish), `**Correção:**`
(Portuguese) label the fix as `**Fix:**` does, and `**Problème :**` / `**Problema:**` lead the
finding's text as `**Problem:**` does (the report shows the text, not the seat's form). Words that
are also a level (`Vorschlag`, `Sugerencia`: a suggestion) are left out, as they may lead a
finding of their own. (`section_titles` reads the same languages' section titles and "none".)
"""

from __future__ import annotations

from typing import Final

# regex alternatives, matched case-insensitively after an optional bold mark
FIX_WORDS: Final = (
    r"Solution|"  # English, and French
    r"Lösung(?:svorschlag)?|Empfehlung|Korrektur|Behebung|"  # German
    r"Correction|Correctif|Recommandation|"  # French
    r"Soluci[óo]n|Correcci[óo]n|Recomendaci[óo]n|"  # Spanish
    r"Solu[çc][ãa]o|Corre[çc][ãa]o|Recomenda[çc][ãa]o"  # Portuguese
)
TEXT_WORDS: Final = (
    r"Beschreibung|"  # German (its `Problem` is the English word)
    r"Probl[èe]me|"  # French (its `Description` is the English word)
    r"Problema|Descripci[óo]n|Descri[çc][ãa]o"  # Spanish, Portuguese
)
