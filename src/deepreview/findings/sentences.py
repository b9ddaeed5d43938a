"""Where a sentence of a reviewer's prose ends: after `.`, `!` or `?` and white space.

Rules that read a "none" statement, a withdrawal or a sign-off judge it sentence by sentence
(`No findings. One thing: `a.py:3` leaks …` is no "none"); they split text the same way.
"""

from __future__ import annotations

import re
from typing import Final

SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return SENTENCE_END.split(text)


def lead_sentence(text: str) -> str:
    """`text`'s first sentence, without the white space around it."""
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0]
