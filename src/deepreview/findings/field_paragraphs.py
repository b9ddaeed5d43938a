"""A finding told as one paragraph of inline bold fields, wrapped where the text ran out:

    **Issue:** the token is logged when the check fails. **Where:**
    `auth/check.py`, line 48. **Severity:** high. **Fix:** log the key id only.

Each field is put on a line of its own, so the paragraph becomes a record (`records`), the
shape the fields would have had one per line. Only a paragraph that opens with what the finding
is (`Issue`, `Problem`, `Description`…) and also gives a file and a level: a paragraph of other
fields (`**Verdict:** approve. **Scope:** … **Risk:** low.`) is a summary and stays as written.
Its opening field is the finding's text told in sentences: with no description field beside it,
it is given as one, so the first sentence becomes the title and the rest its body.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.records import field_kind

_LABEL: Final = re.compile(
    r"(?:\*\*|__)(?P<key>[A-Za-z][A-Za-z ]{1,20}?)(?::(?:\*\*|__)|(?:\*\*|__):)"
)
# (`Summary` opens a review's own summary, never one finding)
_OPENING_KINDS: Final = frozenset(("title", "text"))


def split_field_paragraphs(lines: list[str], mask: list[bool]) -> list[str] | None:
    """The lines with each field paragraph made one field per line, or None when there is none."""
    ends = _paragraph_ends(lines, mask)
    out: list[str] = []
    changed = False
    i = 0
    while i < len(lines):
        end = ends[i]
        fields = (
            _fields(" ".join(s.strip() for s in lines[i:end]))
            if end > i and _opens_with_a_label(lines, i, end)
            else None
        )
        if fields is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(fields)
        changed = True
        i = end
    return out if changed else None


def _paragraph_ends(lines: list[str], mask: list[bool]) -> list[int]:
    """For each line, where the paragraph from it ends (itself at a blank or masked line), in
    one pass from the end: scanning on from every line of a long list, and joining the rest of
    it, made a review with a few thousand unbroken lines quadratic to read."""
    ends = [len(lines)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        ends[k] = ends[k + 1] if lines[k].strip() and not mask[k] else k
    return ends


# longer than any `_LABEL` match: a label at a paragraph's start is within its first this many
# characters
_LABEL_REACH: Final = 40


def _opens_with_a_label(lines: list[str], i: int, end: int) -> bool:
    """The paragraph `lines[i:end]` starts with a field label (as `_fields` requires), read from
    its first lines alone."""
    head = ""
    for k in range(i, end):
        head = f"{head} {lines[k].strip()}" if head else lines[k].strip()
        if len(head) >= _LABEL_REACH:
            break
    return _LABEL.match(head) is not None


def _fields(paragraph: str) -> list[str] | None:
    labels = list(_LABEL.finditer(paragraph))
    if len(labels) < 3 or labels[0].start() != 0:
        return None
    kinds = [field_kind(m.group("key")) for m in labels]
    first = labels[0].group("key").strip().lower()
    if None in kinds or kinds[0] not in _OPENING_KINDS or first == "summary":
        return None
    if "file" not in kinds or "level" not in kinds or len(set(kinds)) != len(kinds):
        return None
    out = []
    for n, m in enumerate(labels):
        stop = labels[n + 1].start() if n + 1 < len(labels) else len(paragraph)
        key = m.group("key").strip()
        if n == 0 and "text" not in kinds:
            key = "Description"
        out.append(f"**{key}:** {paragraph[m.end() : stop].strip()}")
    return out
