"""A review's findings written in shapes the section parser does not read, rewritten in place
(line for line) into ones it does, before its blocks are built (`parse._parse`)."""

from __future__ import annotations

import re

from deepreview.findings.bold_place_lines import open_bold_place_lines
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.coderabbit import open_coderabbit
from deepreview.findings.details import open_details
from deepreview.findings.field_paragraphs import split_field_paragraphs
from deepreview.findings.file_lists import open_file_lists
from deepreview.findings.finding_line import is_strong_start
from deepreview.findings.html_lines import blank_breaks
from deepreview.findings.inline_issues import open_inline_issues
from deepreview.findings.inline_nits import split_inline_nits
from deepreview.findings.level_lists import open_level_lists
from deepreview.findings.nested_levels import open_nested_levels
from deepreview.findings.pipe_items import open_pipe_items
from deepreview.findings.place_lines import join_place_lines
from deepreview.findings.quoted_places import open_quoted_places
from deepreview.findings.quoted_text import held_lines
from deepreview.findings.quotes import unquote_findings
from deepreview.findings.records import has_records, rewrite_records
from deepreview.findings.verdict_nits import open_verdict_nits
from deepreview.findings.wrapped_tags import lift_wrapped_tags

# (a line that may be a bold place alone: `**a.py:3**`, ``**`a.py:3-9`**``)
_ENDS_ON_LINE = re.compile(r":\d+(?:[-–]\d+)?`?(?:\*\*|__)[ \t]*$")


def opened_up(lines: list[str]) -> tuple[list[str], list[bool]]:
    """The review with findings written in shapes the section parser does not read, rewritten
    in place (line for line) into ones it does: folded in `<details>` blocks, in blockquotes
    (`> [!WARNING]` alerts, `> **Warning** — …`), as `**File:**` / `**Severity:**` /
    `**Issue:**` records, nested under `- **Critical**` items or under `- `a.py`` items by
    their lines (`file_lists`); `<br>` lines are blank.
    Text quoted inside a finding is left as written: the lines it is on come back too."""
    held = held_lines(lines, fence_mask(lines))
    if any(line.lstrip().startswith(("`", "_")) for line in lines):
        rabbit = open_coderabbit(
            lines, [a or b for a, b in zip(fence_mask(lines), held, strict=True)]
        )
        if rabbit is not None:
            lines = rabbit  # (comments made headings: the quoted lines are found again)
            held = held_lines(lines, fence_mask(lines))
    lines = open_details(lines, held) or lines
    lines = blank_breaks(lines) or lines

    def code(lines: list[str]) -> list[bool]:
        return [a or b for a, b in zip(fence_mask(lines), held, strict=True)]

    split = split_inline_nits(lines, code(lines))
    if split is not None:
        lines = split  # (a line split in three: the quoted lines are found again)
        held = held_lines(lines, fence_mask(lines))
    if any(line[:1] in "IiPpCcFf*_" and ":" in line for line in lines):
        issues = open_inline_issues(lines, code(lines))
        if issues is not None:
            lines = issues  # (`Issues: …` made a list: the quoted lines are found again)
            held = held_lines(lines, fence_mask(lines))
    # (each step looks for its shape first: most reviews have none, and pay no fence scan)
    if any(line.lstrip().startswith(">") for line in lines):
        # (`> **a.py** line 34` over `**issue:** …`: the comment's place, quoted; after a
        # comment it is the next one's, not quoted inside the one above: code fences only)
        placed = open_quoted_places(lines, fence_mask(lines))
        if placed is not None:
            lines = placed
            held = held_lines(lines, fence_mask(lines))
        lines = unquote_findings(lines, code(lines), is_strong_start) or lines
    if any(line.startswith(("**", "__")) and _ENDS_ON_LINE.search(line) for line in lines):
        lines = open_bold_place_lines(lines, code(lines)) or lines  # (`**a.py:3**` + its text)
    if any(line.rstrip().endswith(("** —", "** –", "** -")) for line in lines):
        lines = join_place_lines(lines, code(lines)) or lines
    if any("with" in line.lower() for line in lines):
        lines = open_verdict_nits(lines, code(lines)) or lines
    if any(line.startswith(("**", "__")) for line in lines):
        fields = split_field_paragraphs(lines, code(lines))
        if fields is not None:
            lines = fields  # (a paragraph made field lines: the quoted lines are found again)
            held = held_lines(lines, fence_mask(lines))
    if any(" | " in line and not line.lstrip().startswith("|") for line in lines):
        lines = open_pipe_items(lines, code(lines)) or lines  # (`- a.py:3 | text | must fix`)
    if any("(severity" in line.lower() or "(priority" in line.lower() for line in lines):
        lines = lift_wrapped_tags(lines, code(lines)) or lines  # (`(severity: high)` wrapped)
    if has_records(lines):
        lines = rewrite_records(lines, code(lines)) or lines
    if any("**" in line and re.match(r"\s+[-*+]\s", line) for line in lines):
        lines = open_nested_levels(lines, code(lines)) or lines  # (`*   **Bug:**` + nested)
    if any(line.lstrip().startswith(("- **", "* **", "+ **")) for line in lines):
        lines = open_level_lists(lines, code(lines)) or lines
    if any(line[:1].isspace() and line.lstrip()[:2] in ("- ", "* ", "+ ") for line in lines):
        lines = open_file_lists(lines, code(lines)) or lines
    return lines, held
