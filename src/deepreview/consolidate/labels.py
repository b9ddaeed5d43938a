"""How findings are named in the report's prose: a seat's own finding as `Gemini C3` (never a
bare C3, which reads as the report's C3), and a finding's label for lists, table cells and
notes (`I1 (`add` now subtracts when b is…)`), unique across the findings listed together: the
retro, Reconciliation and the lead's notes all name a finding by it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.inputs import display_name


def seat_labels(seats: Iterable[str], names: Mapping[str, str]) -> dict[str, str]:
    """seat -> how the report's notes name it: as its reviewer headings do (`Claude`), with the
    seat's ID beside the name where two seats share it (`Claude (claude-2)`): a note must say
    which of them failed."""
    shown = {seat: names.get(seat) or display_name(seat) for seat in seats}
    count = Counter(shown.values())
    return {seat: name if count[name] == 1 else f"{name} ({seat})" for seat, name in shown.items()}


def member_label(m: Member, names: dict[str, str]) -> str:
    """`Gemini C3`."""
    return f"{names.get(m.seat, display_name(m.seat))} {m.finding.id}"


def _apart(
    titles: Sequence[str],
    out: list[str],
    relabel: Callable[[str, int], str],
    size: int,
    step: int,
    most: int,
) -> tuple[str, ...]:
    """`out` (a label of each title) with the labels two different titles share made again by
    `relabel(title, size)`, `size` growing by `step`, until none is shared or `size` passes
    `most` (identical titles stay identical)."""
    while True:
        # by label, not each label against every other: 40 million comparisons at 8,000 findings
        told: dict[str, set[str]] = {}
        for label, title in zip(out, titles, strict=True):
            told.setdefault(label, set()).add(title)
        clashing = [i for i, label in enumerate(out) if len(told[label]) > 1]
        if not clashing or size > most:
            return tuple(out)
        for i in clashing:
            out[i] = relabel(titles[i], size)
        size += step


# A title's units: a code span with what is glued to it (`` `add`, ``), or a word. A label cut
# inside a code span would leave a stray backtick that swallows the rest of a table cell.
_UNIT = re.compile(r"(?:[^\s`]*`[^`\n]*`)+[^\s`]*|[^\s`]+|`")
LABEL_CHARS = 40  # a retro label's length before it is cut (8 of them share one cell)


def title_label(title: str, *, chars: int = LABEL_CHARS) -> str:
    """The title as the retro names its finding: its words with their code spans (`` `add` now
    subtracts when b is negative``), cut at a word boundary with an ellipsis past `chars`
    characters. The title's first identifier alone (`add`) said which function, not what is
    wrong with it (ux74)."""
    units = _UNIT.findall(title.replace("*", ""))
    kept: list[str] = []
    for unit in units:
        if kept and len(" ".join([*kept, unit])) > chars:
            break
        kept.append(unit)
    if len(kept) == len(units):
        return " ".join(kept)
    return " ".join(kept).rstrip(",;:—-– ") + "…"


def title_labels(titles: Sequence[str]) -> tuple[str, ...]:
    """`title_label` of each title, longer where two different titles would be cut alike, until
    they differ (identical titles stay identical)."""
    longest = max((len(t) for t in titles), default=0)
    # ten characters more each time, the last try the first past the longest title
    return _apart(
        titles,
        [title_label(t) for t in titles],
        lambda t, n: title_label(t, chars=n),
        LABEL_CHARS + 10,
        10,
        longest + 10,
    )
