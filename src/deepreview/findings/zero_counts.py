"""A review that counts its findings by level, every count zero: a clean review.

`| Critical | 0 |` / `| Important | 0 |` rows of a findings table, or one line
`**Critical:** 0 · **Important:** 0 · **Suggestions:** 0`: the seat says, in numbers, that it
found nothing. Read as text it is neither a finding nor a "None.", and would be findings text
that could not be read (the verdict Unverified) or no review at all. Only a text made of
level-and-count pairs (and a table's header and rule) counts, and only when every count is 0: a
count of 1 with no finding we can read is findings we could not read.

A table whose counts are not all zero sums up the findings written after it (`| Important | 2 |`
above two Important findings): `counts_match` tells one whose counts are those of the findings
read (by level, a `Total` row their number), which is then no findings text we could not read.
Counts that disagree (a finding counted that we did not read), or a level we cannot place
(`Moderate`), keep it as text we could not read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from deepreview.findings.levels import tag_level
from deepreview.model import Severity

_LEVEL: Final = (
    r"(?:critical|important|high|medium|low|minor|major|moderate|severe|suggestions?|nits?|"
    r"nitpicks?|blockers?|blocking|warnings?|info|total)"
)
# A level and its count: `Critical | 0`, `**Important:** 0`, `Suggestions (0)`, `High = 0`.
_PAIR: Final = re.compile(
    rf"\b(?P<level>{_LEVEL})(?:\s+(?:issues?|findings?|severity))?[\s:=|()*_`—–-]{{0,8}}"
    r"(?P<n>\d+)\b(?:\s*\))?",
    re.IGNORECASE,
)
# What may stand beside the pairs: a table's header words and rule, separators, markup, and
# the colour circles or other emoji a level name is decorated with (`| 🔴 Critical | 0 |`).
_FILLER: Final = re.compile(
    r"\b(?:severity|level|count|number|findings?|issues?)\b|[\s|:·•,;/*_`()#\-—–=]+"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]+",
    re.IGNORECASE,
)
# A character no pair or filler is written with (`.`, `"`, `[`, `é`): the text is not counts
# alone, whatever else it holds (asked first: a seat's megabyte of output need not be scanned
# for pairs to tell that)
_FOREIGN: Final = re.compile(
    r"[^a-z\d\s|:·•,;/*_`()#\-—–=\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]",
    re.IGNORECASE,
)
_CELL_SPLIT: Final = re.compile(r"\s*\|\s*")
_RULE_ROW: Final = re.compile(r"^\|?[\s:|-]+\|?$")


def zero_counts(text: str) -> bool:
    """`text` is only level-and-count pairs (a count table, a line of counts), each count 0."""
    pairs = _level_counts(text)
    return pairs is not None and all(n == 0 for _, n in pairs)


def is_tally(text: str) -> bool:
    """`text` is only level-and-count pairs (`**Critical:** 0 · **Important:** 1`), whatever
    the counts: the seat's tally, never a finding of its own."""
    return _level_counts(text) is not None


def counts_match(text: str, severities: Sequence[Severity]) -> bool:
    """`text` is only level-and-count pairs, and they count `severities` (the levels of the
    findings read): as many at each level, a `Total` their number."""
    pairs = _level_counts(text)
    if pairs is None or not severities:
        return False
    counted: Counter[Severity] = Counter()
    for word, n in pairs:
        if word == "total":
            if n != len(severities):
                return False
            continue
        level = tag_level(word) or tag_level(word.removesuffix("s"))
        if level is None:
            return False  # (`Moderate`: which of ours it is, we cannot tell)
        counted[level] += n
    return counted + Counter() == Counter(severities)


def _level_counts(text: str) -> list[tuple[str, int]] | None:
    """The (level word, count) pairs `text` is made of, at least two; None when it holds
    anything else."""
    if _FOREIGN.search(text):
        return None
    text = _transposed(text)
    pairs = list(_PAIR.finditer(text))
    if len(pairs) < 2 or _FILLER.sub("", _PAIR.sub("", text)) != "":
        return None
    return [(m.group("level").lower(), int(m.group("n"))) for m in pairs]


def _transposed(text: str) -> str:
    """A table that names the levels in its header and counts them in its one row
    (`| Critical | Important |` / `|---|---|` / `| 0 | 0 |`), written as one `level | count`
    pair a line; any other text as it is."""
    rows = [r.strip() for r in text.strip().splitlines()]
    if len(rows) != 3 or not all(r.startswith("|") for r in rows) or not _RULE_ROW.match(rows[1]):
        return text
    head, counts = (_CELL_SPLIT.split(r.strip("|").strip()) for r in (rows[0], rows[2]))
    if len(head) != len(counts) or not all(c.isdigit() for c in counts):
        return text
    return "\n".join(f"{h} | {c}" for h, c in zip(head, counts, strict=True))
