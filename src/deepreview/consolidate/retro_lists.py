"""How the retro names a report's findings in its cells and sentences: `I1 (short title)` with
labels no other finding shares (`finding_labels`), the first `CELL_NAMES` with their labels and
the rest by ID, runs of them as ranges (`listed`), and a count before a list (`count_list`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from deepreview.consolidate.labels import title_label, title_labels
from deepreview.findings.ids import id_runs
from deepreview.model import Finding

CELL_NAMES = 8  # file names in the retro table's Coverage misses cell


def count_list(items: Sequence[str]) -> str:
    return f"{len(items)} ({', '.join(items)})" if items else "0"


def listed(ids: Sequence[str], label: Callable[[str], str]) -> str:
    """`I1 (x), I2 (y), …, I9–I20`: the first `CELL_NAMES` with their labels, the rest by ID
    alone, runs of them as ranges (`id_runs`). A seat with 500 findings only it raised made a
    15 KB table cell, and 1998 of them the same list in its paragraph again; every ID is still
    there to read, since `stats` counts a seat's unique insights from this cell
    (`insight_ids` reads the ranges)."""
    head = [label(i) for i in ids[:CELL_NAMES]]
    return ", ".join([*head, *id_runs(ids[CELL_NAMES:])])


def named_ids(findings: Sequence[Finding], labels: Mapping[str, str]) -> str:
    """Report findings: `I1 (`add` now subtracts when b is…)`, with the report-wide labels."""
    titles = {f.id: labels.get(f.id) or title_label(f.title) for f in findings}
    return listed([f.id for f in findings], lambda i: f"{i} ({titles[i]})")


def finding_labels(findings: Sequence[Finding]) -> dict[str, str]:
    """Finding ID → a label (`title_labels`) no other finding of the report shares."""
    titles = title_labels([f.title for f in findings])
    return dict(zip((f.id for f in findings), titles, strict=True))
