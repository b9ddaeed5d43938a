"""A heading whose title ends in its level tag (`### 1. SQL injection in `order` (Critical)`,
`### 2. Contagem total a cada página (Médio)`): a finding's heading, whatever section it sits
under. Under a `## Summary` such headings are the findings the summary announced (`I found
three points`), not the summary's own sub-sections (`### Key changes`). The tag's word is a
level word in English or in the languages of `label_words` (`Crítico`, `Médio`, `Baixo`).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.label_words import english_level
from deepreview.findings.labels import severity_label_follows
from deepreview.findings.levels import tag_level

_SUFFIX: Final = re.compile(r"[(\[][ \t]*(?P<w>[^\W\d_][\w-]*)[ \t]*[)\]][ \t]*[*_]*[ \t]*$")


def suffix_level(title: str) -> str | None:
    """The level word (in English) a heading's title ends in, in brackets; None otherwise."""
    m = _SUFFIX.search(title)
    if m is None:
        return None
    word = english_level(m["w"])
    return word if tag_level(word) is not None else None


def announced_finding(lines: list[str], mask: list[bool], n: int, title: str) -> bool:
    """Under a summary, the heading at line `n` opens a finding: a level label follows it
    (`### 1. Title` + `- **Severity:** High`), or its title ends in its level tag."""
    return severity_label_follows(lines, mask, n + 1) or suffix_level(title) is not None
