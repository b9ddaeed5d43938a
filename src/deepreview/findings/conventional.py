"""Conventional Comments labels (`**label (decorations):** subject`) leading a review comment.

    **issue (blocking):** `a.py:42` — `while True` retries forever.
    **nitpick:** `a.py:12` — unused import `os`.
    - **question** `a.py:70`: should a 404 be retried at all?

The label says what the comment is: `issue` a problem (important; critical when `blocking`),
`nitpick`, `todo` and `chore` a suggestion; `question`, `praise` and `thought` are no finding (a
question asks, praise praises, a thought muses), whatever place they name. Only the label word
itself, in bold and lower case (`**Issue:**` is a finding's field), closing its bold span or
followed by its decorations: `**Questionable retry count**` is a title.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.list_marker import LIST_MARKER, MARGIN_ITEM

# the TAG_WORDS word each label's level is (`levels.tag_level`)
_LEVELS: Final = {
    "issue": "important",
    "nitpick": "suggestion",
    "todo": "suggestion",
    "chore": "suggestion",
}
NOT_FINDINGS: Final = frozenset(("question", "questions", "praise", "thought", "thoughts"))
# Lower case, as the convention writes them: `**Issue:** …` / `**Question:** …` are a finding's
# fields (`**Issue:**` + `**Suggestion:**` lines); only `Nitpick` is a level however written.
_LABEL: Final = re.compile(
    r"^(?P<b>\*\*|__)(?P<l>issue|[Nn]itpick|NITPICK|todo|chore|questions?|praise|thoughts?)"
    r"(?:[ \t]*\((?P<d>[a-z ,/-]{1,40})\))?"
    r"[ \t]*(?::[ \t]*(?P=b)|(?P=b)[ \t]*:?)[ \t]*(?P<r>\S.*)$"
)


_MARGIN: Final = re.compile(rf"^ {{0,3}}(?:{LIST_MARKER}[ \t]+)?")


def comment_only(line: str) -> bool:
    """`line` opens, at the margin, a comment whose label makes it no finding (`**question:**
    …`, `- **praise** …`)."""
    label = conventional_label(_MARGIN.sub("", line, count=1))
    return label is not None and label[1] is None


def comments_only(paragraph: str) -> bool:
    """Every comment the paragraph opens (its first line, each item of its list) is one whose
    label makes it no finding (`comment_only`)."""
    lines = paragraph.strip("\n").split("\n")
    opening = [lines[0], *(ln for ln in lines[1:] if MARGIN_ITEM.match(ln))]
    return all(comment_only(ln) for ln in opening)


def labelled_comments(raw: str) -> bool:
    """The text holds a comment opened, at the margin, by a Conventional Comments label: a
    review of labelled comments (only questions and praise, it found nothing to fix)."""
    return any(conventional_label(_MARGIN.sub("", ln, count=1)) for ln in raw.splitlines())


def conventional_label(text: str) -> tuple[str, str | None, str] | None:
    """(the label, its level's tag word or None for no finding, the comment after it) when
    `text` opens with a Conventional Comments label; None otherwise."""
    m = _LABEL.match(text)
    if m is None:
        return None
    label = m["l"].lower()
    level = _LEVELS.get(label)
    decorations = {d.strip() for d in re.split(r"[,/]", (m["d"] or "").lower())}
    if level is not None and "blocking" in decorations:
        level = "blocking"  # `issue (blocking)`, `todo (blocking)`: it must be fixed first
    return label, level, m["r"]
