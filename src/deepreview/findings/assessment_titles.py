"""Testing and documentation sections titled in a seat's own words: `## Missing tests`,
`## Test plan`, `## Untested paths`, `## Docs review`, `## README`. A short title of testing (or
documentation) words and plain filler names that assessment; one naming both, or anything
else, names neither (it stays an ordinary section of the seat).

Only as a Markdown heading of level 1 or 2, where a seat puts its own sections: a bold
`**Missing tests:**` line or a `#### Test plan` sub-heading may be part of a finding (its text,
or a finding titled so under `### Suggestions`), and must not open a section that ends it."""

from __future__ import annotations

import re

from deepreview.findings.section_titles import Kind, normalize_title, title_kind

_TEST = frozenset(("test", "tests", "testing", "tested", "untested", "test-plan"))
_DOCS = frozenset(("docs", "doc", "documentation", "readme", "docstrings", "docstring"))
_FILLER = frozenset(
    (
        "missing", "plan", "gap", "gaps", "review", "notes", "added", "needed", "suggested",
        "recommended", "additional", "new", "strategy", "quality", "paths", "cases", "case",
        "updates", "update", "check", "checks", "the", "of", "for", "and", "to", "what",
        "is", "are", "coverage", "changes", "results",
    )
)  # fmt: skip


def assessment_kind(normalized: str) -> str | None:
    """`testing`, `documentation` or None for a normalized section title."""
    words = [w for w in re.split(r"[^a-z-]+", normalized) if w]
    if not words or len(words) > 4 or not set(words) <= _TEST | _DOCS | _FILLER:
        return None
    tests, docs = bool(set(words) & _TEST), bool(set(words) & _DOCS)
    if tests == docs:
        return None  # no subject, or both (`Tests and docs`): no one assessment
    return "testing" if tests else "documentation"


def heading_kind(title: str, level: int) -> Kind:
    """The kind of an ATX heading's section: `title_kind`, else (level 1 or 2) an assessment
    in the seat's own words."""
    kind = title_kind(title)
    if kind is not Kind.OTHER or level > 2:
        return kind
    found = assessment_kind(normalize_title(title))
    return Kind(found) if found else kind
