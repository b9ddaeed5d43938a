"""Untrusted text made safe to post on GitHub.

Finding titles and bodies come from model output about an untrusted change, so they may hold
`@user` mentions (which would ping people), raw HTML (`<img>`, `<details>`, comments), or our own
hidden markers (which would make a later round adopt the wrong comment). `markdown_neutral`
breaks every mention and escapes `<` outside code (code spans and fences, read as CommonMark
reads them, are left as written: GitHub neither renders HTML nor resolves mentions there), and a
fence the text leaves open is closed so it cannot swallow the rest of our comment.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview import markdown_fence
from deepreview.markdown_neutral import neutral, neutral_inline
from deepreview.markdown_untrusted import body_md

SUMMARY_MARKER: Final = "<!-- deep-review:summary -->"
FINDING_MARKER_PREFIX: Final = "<!-- deep-review:finding "
_FINGERPRINT: Final = re.compile(r"^v\d+:[0-9a-f]{8,64}$")


def finding_marker(fp: str) -> str:
    """The hidden first line of an inline comment; `fp` must be one of our fingerprints."""
    if not _FINGERPRINT.match(fp):
        raise ValueError(f"not a finding fingerprint: {fp!r}")
    return f"{FINDING_MARKER_PREFIX}{fp} -->"


def marker_fingerprint(body: str) -> str | None:
    """The fingerprint a comment body starts with, when it is one of our inline comments."""
    first = body.lstrip().split("\n", 1)[0].strip()
    if not first.startswith(FINDING_MARKER_PREFIX) or not first.endswith("-->"):
        return None
    fp = first.removeprefix(FINDING_MARKER_PREFIX).removesuffix("-->").strip()
    return fp if _FINGERPRINT.match(fp) else None


def is_summary(body: str) -> bool:
    """Our sticky comment starts with the marker; text that merely quotes it does not."""
    return body.lstrip().startswith(SUMMARY_MARKER)


MAX_INLINE: Final = 500


def inline_text(text: str) -> str:
    """One line of untrusted Markdown (a title): whitespace flattened, cut, neutralised."""
    flat = " ".join(text.split())
    return neutral_inline(flat if len(flat) <= MAX_INLINE else flat[: MAX_INLINE - 1] + "…")


# A body's headings go below the comment's own (`#### C1: title` in Details).
_BODY_TOP: Final = 5


def block_text(text: str) -> str:
    """Untrusted Markdown paragraphs and fences, neutralised; open fences closed; headings
    below ours and no setext underline, so a body cannot add a section to our comment."""
    return neutral(body_md(text, _BODY_TOP, html=False))


def code_span(text: str) -> str:
    """`text` as an inline code span (a path or line), whatever backticks it holds."""
    return markdown_fence.code_span(" ".join(text.split()))


__all__ = [
    "FINDING_MARKER_PREFIX",
    "SUMMARY_MARKER",
    "block_text",
    "code_span",
    "finding_marker",
    "inline_text",
    "is_summary",
    "marker_fingerprint",
]
