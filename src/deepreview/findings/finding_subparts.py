"""A Testing or Documentation heading under one finding's own heading (`#### I2: …` +
`##### Tests`, or `#### Tests` between `#### I2` and `#### I3`) says what that finding needs
tested or documented: it is part of that finding's body, not the review's assessment. Read as
the assessment, it took the finding's note and left every finding after it an ordinary section.

The review's own assessment (`## Testing` after the findings, a findings section's `### Tests`
with no finding heading above it) is no finding's part."""

from __future__ import annotations

from collections.abc import Iterable

from deepreview.findings.section_titles import Kind


def finding_part(
    finding_levels: list[int], level: int, kind: Kind, later: Iterable[tuple[int, Kind]]
) -> bool:
    """Whether a `kind` heading at `level` belongs to the finding above it. `finding_levels`:
    the levels of the finding headings in the current findings section so far; `later`: the
    (level, kind) of each heading after this one, in order.

    Deeper than the last finding's heading, it is that finding's part. At that finding's level
    it is one when the next heading at that level is the next finding (no section of a known
    kind: `### Documentation` after `### Testing` is the next assessment), or when the
    section ends and the review's own assessment of the same kind is still to come; the last
    such heading of a section, with nothing of its kind after it, stays the assessment."""
    if not finding_levels or level < finding_levels[-1]:
        return False
    if level > finding_levels[-1]:
        return True
    after = iter(later)
    for lvl, first in after:
        if lvl == level:
            return first is Kind.OTHER  # the next finding; not `### Docs` after `### Testing`
        if lvl < level:
            return any(k is kind and lv < level for lv, k in ((lvl, first), *after))
    return False
