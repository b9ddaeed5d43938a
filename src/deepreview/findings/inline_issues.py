"""Problems told in one paragraph opened by a label: `Issues: `save()` in `a.py` (line 40) …;
that is the important one. Also, `b.py:88` … (minor, …). Finally a nit: `docs/x.md` …`.

No list or section holds them, and the paragraph read as one passage is one finding at its
first place. The label says what follows are problems, each told from the sentence that names
its place to the next such sentence (`Also,`, `Finally`); the level is the one its words say in
passing (`the important one`, `(minor, …)`, `a nit:`), else none given. The paragraph is made
the label's line and a list of tagged items (`- [minor] Also, `b.py:88` …`), a shape the
findings reader knows. Only when every problem names a place (a file in a code span) and the
paragraph does not say there is none (`Issues: none.`).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.none_statements import says_none

_LABEL: Final = re.compile(
    r"^(?P<label>(?:\*\*|__)?(?:issues|problems|concerns|findings)(?:\*\*|__)?[ \t]*:"
    r"(?:\*\*|__)?)[ \t]+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_PLACE: Final = re.compile(r"`[\w./-]+\.\w{1,10}(?::\d+(?:[-–]\d+)?)?`")
_SENTENCE_END: Final = re.compile(r"(?<=[.;!?])\s+(?=[A-Z`])")
_LEVEL: Final = re.compile(
    r"\b(?P<w>nit(?:pick)?|trivial|minor|important|major|serious|critical|blocking)\b",
    re.IGNORECASE,
)
_TAGS: Final = {
    "nit": "nit", "nitpick": "nit", "trivial": "nit", "minor": "minor", "important": "important",
    "major": "important", "serious": "important", "critical": "critical", "blocking": "critical",
}  # fmt: skip


def open_inline_issues(lines: list[str], mask: list[bool]) -> list[str] | None:
    """The lines with each such paragraph made its label and a list of tagged items, or None
    when the review has none."""
    out: list[str] = []
    changed = False
    i = 0
    while i < len(lines):
        m = None if mask[i] else _LABEL.match(lines[i])
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        k = i + 1
        while k < len(lines) and not mask[k] and lines[k].strip() and not _starts_block(lines[k]):
            k += 1
        told = " ".join([m["rest"], *(ln.strip() for ln in lines[i + 1 : k])])
        items = _problems(told)
        if items is None:
            out.extend(lines[i:k])
        else:
            out.append(m["label"])
            out.extend(items)
            changed = True
        i = k
    return out if changed else None


def _starts_block(line: str) -> bool:
    return line.lstrip().startswith(("#", "-", "*", "+", "|", ">", "```"))


def _problems(told: str) -> list[str] | None:
    """Each problem of the paragraph as a tagged list item, or None when it is no such list."""
    if says_none(told):
        return None
    groups: list[list[str]] = []
    for sentence in _SENTENCE_END.split(told):
        if _PLACE.search(sentence) or not groups:
            groups.append([sentence])
        else:
            groups[-1].append(sentence)
    if not all(_PLACE.search(g[0]) for g in groups):
        return None
    items = []
    for group in groups:
        text = " ".join(group)
        level = _LEVEL.search(text)
        tag = f"[{_TAGS[level['w'].lower()]}] " if level else ""
        items.append(f"- {tag}{text}")
    return items
