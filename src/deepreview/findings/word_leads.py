"""A paragraph or item led by its level as one bold word in another language, or as a bold
word closed by its own full stop: `**Bloquant** — `a.py:3` : …`, `**Mineur** : …`,
`**À corriger** — …`, `**Critical.** text`.

A seat writing French, Spanish, German or Portuguese leads each point with its level as an
English one writes `**Critical** — …`; the words are `label_words`' level words (read as the
English word of the same rank) and the few tier phrases those reviews use for "must be fixed"
and "a suggestion". Only the whole bold span counts, and only before a separator or, for the
full stop, before text: `**Moyenne des temps** — 40 ms` and `La **moyenne** …` stay words.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.label_words import english_level

# Tier phrases as a point's level (not level words of a field's value, so not in label_words)
_PHRASES: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("à corriger", "a corriger", "à revoir", "zu beheben", "muss behoben werden",
         "a corregir", "debe corregirse", "a corrigir", "deve ser corrigido"),
        "important",
    ),
    **dict.fromkeys(
        ("suggestion", "remarque", "sugerencia", "sugestão", "sugestao", "vorschlag",
         "hinweis", "anmerkung"),
        "suggestion",
    ),
}  # fmt: skip
_TAGS: Final = frozenset(
    ("critical", "high", "medium", "important", "major", "low", "minor", "blocker", "nit")
)
_BOLD_WORD: Final = re.compile(
    r"^\*\*(?P<w>[^\W\d_][^\W\d_ '’-]*(?:[ '’-][^\W\d_]+){0,3}?)(?P<dot>\.)?\*\*"
    r"(?P<sep>[ \t]*[:—–][ \t]*|[ \t]+-[ \t]+|[ \t]+)(?P<r>\S.*)$"
)


def word_lead(text: str) -> tuple[str, str] | None:
    """A point led by a bold level word of another language, or a bold level word closed by a
    full stop -> (the English level word, the point without it); None otherwise."""
    m = _BOLD_WORD.match(text)
    if m is None:
        return None
    said = m["w"].lower()
    plain_space = not m["sep"].strip()
    if plain_space and not m["dot"]:
        return None  # `**Mineur** bug` is a bold word in a sentence, not a lead
    word = _PHRASES.get(said) or english_level(said)
    if word == said and not m["dot"]:
        return None  # an English word without its full stop is `levels`' own lead
    return (word, m["r"]) if word in _TAGS or word == "suggestion" else None
