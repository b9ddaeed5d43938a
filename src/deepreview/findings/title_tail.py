"""A finding's first line cut into its title and its tail (places, reviewers, tags): the
title's own end, found from the separators, tags and labels that open the tail."""

from __future__ import annotations

import re

from deepreview.findings.head import FindingHead, parse_tail, place_label_at
from deepreview.findings.levels import LABEL_PATTERN, TAG_PATTERN
from deepreview.findings.title_tags import title_tag

# `(**high**)`, `[high]`, or `— **high**` at the end of the title. Searched from the start of a
# blank run only (`(?<![ \t])`), its runs taken whole: from every blank, each try scanned the
# rest of the run (25 s on a heading's title with 20 KB of blanks). Same match: one starting
# inside a run, or at a `(` after one, also starts at the run's first blank, tried first.
TRAILING_TAG = re.compile(
    rf"(?<![ \t])(?:[ \t]*+[(\[](?:\*\*|__)?(?:(?:severity|priority)[ \t]*[:=][ \t]*)?"
    rf"(?P<w>{TAG_PATTERN})(?:\*\*|__)?[)\]]"
    rf"|[ \t]++[—–-][ \t]++(?P<b>\*\*|__|\*|_)(?P<w2>{TAG_PATTERN})(?P=b))[ \t.]*$",
    re.IGNORECASE,
)


def bold_close(s: str, start: int) -> int:
    """Index of the `**` that closes bold text opened before `start`, skipping code spans."""
    i = start
    while i < len(s) - 1:
        if s[i] == "`":
            j = s.find("`", i + 1)
            if j == -1:
                return s.find("**", i + 1)
            i = j + 1
            continue
        if s.startswith("**", i):
            return i
        i += 1
    return -1


def fill_head(head: FindingHead, rest: str, prefixes: tuple[str, ...]) -> None:
    """Split `rest` into the title and the tail (locations, reviewers, tags)."""
    if rest.startswith("**"):
        end = bold_close(rest, 2)
        if end > 2:
            title, tail = rest[2:end].strip(), rest[end + 2 :]
            if title.startswith("*") and tail.startswith("*"):
                title, tail = title[1:].strip(), tail[1:]  # `***Title***`: bold and italic
            label = place_label_at(title, prefixes)
            if label is not None:  # `**Use f-strings (nit) File: `a.py:7`**`
                title, tail = title[:label].rstrip(), f"{title[label:]} {tail}"
            at = title_tag(title)
            if at is None:
                # `**1. SQL injection (Critical)**`: the level alone inside the bold title
                tag = TRAILING_TAG.search(title)
                at = tag.start() if tag is not None and tag.start() > 0 else None
            if at is not None:  # `**Title (important, gap)** — `a.go:3``
                title, tail = title[:at].rstrip(), f"{title[at:]} {tail}"
            head.title = title
            parse_tail(head, tail, prefixes)
            return
        rest = rest[2:]
    cut = len(rest)
    # Each from the start of a blank run only (`(?<![ \t])`): what follows the run is never a
    # blank, so a later start in the run matches no sooner, and one from every blank scanned
    # the rest of the run (quadratic: a heading's title of 200 KB of tabs).
    for rx in (
        r"(?<![ \t])[ \t]+[—–][ \t]+",
        r"(?<![ \t])[ \t]+(?:--?|·)[ \t]+(?=[`\[(])",  # `Title · `a.py:3``
        # `(important, gap)`, `(bug, high)`: a tag opens the tail, its level first or second
        rf"(?<![ \t])[ \t]+`?\((?:(?:[A-Za-z][\w-]{{0,24}},[ \t]*)?(?:\*\*|__)?(?:{TAG_PATTERN})"
        rf"|(?:severity|priority)[ \t]*:[ \t]*(?:\*\*|__)?(?:{LABEL_PATTERN}))"
        r"(?:\*\*|__)?(?=[ \t]*[,)])",
    ):
        m = re.search(rx, rest, re.IGNORECASE)
        if m and m.start() < cut:
            cut = m.start()
    cut = min(cut, bracket_cut(rest))
    label = place_label_at(rest[:cut], prefixes)
    if label is not None:  # `Race on counter **File:** `a.py` **Lines:** 40-44`
        cut = label
    head.title = rest[:cut].strip().strip("*").strip()
    link = _LINK_AT.match(rest, cut)
    if link is not None and _ENDS_IN_LEAD_WORD.search(head.title):
        # `consider `x`. See [a.py](a.py#L3).`: the link is a word of the title's sentence; its
        # place still goes to the tail
        head.title = f"{head.title} {link.group('text').strip()}"
    parse_tail(head, rest[cut:], prefixes)


_LINK_AT = re.compile(r"[ \t]+\[(?P<text>[^\[\]\n]+)\]\(")
_ENDS_IN_LEAD_WORD = re.compile(r"(?:^|\s)(?:see|in|at|on|of)$", re.IGNORECASE)


_BLANKS_BRACKET = re.compile(r"(?<![ \t])[ \t]++\[")
_TAG_END = re.compile(r"[ \t]*+(?:\(|\n?\Z)")


def bracket_cut(rest: str) -> int:
    """Where a bracketed tag opens the tail (` [high]`, ` [a.py:3] (…)`): the first match of
    `(?<![ \\t])[ \\t]+\\[[^\\]]+\\][ \\t]*(?:\\(|$)`, else `len(rest)`. Each try of that
    regex scanned to the next `]` (quadratic in ` [` without one after); a try only depends on
    that `]`, found once for all the `[` before it."""
    close = -1
    for m in _BLANKS_BRACKET.finditer(rest):
        opening = m.end() - 1
        if close <= opening:
            close = rest.find("]", opening + 1)
            if close == -1:
                break
        if close > opening + 1 and _TAG_END.match(rest, close + 1):
            return m.start()
    return len(rest)
