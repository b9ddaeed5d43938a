"""A review the model wrapped whole in a ```` ```markdown ```` fence: take the wrapper off.

Models often answer with their entire review inside one Markdown code block, and they rarely
mind that its inner code blocks (```` ```go ````) close the wrapper early as far as CommonMark is
concerned.  Read as written, every heading of such a review is code, so the review would look
like it had no structure at all and the seat would fail as "unparseable review".

The wrapper is taken off only when it is unmistakable: the first fence of the text opens it
(info string `markdown`/`md`, or none), the last line of the text closes it, at most a few
lines of chatter stand outside it with no section heading among them, and the inside has a
section heading of a review.  A review that merely ends with a Markdown example keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from deepreview.findings.blocks import heading_lines
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.section_titles import Kind
from deepreview.markdown_fence import closing_marker, opening

_WRAPPER_INFO = frozenset({"markdown", "md", ""})
_CHATTER_LINES = 6  # "Here is my review:" before, "Let me know…" after


def unwrap_review(lines: list[str], starts_finding: Callable[[str], bool]) -> list[str] | None:
    """The lines without the wrapper's two fence lines, or None when the text is not wrapped."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return None
    first = next((n for n in filled if opening(lines[n]) is not None), None)
    if first is None or filled.index(first) > _CHATTER_LINES:
        return None
    fence = opening(lines[first])
    assert fence is not None
    if fence.info.split(" ", 1)[0].lower() not in _WRAPPER_INFO:
        return None
    last = next(
        (n for n in reversed(filled) if n > first and closing_marker(lines[n]) is not None), None
    )
    if last is None or len(filled) - 1 - filled.index(last) > _CHATTER_LINES:
        return None
    marker = closing_marker(lines[last])
    assert marker is not None
    if marker[0] != fence.char or marker[1] < fence.length:
        return None
    outside = lines[:first] + lines[last + 1 :]
    if _has_sections(outside, starts_finding):
        return None
    inside = lines[first + 1 : last]
    if not _has_sections(inside, starts_finding):
        return None
    return lines[:first] + inside + lines[last + 1 :]


def _has_sections(lines: list[str], starts_finding: Callable[[str], bool]) -> bool:
    mask = fence_mask(lines)
    if any(h.kind is not Kind.OTHER for h in heading_lines(lines, mask).values()):
        return True
    return any(starts_finding(line) for line, fenced in zip(lines, mask, strict=True) if not fenced)
