"""Findings a review writes outside its findings sections.

A review that ignores our layout may tabulate its findings under `## Review notes`, or write
`### Issue 1: Title` + `**Severity:** Medium` under `## Details`.  Such a section keeps its
prose and gives up its findings, with two guards against reading an earlier round's items as
this review's: a section whose title is about earlier rounds or their status (`## Prior Round
Findings`, `## Resolved`) keeps everything, and so does a table with a Status column; and in any
other section every finding-like item must carry its own severity (a tag or a `Severity:`
line), or the section is left alone.
"""

from __future__ import annotations

from deepreview.findings.blocks import about_earlier_rounds
from deepreview.findings.findings import (
    Draft,
    make_draft,
    parse_findings_block,
)
from deepreview.findings.table_findings import table_findings


def loose_findings(
    title: str, lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], list[str], list[bool]]:
    """(drafts, the section's lines without them) for an ordinary section or the preamble."""
    if about_earlier_rounds(title):
        return [], lines, fenced
    drafts, lines, fenced = _tables(lines, fenced, prefixes)
    res = parse_findings_block(lines, fenced, None, prefixes)
    own = [d for d in res.drafts if d.head.style != "table"]
    if own and all(d.head.severity is not None for d in own):
        drafts.extend(own)
        lines, fenced = lines[: res.first], fenced[: res.first]
    return drafts, lines, fenced


def _tables(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], list[str], list[bool]]:
    rows, used = table_findings(lines, fenced, None, prefixes, loose=True)
    drafts = []
    for head, fix in rows:
        drafts.append(make_draft(head, None, fix=fix))
    taken = set(used)
    rest = [k for k in range(len(lines)) if k not in taken]
    return drafts, [lines[k] for k in rest], [fenced[k] for k in rest]
