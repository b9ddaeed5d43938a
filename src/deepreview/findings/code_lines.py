"""Which lines of a review are fenced code: the mask every reader of a review's prose starts
from, and whether the review ends inside a code block it never closed (a cut-off review)."""

from __future__ import annotations

import bisect
import itertools

from deepreview.findings.blocks import BOLD_LEVEL, classify_heading
from deepreview.findings.section_titles import Kind
from deepreview.markdown_fence import Fence, closes, closing_marker, opening


def fence_mask(lines: list[str]) -> list[bool]:
    """True for every line inside a fenced code block, the fence lines included.

    A fence still open at the end is normally a review cut off inside a code block.  But when a
    recognised section heading follows the opening, the agent forgot to close it; then the opening
    is taken as plain text so that it does not swallow the rest of the review.
    """
    n = len(lines)
    mask = [False] * n
    # Closing-fence candidates per fence character, and whether a section heading follows a line.
    closers: dict[str, list[tuple[int, int]]] = {"`": [], "~": []}
    for i, line in enumerate(lines):
        marker = closing_marker(line)
        if marker is not None:
            closers[marker[0]].append((i, marker[1]))
    # Longest closer at or after each candidate: a fence with no closer left fails in O(1).
    longest_after = {
        c: list(itertools.accumulate(reversed([size for _, size in cands]), max))[::-1]
        for c, cands in closers.items()
    }
    heading_after = [False] * (n + 1)
    for i in range(n - 1, -1, -1):
        h = classify_heading(lines[i]) if lines[i].lstrip().startswith("#") else None
        heading_after[i] = heading_after[i + 1] or (
            h is not None and h.kind is not Kind.OTHER and h.level < BOLD_LEVEL
        )
    i = 0
    while i < n:
        fence = opening(lines[i])
        if fence is None:
            i += 1
            continue
        candidates = closers[fence.char]
        k = bisect.bisect_right(candidates, (i, 1 << 30))
        close = None
        if k < len(candidates) and longest_after[fence.char][k] >= fence.length:
            close = next(j for j, size in candidates[k:] if size >= fence.length)
        if close is None:
            if heading_after[i + 1]:
                i += 1  # a forgotten fence: the opening line is plain text
                continue
            close = n - 1
        for j in range(i, close + 1):
            mask[j] = True
        i = close + 1
    return mask


def ends_inside_fence(lines: list[str], mask: list[bool]) -> bool:
    """True when the text ends inside a code block that was never closed (a cut-off review)."""
    open_fence: Fence | None = None
    for line, fenced in zip(lines, mask, strict=True):
        if not fenced:
            open_fence = None
            continue
        if open_fence is None:
            open_fence = opening(line) or Fence("`", 3, "")
        elif closes(line, open_fence):
            open_fence = None
    return open_fence is not None
