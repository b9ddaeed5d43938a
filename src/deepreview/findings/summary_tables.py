"""Findings tabulated under a summary heading (`### Review summary`).

A summary's text is not read for findings: its lists and tables mostly tell what the change does
or count what the review found. But a table whose rows each name a place (a file or line column)
and a level (a level column, coloured circles, or notes led by their line and level) is the
review's findings wherever it stands, as it is under `## Review`. A table with no place (`| Area
| Priority | Notes |`) or no level (a "files changed" table, paths and line counts) stays the
summary's text. The rows read here are the summary's items: a finding of the findings sections
that holds one counts it once (`repeats.summary_repeats`).
"""

from __future__ import annotations

from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.table_findings import table_findings


def summary_tables(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], list[str], list[bool]]:
    """(the drafts of the summary's placed, rated tables, its lines and fences without them)."""
    rows, used = table_findings(lines, fenced, None, prefixes, loose=True, placed=True)
    if not rows:
        return [], lines, fenced
    drafts = [
        make_draft(head, None, body=text, fix=fix, prefixes=prefixes) for head, text, fix in rows
    ]
    taken = set(used)
    rest = [k for k in range(len(lines)) if k not in taken]
    return drafts, [lines[k] for k in rest], [fenced[k] for k in rest]
