"""A finding opened by its level instead of an ID: `[CRITICAL] path:12 — Title`,
`**[P1]** Title — `a.py:8``, `**CRITICAL** file.go:58 — Title` (`finding_line.parse_head`
recognises the line; here its title and places are read, the place on either side of the title).
"""

from __future__ import annotations

import re

from deepreview.findings.closing_places import closing_place
from deepreview.findings.head import FindingHead, parse_tail
from deepreview.findings.levels import tag_level
from deepreview.findings.locations import join_line_words
from deepreview.findings.place_led import SPLIT as _SPLIT
from deepreview.findings.place_led import all_locations
from deepreview.findings.sentence_places import paren_place_then_text, sentence_place
from deepreview.findings.title_tail import bold_close

# (a title may open with code: `- [P1] a.py:10 `load()` runs at import`)
LEADING_SPAN = re.compile(r"^(?P<span>`[^`\n]+`|[^\s`]+)[ \t]+(?P<title>\S.*)$")
# A bare word is a place before a title only with its line (`src/app.py:7 SQL injection`).
PLACE_WITH_LINE = re.compile(r"[^\s`:]+:L?\d+(?:[-–]L?\d+)?")


def bracket_head(m: re.Match[str], prefixes: tuple[str, ...]) -> FindingHead:
    """`[HIGH] Title`, `**[HIGH] Title** — `a.py:3``, `**[HIGH]** Title`: the bold span, when the
    tag opens it, ends where the title does."""
    rest = m.group("rest")
    tail = ""
    if m.group("open") and not m.group("close"):
        end = bold_close(rest, 0)
        if end != -1:
            rest, tail = rest[:end], rest[end + 2 :]
    elif m.group("open") and rest.startswith("**"):
        rest = rest[2:]
    return severity_head(m.group("sev"), rest, prefixes, tail)


def severity_head(sev: str, rest: str, prefixes: tuple[str, ...], tail: str = "") -> FindingHead:
    """`[CRITICAL] path:12 — Title` / `**CRITICAL** Title — path:12`: locations on either side."""
    head = FindingHead(id=None, title="", style="bracket")
    head.severity, head.level_word = tag_level(sev), sev.lower()
    if rest.startswith("**"):
        end = bold_close(rest, 2)
        if end > 2:
            head.title = rest[2:end].strip()
            parse_tail(head, rest[end + 2 :] + " " + tail, prefixes)
            return head
    text = rest.strip().rstrip("*").strip()
    parts = _SPLIT.split(text, maxsplit=1)
    if len(parts) == 2:
        left, right = parts
        if all_locations(left, prefixes):
            head.title = right.strip().removesuffix(".").rstrip()
            parse_tail(head, left + " " + tail, prefixes)
            return head
        # the place after the LAST separator: a title may hold a colon or a dash of its own
        # (`[P2] retry: errors are swallowed — web/api.ts:9`)
        last = _last_split(text)
        if last is not None and all_locations(join_line_words(last[1]), prefixes):
            # (`… — `a.py` L2`: the file and its line in words are one place)
            right = join_line_words(last[1])
            left = last[0]
        if all_locations(right, prefixes):
            head.title = left.strip()
            parse_tail(head, right + " " + tail, prefixes)
            return head
    lead = LEADING_SPAN.match(text)
    if (
        lead
        and PLACE_WITH_LINE.fullmatch(lead.group("span"))
        and all_locations(lead.group("span"), prefixes)
    ):
        # `- [high] src/a.py:2 dict(p) raises …`: a bare place with its line, a blank, the title
        head.title = lead.group("title").strip().removesuffix(".").rstrip()
        parse_tail(head, lead.group("span") + " " + tail, prefixes)
        return head
    head.title = rest.strip().rstrip("*").strip()
    parse_tail(head, tail, prefixes)
    paren_place_then_text(head, prefixes)  # `**[P0]** Title — `a.py:8`. Explanation.`
    closing_place(head, prefixes)  # `**High** — Title (line 8 of a.py, the loop …)`
    sentence_place(head, prefixes)  # `[P1] the loop (a.py:8) never ends`
    return head


def _last_split(text: str) -> tuple[str, str] | None:
    """`text` cut at its last separator (` — `, ` - `, `: `), or None when it has none."""
    last = None
    for last in _SPLIT.finditer(text):  # noqa: B007 - the last match is the one wanted
        pass
    return None if last is None else (text[: last.start()], text[last.end() :])
