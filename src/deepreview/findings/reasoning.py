"""A reasoning model's thinking printed before its answer.

Local reasoning models (Qwen3, DeepSeek-R1 and the like, served through opencode or an API)
print their chain of thought first: `<think>…</think>` (also `<thinking>`, `<reasoning>`), or,
through ollama's command line, `Thinking...` … `...done thinking.`. That text is the model
talking to itself: a finding it drafts there and then drops is no finding, and a worry it mulls
over there is not its answer. Only such blocks that open the output are set aside (a tag
inside the review is the review's text), and only when they close: an output that is all
unclosed thinking is a review cut off, as before. The seat's output is kept whole for the
appendix; only the reading skips the thinking.
"""

from __future__ import annotations

import re
from typing import Final

# `<think>` … `</think>` opening the output (after blank lines), its closing tag anywhere after
_TAGGED: Final = re.compile(
    r"\A\s*<(?P<tag>think|thinking|reasoning)>.*?</(?P=tag)>[ \t]*(?:\n|\Z)",
    re.IGNORECASE | re.DOTALL,
)
# ollama's `Thinking...` line, its thinking, then `...done thinking.` on a line of its own
_OLLAMA: Final = re.compile(
    r"\A\s*Thinking\.\.\.[ \t]*\n.*?\n\.\.\.done thinking\.[ \t]*(?:\n|\Z)", re.DOTALL
)


def without_reasoning(text: str) -> str:
    """`text` without the thinking blocks that open it (`text` itself when none does)."""
    out = text
    while (m := _TAGGED.match(out) or _OLLAMA.match(out)) is not None:
        out = out[m.end() :]
    return out
