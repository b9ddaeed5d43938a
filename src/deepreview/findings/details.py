"""Findings folded into HTML `<details>` blocks: open the folds into plain Markdown.

Agents fold long findings, or whole severity sections, behind a disclosure widget:

    <details>
    <summary><b>[High] Batch window never closes</b> — <code>sched/batch.go:40</code></summary>

    When the queue is idle …
    </details>

The review parser reads Markdown, not HTML (markdown-it's HTML blocks are off so a stray `<!--`
cannot hide sections), so such a finding was never read.  Here the `<details>` / `</details>`
tags become blank lines and each `<summary>` becomes what its text is: a section heading when
it names a section (`🔵 Minor nits (2)`, `Show 2 suggestions`), a line of text when it only
labels the fold (`Click to see the diff`; nothing for a bare `Details`), otherwise a heading
one level below the enclosing one, so its text is a finding's title and the fold's content
that finding's body.

Only these two tags and a handful of inline tags inside a summary (`<b>`, `<code>`, …) are
touched, outside code blocks; any other HTML stays as inert text (never obeyed, never
rendered), and nothing is taken from attributes. A fold opens only where its tag starts the line
(as an HTML block does): `… and also <details><summary>x</summary>.` inside a paragraph is the
seat's text, kept as written, not a heading.
"""

from __future__ import annotations

import html
import re
from typing import Final

from deepreview.findings.blocks import classify_heading
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.finding_line import is_strong_start, parse_head
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.section_titles import Kind
from deepreview.markdown_fence import without_code_spans

_DETAILS_TAG: Final = re.compile(r"</?details\b[^>]*>", re.IGNORECASE)
_SUMMARY_OPEN: Final = re.compile(r"<summary\b[^>]*>", re.IGNORECASE)
_SUMMARY_CLOSE: Final = re.compile(r"</summary\s*>", re.IGNORECASE)
_ATX: Final = re.compile(r"^ {0,3}(#{1,6})[ \t]+\S")
# A line a fold opens on: its first text (after any list marker or `>`) is a `<details>` or
# `<summary>` tag, where CommonMark starts an HTML block.
_OPENS_LINE: Final = re.compile(
    rf"^\s*(?:{LIST_MARKER}\s+|>\s*)*<(?:details|summary)\b", re.IGNORECASE
)
_SUMMARY_SPAN: Final = 6  # lines a `<summary>` may take before its `</summary>`
# Inline tags a summary uses for emphasis, as Markdown; every other tag is dropped, text kept.
_INLINE: Final = (
    (re.compile(r"</?(?:b|strong)\s*>", re.IGNORECASE), "**"),
    (re.compile(r"</?(?:i|em)\s*>", re.IGNORECASE), "*"),
    (re.compile(r"</?(?:code|kbd|tt)\s*>", re.IGNORECASE), "`"),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
)
_ANY_TAG: Final = re.compile(r"</?[A-Za-z][^<>]*>")
# A summary that only labels the fold: `Click to expand`, `Show 2 suggestions`, `Details`.
# (Words from a fixed list, so the pattern cannot backtrack badly on a long summary.)
_FOLD_VERB: Final = re.compile(
    r"^\W*(?:(?:click|tap|show|hide|expand|view|see|toggle|open|read|here|to|for|the|all|me)"
    r"\b\W*)+(?:\(?\d+\)?[ \t]+)?",
    re.IGNORECASE,
)
_FOLD_ONLY: Final = re.compile(
    r"^\W*(?:details?|more|full (?:details|text|review|analysis)|expand|click to expand)\W*$",
    re.IGNORECASE,
)


def open_details(lines: list[str], held: list[bool] | None = None) -> list[str] | None:
    """The lines with every `<details>` fold opened, or None when the text has none; `held`
    lines (quoted inside a finding, `quoted_text`) are left as written."""
    if not any(_DETAILS_TAG.search(without_code_spans(line)) for line in lines):
        return None
    mask = fence_mask(lines)
    if held is not None:
        mask = [a or b for a, b in zip(mask, held, strict=True)]
    out = list(lines)
    level = 1  # the level of the heading the next line sits under
    saved: list[int] = []  # `level` at each open `<details>`: a fold's headings end with it
    i = 0
    while i < len(out):
        line = out[i]
        if mask[i]:
            i += 1
            continue
        atx = _ATX.match(line)
        if atx:
            level = len(atx.group(1))
        prose = without_code_spans(line)  # "wrap it in `<details>`" names the tag, no fold
        opened = [m.group(0) for m in _DETAILS_TAG.finditer(prose)]
        summary = _SUMMARY_OPEN.search(prose)
        opens = summary is not None or any(not t.startswith("</") for t in opened)
        if opens and not _OPENS_LINE.match(prose):
            i += 1  # tags inside a line of text: the seat's words, not a fold
            continue
        if not opened and summary is None:
            i += 1
            continue
        for tag in opened:
            if not tag.startswith("</"):
                saved.append(level)
        end = i
        if summary is not None:
            end = _summary_end(out, mask, i)
            text = " ".join(out[i : end + 1])
            for k in range(i + 1, end + 1):
                out[k] = ""
            line = _summary_line(text, level, labels=_finding_follows(out, mask, end + 1))
            m = _ATX.match(line)
            if m:
                level = len(m.group(1))
        indent = line[: len(line) - len(line.lstrip())]
        rest = _DETAILS_TAG.sub("", line).strip()
        out[i] = indent + rest if rest else ""
        for tag in opened:
            if tag.startswith("</") and saved:
                level = saved.pop()
        i = end + 1
    return out


def _summary_end(lines: list[str], mask: list[bool], i: int) -> int:
    """The line with the `</summary>` of the summary opened on line `i` (`i` when none)."""
    for k in range(i, min(len(lines), i + _SUMMARY_SPAN)):
        if mask[k]:
            break
        if _SUMMARY_CLOSE.search(lines[k]):
            return k
    return i


def _finding_follows(lines: list[str], mask: list[bool], start: int) -> bool:
    """The fold's first line of text (from `start`, before its `</details>`) opens a finding
    written out in full (`- **C1** `a.py:2` — …`, `1. **Title** (`a.py:2`)`)."""
    for k in range(start, len(lines)):
        line = lines[k]
        if not line.strip():
            continue
        if mask[k] or _DETAILS_TAG.search(line):
            return False
        if is_strong_start(line):
            return True
        head = parse_head(line, numbered=True, bulleted=True)
        return head is not None and bool(head.locations or head.id)
    return False


def _summary_line(text: str, level: int, *, labels: bool = False) -> str:
    """The line a `<summary>…</summary>` (with any details tags around it) stands for;
    `labels`: the fold holds a finding written out in full, so a summary that names no section
    is only its label (`<summary>C1 calc.py:2</summary>`), not a second finding."""
    before, _, rest = _split(_SUMMARY_OPEN, text)
    inner, _, after = _split(_SUMMARY_CLOSE, rest)
    title = _inline_markdown(inner)
    # text around the summary on its line (`<details><summary>…</summary> text`), tags kept
    # for the caller to drop
    outside = f"{before} {after}".strip()
    if not title or _FOLD_ONLY.match(title):
        return outside
    named = _section_named(title)
    if named is not None:
        # `🔵 Minor nits (2)`, `Show 2 suggestions`: the fold is a section of that level
        return f"{'#' * min(level + 1, 6)} {named}"
    if labels:
        return outside
    if _FOLD_VERB.match(title):
        # `Click to see the diff I tested with`: the fold's label, kept as a line of text, so
        # a list of findings before it ends there
        return f"{title} {outside}".strip()
    return f"{'#' * min(level + 1, 6)} {title}" + (f" {outside}" if outside else "")


def _split(rx: re.Pattern[str], text: str) -> tuple[str, str, str]:
    m = rx.search(text)
    return (text, "", "") if m is None else (text[: m.start()], m.group(0), text[m.end() :])


def _section_named(title: str) -> str | None:
    """The section title a summary names (`Minor nits (2)`, `Show 3 suggestions`), or None."""
    for candidate in (title, _without_fold_words(title)):
        if not candidate:
            continue
        h = classify_heading(f"### {candidate}")
        if h is not None and h.kind is not Kind.OTHER:
            return candidate
    return None


def _without_fold_words(title: str) -> str:
    m = _FOLD_VERB.match(title)
    return title[m.end() :].strip() if m else ""


def _inline_markdown(fragment: str) -> str:
    text = fragment
    for rx, mark in _INLINE:
        text = rx.sub(mark, text)
    text = _ANY_TAG.sub("", text)
    return " ".join(html.unescape(text).split())
