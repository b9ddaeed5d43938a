"""Does a text read as writing at all, or is it noise?

A seat that prints a page of random characters or words, with no punctuation, ends on no full
stop, so `unfinished.py` reads it as a review cut off mid-sentence. It is no review begun but
no review at all ("unparseable review"). Writing shows itself by any one of: a sentence that
ends, Markdown structure (a heading, a list item, bold, a code span, a table row), a file name,
or the small words every sentence of prose is made of. Random letters and made-up words have
none of them; a review cut off in its first sentence ("I read the change to calc.py and the")
has several.
"""

from __future__ import annotations

import re
from typing import Final

_SENTENCE_END: Final = re.compile(r"[.!?;:。！？](?:\s|$)")
_MARKDOWN: Final = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,3}[.)][ \t]|\|.*\|)|\*\*\S|`[^`\n]+`", re.MULTILINE
)
_FILE_NAME: Final = re.compile(r"\b[\w-]+\.[A-Za-z][A-Za-z0-9]{0,7}\b")
# The commonest short words of the languages whose reviews are read (`levels.py`): prose is
# made of them, about one word in three; noise of letters hardly ever hits one.
_SMALL_WORDS: Final = frozenset(
    word
    for words in (
        "the a an to of and or in on is are was it this that for with as be not by at from but",
        "if i we you which when",
        "der die das und ist nicht ein eine zu mit",  # German
        "le la les et est un une des pas pour",  # French
        "el los las y es una por con no",  # Spanish
        "o os e um uma não com para",  # Portuguese
    )
    for word in words.split()
)
_WORD: Final = re.compile(r"[^\W\d_]+")
_SHARE: Final = 0.15


def reads_as_writing(text: str) -> bool:
    """True unless the text is noise: no sentence end, no Markdown, no file name, few of the
    small words prose is made of."""
    if _SENTENCE_END.search(text) or _MARKDOWN.search(text) or _FILE_NAME.search(text):
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    return sum(w in _SMALL_WORDS for w in words) >= _SHARE * len(words)
