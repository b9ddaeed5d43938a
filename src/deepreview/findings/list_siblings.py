"""Items of a free-form list, before the first one we read as a finding, that name a fault.

    A few observations:

    * The `retry` function in `src/upload.py` swallows the final exception, …
    * Minor: `os` is imported but unused.

The `Minor:` item is a finding (a suggestion); the item above it tells a problem with no place
we can read, so it is no finding. Left in the prose, the review would read as one that found
only a suggestion: such an item is findings text we could not read (the verdict says so), never
a problem dropped in silence. An item that names no fault (`The new helper is well named`)
stays prose.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.problem_words import names_a_fault

_ITEM: Final = re.compile(rf"^(?P<indent>[ \t]*){LIST_MARKER}[ \t]+\S")


def faults_before(lines: list[str], fenced: list[bool], first: int) -> list[str]:
    """The items of the list whose item at line `first` is its first finding, above that line,
    that name a fault (each item's text with its continuation lines)."""
    if first >= len(lines) or fenced[first] or (head := _ITEM.match(lines[first])) is None:
        return []
    indent = head.group("indent")
    items: list[list[str]] = []
    pending: list[str] = []
    k = first - 1
    while k >= 0 and not fenced[k]:
        line = lines[k]
        m = _ITEM.match(line)
        if m is not None and m.group("indent") == indent:
            items.append([line.rstrip(), *pending])
            pending = []
        elif not line.strip() or (
            line[:1].isspace() and len(line) - len(line.lstrip()) > len(indent)
        ):
            if line.strip():
                pending.insert(0, line.strip())
        else:
            break  # the paragraph that leads the list
        k -= 1
    texts = [" ".join(parts) for parts in reversed(items)]
    return [t for t in texts if names_a_fault(t)]


def listed_fault(text: str) -> bool:
    """`text` (unread findings text) is one list item that names a fault."""
    return _ITEM.match(text) is not None and "\n" not in text.strip() and names_a_fault(text)
