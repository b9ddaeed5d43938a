"""The prompt's finding template echoed back (`I1. **<Short title>** — `path/to/file.ext:12-30``).

Some models restate the format they were asked for before writing their review ("Understood.
Each finding will look like this: …"). Read as Markdown, that example is a finding like any
other, and an invented one changes the verdict. A template is told apart by what no real
finding has: a title that is nothing but an unfilled placeholder (in angle brackets, or a
template's word in square brackets or braces: `[Title]`, `{title}`), or the template's own
`path/to/…` as its every place (unless the change holds such a file).

A small model may answer with nothing but the layout, its severity sections holding only such
placeholders: no finding, and no clean review either (`unfilled_sections`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from deepreview.findings.blocks import FINDING_KINDS, Block
from deepreview.findings.file_names import is_known_file
from deepreview.findings.finding_draft import Draft

# `<Short title>`, `<Title>`, `**<what goes wrong>**`: a placeholder and nothing else (a title
# in backticks, `` `<br>` ``, is code; `<script> in names runs` says more than a tag).
_PLACEHOLDER = re.compile(r"^[*_ ]*<[A-Za-z][^<>`\n]{0,80}>[*_ .:]*$")
# `[Title]`, `[Short title]`, `{description}`, `[Description of the issue]`: a template's own
# word in square brackets or braces (`[Security]` or `{id}` alone name something: kept)
_BRACKETED: Final = re.compile(
    r"^[*_ ]*(?:\[(?P<s>[^\[\]`\n]{1,80})\]|\{(?P<b>[^{}`\n]{1,80})\})[*_ .:]*$"
)
_TEMPLATE_WORD: Final = re.compile(
    r"\b(?:title|summary|description|describe|explanation|explain|finding|issue|problem|"
    r"file|path|line|severity|location|details?)\b",
    re.IGNORECASE,
)
_TEMPLATE_DIR = "path/to/"


def is_template(draft: Draft) -> bool:
    """The draft is the prompt's example finding, not one of the review's."""
    head = draft.head
    if _PLACEHOLDER.match(head.title.strip()):
        return True
    bracketed = _BRACKETED.match(head.title.strip())
    if bracketed and _TEMPLATE_WORD.search(bracketed.group("s") or bracketed.group("b") or ""):
        return True
    return bool(head.locations) and all(
        loc.path.startswith(_TEMPLATE_DIR) and not is_known_file(loc.path) for loc in head.locations
    )


def without_templates(drafts: list[Draft]) -> tuple[list[Draft], list[str]]:
    """The drafts that are findings, and a warning for each echoed template left out."""
    kept = [d for d in drafts if not is_template(d)]
    if len(kept) == len(drafts):
        return drafts, []
    return kept, [
        f"the prompt's finding template echoed, not a finding: {d.head.title!r}"
        for d in drafts
        if is_template(d)
    ]


def unfilled_sections(drafts: Sequence[Draft], blocks: Sequence[Block]) -> list[str]:
    """With every draft an echoed template, the findings sections that hold one: the seat's
    findings left unfilled (`C1: <title>` under `### Critical Issues`), findings text that
    could not be read rather than "None". A template echoed only before the review (its
    preamble, "Each finding will look like this: …") is none of them."""
    if not drafts or not all(is_template(d) for d in drafts):
        return []
    titles = {d.head.title.strip() for d in drafts}
    return [
        b.text.strip()
        for b in blocks
        # (a heading the seat wrote: a template alone, read as findings from its first line,
        # is no review at all, `unparseable review`)
        if b.kind in FINDING_KINDS and b.title and any(t and t in b.text for t in titles)
    ]
