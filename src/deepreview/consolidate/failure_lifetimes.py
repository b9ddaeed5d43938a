"""A reference used after what it points into is gone: a pointer into a buffer that was freed,
dropped, moved or reallocated (the dangling pointer, the use after free). One general failure of
memory lifetimes, in any language that hands out raw pointers or references into storage, and
told in many words: "points into a `CString` that is already freed", "a pointer whose owner was
dropped on the previous line", "a dangling pointer will be produced" (a compiler's lint), "hands
out a pointer the bus may move", "`push_back` can reallocate the storage it points into". Not a
value released and never given back (a leak), nor "not freed" (that is one), nor an iterator
invalidated by a concurrent write (a race's crash, told with the race).

From merge cases 71 and 72 (development cases from round mg75 on; benchmarks/README.md,
"Held-out cases 76-80").
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# what is freed under the reference: the owner, the storage, the buffer, a temporary
_OWNER = (
    r"(?:owner|storage|buffer|backing\s+(?:store|storage|array)|temporar(?:y|ies)|allocation"
    r"|block|memory|vector|string|object|value)"
)
_GONE = r"(?:freed|dropped|deallocated|destroyed|released|reallocated|moved)"

_PHRASES: dict[str, tuple[str, ...]] = {
    "dangling": (
        r"\bdangling\b",
        r"\buse[- ]after[- ](?:free|drop|move)\b",
        r"\b(?:already|been)\s+(?:been\s+)?(?:freed|dropped|deallocated|destroyed)\b",
        r"\bfreed\s+(?:heap\s+)?memory\b",
        rf"\b{_OWNER}\s+(?:was|is|has\s+been|gets|got)\s+(?:already\s+)?{_GONE}\b",
        r"\bpointers?\s+(?:that\s+|which\s+)?(?:the\s+)?\w+\s+(?:may|can|might|will)\s+"
        r"(?:move|reallocate|free)\b",
        r"\breallocat\w*\s+(?:the\s+)?(?:storage|buffer|memory|array|vector)\s+(?:that\s+)?"
        r"(?:\S+\s+)?points?\s+into\b",
    ),
}

_SAID: dict[str, str] = {"dangling": "a reference to memory already gone"}

TABLE = PhraseTable(_PHRASES, _SAID)
