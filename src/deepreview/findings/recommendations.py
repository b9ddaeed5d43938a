"""A review told as recommendations, with no findings section.

    ## Recommendations

    1. Guard `src/load.py:2` against list input — `dict(p)` raises `TypeError` otherwise.
    2. Update the docstring at `src/load.py:1`.

Each item asks for a change at a place with a line: it is a suggestion (a recommendation is
one, unless the item gives its own level: `**Important:** …`), titled by its first clause. An
item with no place (`Consider more tests.`), or one that says the spot needs nothing (`Keep
`a.py:2` as is; it is correct.`), stays the section's prose; so does a section that recommends
nothing ("None. The change is fine as it is.").
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.clean_topics import ALL_WELL
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.levels import level_lead, tag_level
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.no_action import needs_no_change
from deepreview.findings.none_statements import says_none
from deepreview.findings.section_titles import normalize_title
from deepreview.findings.sentences import lead_sentence
from deepreview.model import Severity

_TITLE: Final = re.compile(
    r"^(?:my\s+|key\s+|specific\s+|main\s+)?(?:recommendations?|recommended\s+(?:changes|fixes))"
    r"(?:\s+for\s+(?:improvement|this\s+(?:change|pr)))?$"
)
_ITEM: Final = re.compile(rf"^ {{0,3}}{LIST_MARKER}[ \t]+(?P<rest>\S.*)$")
# The item's first clause is its title: it ends at a dash, a semicolon or a comma before a
# new clause (`Guard `a.py:2` against lists — `dict(p)` raises …`)
_CLAUSE_END: Final = re.compile(r"[ \t]+[—–][ \t]+|;[ \t]+|,[ \t]+(?=(?:it|this|that|which)\b)")
_SETTLED: Final = re.compile(r"\b(?:already\s+(?:fixed|handled|done)|pre-?existing)\b", re.I)


def recommends(title: str) -> bool:
    """The section is named for its recommendations (`## Recommendations`)."""
    return _TITLE.match(" ".join(re.findall(r"[a-z]+", normalize_title(title).lower()))) is not None


def recommended_changes(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], set[int]]:
    """The suggestions a Recommendations section's items make at places with a line, and the
    indexes of the lines they take."""
    drafts: list[Draft] = []
    taken: set[int] = set()
    items = [i for i, line in enumerate(lines) if not fenced[i] and _ITEM.match(line)]
    for n, i in enumerate(items):
        end = i + 1
        stop = items[n + 1] if n + 1 < len(items) else len(lines)
        while end < stop and lines[end].strip() and lines[end][:1] in (" ", "\t"):
            end += 1  # the item's own lines, indented under it
        m = _ITEM.match(lines[i])
        assert m is not None  # (items are item lines)
        text = " ".join([m["rest"], *(ln.strip() for ln in lines[i + 1 : end])])
        draft = _suggestion(text, prefixes)
        if draft is not None:
            drafts.append(draft)
            taken.update(range(i, end))
    return drafts, taken


def _suggestion(text: str, prefixes: tuple[str, ...]) -> Draft | None:
    said = re.sub(r"[*_]", "", text).strip()
    if says_none(said) or ALL_WELL.match(said) or needs_no_change(text) or _SETTLED.search(said):
        return None
    word, rest = level_lead(text)
    head = FindingHead(id=None, title="", style="lead")
    head.locations = locations_in(rest, prefixes)
    if not any(loc.start is not None for loc in head.locations):
        return None
    first = lead_sentence(rest)
    clause = _CLAUSE_END.split(first, maxsplit=1)[0].strip().rstrip(".:").rstrip()
    head.title = clause[:1].upper() + clause[1:]
    said_rest = rest.strip()
    body = said_rest[len(clause) :].lstrip(" .,;:—–") if said_rest.startswith(clause) else ""
    if word is not None:
        head.severity, head.level_word = tag_level(word), word.lower()
    # (its own level stands: the section names what the items are, not how much they matter)
    return make_draft(
        head, None if word else Severity.SUGGESTION, body=body.strip(), prefixes=prefixes
    )
