"""The prompt's finding template echoed back (`I1. **<Short title>** — `path/to/file.ext:12-30``).

Some models restate the format they were asked for before writing their review ("Understood.
Each finding will look like this: …"). Read as Markdown, that example is a finding like any
other, and an invented one changes the verdict. A template is told apart by what no real
finding has: a title that is nothing but an unfilled placeholder in angle brackets, or the
template's own `path/to/…` as its every place (unless the change holds such a file).
"""

from __future__ import annotations

import re

from deepreview.findings.file_names import is_known_file
from deepreview.findings.finding_draft import Draft

# `<Short title>`, `<Title>`, `**<what goes wrong>**`: a placeholder and nothing else (a title
# in backticks, `` `<br>` ``, is code; `<script> in names runs` says more than a tag).
_PLACEHOLDER = re.compile(r"^[*_ ]*<[A-Za-z][^<>`\n]{0,80}>[*_ .:]*$")
_TEMPLATE_DIR = "path/to/"


def is_template(draft: Draft) -> bool:
    """The draft is the prompt's example finding, not one of the review's."""
    head = draft.head
    if _PLACEHOLDER.match(head.title.strip()):
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
