"""What a finding's first line says (`FindingHead`), and reading the tail of that line: the
locations, reviewers, tags and carried-forward rounds after its title, in any order.

`finding_line.py` recognises the line's shape (an ID, a `[TAG]`, a numbered or bulleted item, a
heading) and splits off the title; everything after it goes through `parse_tail` here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from deepreview.findings.closing_level import stressed_closing
from deepreview.findings.levels import (
    LABEL_PATTERN,
    TAG_PATTERN,
    label_level,
    severity_phrase,
    tag_level,
    without_phrase,
)
from deepreview.findings.locations import (
    join_line_words,
    lines_named,
    looks_like_path,
    parse_link,
    parse_location,
    parse_locations,
    quote_scratch_places,
    same_file_lines,
)
from deepreview.markdown_fence import code_span_text, code_spans
from deepreview.model import Location, Severity

VERIFICATION_WORDS = frozenset({"verified", "unverified", "reasoned", "added-by-lead"})

# The tail's tokens other than code spans, which `_tail_tokens` takes from
# `markdown_fence.code_spans` (any backtick length, CommonMark: ``back`tick.py:1`` keeps its
# backtick; a regex for them was quadratic on a long run of backticks).
_TAIL_TOKEN = re.compile(
    # a link, with the lines some seats write just after it (`[a.go](/home/x/a.go):12-30`)
    r"(?P<link>\[[^\[\]\n]*\]\([^)\s]*\)(?::L?\d+(?:[-–—]L?\d+)?(?::\d+)?(?![\w-]|\.\w))?)"
    r"|(?P<bracket>\[[^\[\]\n]+\])"
    r"|(?P<paren>\([^()\n]*\))"
    # (a middle dot parts the fields as a dash does: `**Title** · `a.py:3` · low`)
    r"|(?P<sep>(?:[\s,;:—–+&·]|-(?=\s)|\*\*|(?<=\s)(?:vs\.?|and)(?=\s))+)"
    r"|(?P<word>[^\s`\[\](),;]+)"
    r"|(?P<other>.)"  # a stray bracket or backtick: kept as leftover, never skipped
)
_BOLD_LEVEL_FIRST = re.compile(
    rf"^[ \t]*(?:[—–:,;]|-(?=[ \t]))[ \t]*(?:\*\*|__)(?P<w>{TAG_PATTERN})(?:\*\*|__)"
    r"(?=[ \t]*(?:$|[—–:,;.)]|-[ \t]))",
    re.IGNORECASE,
)
# `**Severity: high.**`, `**Severity:** High`, `_Severity: Nit_` closing the line (after a
# sentence, a place or a dash)
_BOLD_LEVEL_LAST = re.compile(
    r"(?:^|(?<=[.;!?)`—–:,])|(?<=[ \t]-))[ \t]*"
    rf"(?:(?P<m>\*\*|__|\*|_)(?:severity|priority)[ \t]*:[ \t]*(?P<w>{LABEL_PATTERN})\.?(?P=m)"
    rf"|(?:\*\*|__)(?:severity|priority)[ \t]*:(?:\*\*|__)[ \t]*(?P<w2>{LABEL_PATTERN})\.?)"
    r"[ \t.]*$",
    re.IGNORECASE,
)
_CARRY = re.compile(r"^Round\s+\d+\b", re.IGNORECASE)


@dataclass
class FindingHead:
    """What the first line of a finding says."""

    id: str | None
    title: str
    style: str  # "id" | "numbered" | "bracket"
    number: int | None = None
    severity: Severity | None = None  # from a tag or a `[CRITICAL]` marker
    level_word: str | None = None  # the word that gave `severity` (`high` may be ranked down)
    unrated: bool = False  # nothing gave a severity: taken as important (`make_draft`)
    classification: str | None = None
    verification: str | None = None
    carry_forward: str | None = None
    locations: list[Location] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    leftover: str = ""  # tail text that is none of the above
    # words beside a place in parentheses (`(a.py:30, the loop spins)`): the leftover's first
    aside: str = ""


_LINES_TOKEN = frozenset({"code", "word"})
_EMPTY_BRACKETS = re.compile(r"\([ \t]*\)|\[[ \t]*\]")


def parse_tail(head: FindingHead, tail: str, prefixes: tuple[str, ...]) -> None:
    leftover: list[str] = []
    spans: list[tuple[int, int]] = []  # where in `tail` each leftover word is
    tail = join_line_words(quote_scratch_places(unlabel_places(tail), prefixes))
    tail = _FILE_AND_MEMBER.sub(_file_then_member, tail)
    bold_level = _BOLD_LEVEL_FIRST.match(tail) if head.severity is None else None
    if bold_level is not None:
        # `1. Title — **High** — `a.py:3`. The loop…`: the level right after the title
        word = bold_level.group("w")
        head.severity, head.level_word = tag_level(word), word.lower()
        tail = tail[bold_level.end() :]
    closing_level = _BOLD_LEVEL_LAST.search(tail) if head.severity is None else None
    if closing_level is not None:
        # `- **Title** (`a.py:3`): the loop returns None. **Severity: high.**`
        word = closing_level.group("w") or closing_level.group("w2")
        head.severity, head.level_word = label_level(word), word.lower()
        tail = tail[: closing_level.start()]
    stressed = stressed_closing(tail) if head.severity is None else None
    if stressed is not None:
        # `1. **Title** (`a.py`): the retry never ends. **High.**`
        head.severity, head.level_word = tag_level(stressed[0]), stressed[0].lower()
        tail = tail[: stressed[1]]
    phrase = severity_phrase(tail) if head.severity is None else None
    if phrase is not None:
        # `(`a.py:3`) — severity: high. The slice…`, `(medium severity)`, `[priority: low]`
        word, start, end = phrase
        head.severity, head.level_word = label_level(word), word.lower()
        tail = _EMPTY_BRACKETS.sub(" ", without_phrase(tail, start, end))
    # The location just before: a bare `40-45` after `a.go:12,` is another range of that file.
    anchor: Location | None = None
    placed: list[tuple[int, int]] = []  # where each bare word that named a place is
    for kind, start, end in _tail_tokens(tail):
        tok = tail[start:end]
        if kind == "sep":
            continue
        before = len(leftover)
        more = _more_lines(anchor, tok) if anchor and kind in _LINES_TOKEN else None
        if more is not None:
            head.locations.append(more)
            continue
        anchor = None
        if kind == "code":
            inner = code_span_text(tok)
            locs = parse_locations(inner, prefixes, code=True)
            if locs:
                head.locations.extend(locs)
                anchor = locs[-1] if locs[-1].start is not None else None
            elif re.fullmatch(r"\[[^\[\]\n]+\]", inner):  # `[Claude Opus 4.6]` as code
                _bracket_token(head, inner[1:-1].strip(), leftover, tok)
            elif re.fullmatch(r"\([^()\n]*\)", inner):  # `(important, regression)` as code
                _paren_token(head, inner[1:-1].strip(), leftover, tok, prefixes)
            else:
                leftover.append(tok)
        elif kind == "link":
            loc = _link_location(tok, prefixes)
            if loc is not None:
                head.locations.append(loc)
                anchor = loc if loc.start is not None else None
            else:
                leftover.append(tok)
        elif kind == "bracket":
            _bracket_token(head, tok[1:-1].strip(), leftover, tok)
        elif kind == "paren":
            _paren_token(head, tok[1:-1].strip(), leftover, tok, prefixes)
        else:
            # `None.upper()`: a call, never a file
            loc = None if tail.startswith("(", end) else _word_location(tok, prefixes)
            if loc is not None:
                head.locations.append(loc)
                anchor = loc if loc.start is not None else None
                placed.append((start, end))
            else:
                leftover.append(tok)
        if len(leftover) > before and re.search(r"\w", tok):
            spans.append((start, end))
    # The leftover words as written, punctuation between them included (`sees an, then —`);
    # stray punctuation around them ("." after the title) is not worth keeping.
    spans = _in_sentence(tail, spans, placed)
    head.leftover = tail[spans[0][0] : spans[-1][1]].strip() if spans else ""
    if head.aside:
        head.leftover = f"{head.aside} {head.leftover}".strip()
    word = leftover[0].rstrip(".!") if len(leftover) == 1 else ""
    if head.severity is None and word and tag_level(word) is not None:
        # `**Title** (`a.py:3`) — High`, `… — minor.`: a level word is all that follows the title
        head.severity, head.level_word = tag_level(word), word.strip("*_").lower()
        head.leftover = ""


def _more_lines(anchor: Location, tok: str) -> Location | None:
    """More lines of the anchor's file: `40-45` after `a.go:12,`, and `:40-45` too, the
    colon kept from the place it shortens (`` `a.go:59-60`, `:120-122` ``)."""
    text = tok.strip("`").strip()
    if text.startswith(":") and tok.startswith("`"):
        text = text[1:]
    return same_file_lines(anchor, text)


# `(`upload.py`, `retry()`)`: the file and the function in it. The file is the place; the
# function's name stays in the text as a sentence says it (`in `retry()`: …`), not as a stray
# "`retry()`)" the parenthesis's tokens would leave.
_FILE_AND_MEMBER = re.compile(r"\((?P<file>`[^`\s]+`),[ \t]*(?P<name>`[^`\n]+`)\)")


def _file_then_member(m: re.Match[str]) -> str:
    if not looks_like_path(m.group("file").strip("`")):
        return m.group(0)
    return f"({m.group('file')}) in {m.group('name')}"


def _in_sentence(
    tail: str, spans: list[tuple[int, int]], placed: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The leftover's spans, widened to the bare places that are words of its sentence
    (`settings.py is never loaded`, `see settings.py`): a place stays in the text when only
    spaces part it from the leftover; after `:` or `—` it is the finding's label."""
    if not spans:
        return spans
    first, last = spans[0][0], spans[-1][1]
    for start, end in sorted(placed, reverse=True):
        if end <= first and not tail[end:first].strip():
            first = start
    for start, end in sorted(placed):
        if start >= last and not tail[last:start].strip():
            last = end
    return [(first, last)]


def _tail_tokens(tail: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each token of the tail, left to right: a code span where one
    starts, else `_TAIL_TOKEN`'s first alternative that matches there."""
    code = dict(code_spans(tail))
    pos = 0
    while pos < len(tail):
        end = code.get(pos)
        if end is not None:
            yield "code", pos, end
            pos = end
            continue
        m = _TAIL_TOKEN.match(tail, pos)
        if m is None or m.lastgroup is None:
            pos += 1  # (a character no alternative takes, as `finditer` skipped it)
            continue
        yield m.lastgroup, pos, m.end()
        pos = m.end()


_LINK_LINES = re.compile(
    r"^\[(?P<text>.*)\]\((?P<url>[^)\s]*)\)(?::(?P<lines>L?\d+(?:[-–—]L?\d+)?))?"
)


def _link_location(tok: str, prefixes: tuple[str, ...]) -> Location | None:
    """A link token's place: the link's own, with the lines written right after it
    (`[a.go](/home/x/a.go):12-30`) when the link has none, or only their first."""
    m = _LINK_LINES.match(tok)
    loc = parse_link(m.group("text"), m.group("url"), prefixes) if m else None
    if loc is None or m is None or m.group("lines") is None:
        return loc
    after = same_file_lines(loc, m.group("lines"))
    if after is not None and (loc.start is None or loc.start == after.start):
        return after
    return loc


def _word_location(tok: str, prefixes: tuple[str, ...]) -> Location | None:
    """A bare word naming a place: `a.py:3`, `src\\a.py:3`, or a GitHub blob URL (`https://…/blob/main/a.py#L3`)
    pasted without link syntax."""
    if tok.startswith(("https://", "http://")):
        return parse_link("", tok.rstrip(".:"), prefixes)
    if _SENTENCE_END.search(tok):
        tok = tok.rstrip(".,;:!?")  # `broken at a.py:3.`, `at a.py:3: it …`
    if "\\" in tok:  # `src\\a.py:3`, a Windows path written bare
        return parse_location(tok, prefixes)
    lined = re.search(r":L?\d", tok) is not None
    path = tok.split(":")[0]
    return parse_location(tok, prefixes) if looks_like_path(path, any_extension=lined) else None


# A bare place that ends its sentence or clause: the punctuation is the sentence's, not the place's.
_SENTENCE_END = re.compile(r":\d+(?:-\d+)?[.,;:!?]+$")


def _bracket_token(head: FindingHead, inner: str, leftover: list[str], tok: str) -> None:
    word = inner.lower()
    if tag_level(word) is not None and head.severity is None:
        head.severity, head.level_word = tag_level(word), word
        return
    # `[Claude, Codex]`, `[Claude & Codex]`, `[Claude and Codex]`
    names = [n.strip() for n in re.split(r",|&|\s+and\s+|;", inner) if n.strip()]
    if names and all(re.search(r"[A-Za-z]", n) for n in names):
        head.reviewers.extend(n for n in names if n not in head.reviewers)
    else:
        leftover.append(tok)


# `(see `a.go:12`)`, `(also `b.go:3`, `c.go:9`)`: a parenthesis that only adds places to the
# finding's (the same problem at more places, as `a.go:1 and b.go:2` would).
_PLACE_LEAD_WORDS = frozenset({"", "see", "in", "at", "also", "see also", "also in", "also at"})


def _paren_token(
    head: FindingHead, inner: str, leftover: list[str], tok: str, prefixes: tuple[str, ...] = ()
) -> None:
    if _CARRY.match(inner):
        head.carry_forward = inner
        return
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    at = tag_part(parts)
    if at is not None:
        head.severity, head.level_word = tag_level(parts[at]), parts[at].lower()
        rest = parts[:at] + parts[at + 1 :]
        if rest and rest[-1].lower() in VERIFICATION_WORDS:
            head.verification = rest.pop().lower()
        if rest:
            head.classification = ", ".join(rest)
        return
    last = head.locations[-1] if head.locations else None
    if (
        last is not None
        and last.start is None
        and (lines := same_file_lines(last, inner, worded=True))
    ):
        head.locations[-1] = lines  # `a.py` (lines 3-5)
        return
    # `**Title** (`a.go:12`)`, `(see `a.go:12`, `b.go:3`)`: places in parentheses.
    if "(" not in inner:
        places = FindingHead(id=None, title="", style="table")
        parse_tail(places, inner, prefixes)
        if places.locations and places.leftover.lower() in _PLACE_LEAD_WORDS:
            head.locations.extend(places.locations)
            if head.severity is None and places.severity is not None:
                # `(`b.py:2`, low)`: the level word beside the place
                head.severity, head.level_word = places.severity, places.level_word
            return
        aside = _placed_aside(inner, prefixes)
        if aside:
            head.locations.extend(aside[0])
            # `(a.py:30, high, the loop spins)`: its words the finding's first words of text
            head.aside = " ".join(w for w in (head.aside, _aside_level(head, aside[1])) if w)
            return
    leftover.append(tok)


# `(`a.py:10`, used at line 14)`: a place first, then words about it after a comma; the lines
# they name are more lines of that file.


def _placed_aside(inner: str, prefixes: tuple[str, ...]) -> tuple[list[Location], str] | None:
    """The places of a parenthesis that opens with a place and goes on with an aside about it
    (`(`a.py:10`, used at line 14)`, `(`a.py:10`, the second branch)`), and the aside's words
    when they name no more lines; None otherwise."""
    first, comma, aside = inner.partition(",")
    if not comma or not aside.strip():
        return None
    lead = FindingHead(id=None, title="", style="table")
    parse_tail(lead, first, prefixes)
    if not lead.locations or lead.leftover:
        return None
    more = lines_named(lead.locations[-1], aside)
    return [*lead.locations, *more], "" if more else aside.strip()


def _aside_level(head: FindingHead, aside: str) -> str:
    """`high, the loop spins` beside a place in parentheses: its level word (one part of its
    own, when nothing else gave the finding one) sets the level; the rest, the words said
    about the place, is returned: the finding's first words of text, never dropped."""
    parts = [p.strip() for p in aside.split(",")]
    at = next((k for k, p in enumerate(parts) if tag_level(p) is not None), None)
    if at is None or head.severity is not None:
        return aside
    head.severity, head.level_word = tag_level(parts[at]), parts[at].strip("*_`").lower()
    return ", ".join(p for k, p in enumerate(parts) if k != at and p)


KIND_WORD = re.compile(r"^[A-Za-z][\w-]{0,24}$")


def tag_part(parts: list[str]) -> int | None:
    """Which part of a `(…, …)` tag is the level: the first (`(important, gap)`), or any one
    when the others are single words, a kind first (`(bug, high)`, `(security, critical)`).
    Not a sentence that happens to hold a level word (`(see above, low priority)`)."""
    if parts and tag_level(parts[0]) is not None:
        return 0
    levels = [k for k, p in enumerate(parts) if tag_level(p) is not None]
    if len(levels) == 1 and all(KIND_WORD.match(p) for p in parts):
        return levels[0]
    return None


def locations_in(text: str, prefixes: tuple[str, ...] = ()) -> list[Location]:
    """Every location named in a piece of text (a table cell, a `File:` line)."""
    head = FindingHead(id=None, title="", style="table")
    parse_tail(head, text, prefixes)
    return head.locations


# A place's labels on a finding's first line (`**File:** `a.py` **Lines:** 13-17`, `File: a.py,
# Lines: 3-4`, `Location: `a.py:3``): the labels are no words of the finding, and the lines
# after `Lines:` are the file's (`a.py` lines 13-17).
# (Every blank run possessive: two runs side by side, or one before a failing lookahead, were
# tried at every split of a long run of blanks.)
# A label is a word of its own, a blank or `**` after its colon: `file:///etc/hosts` is a URL.
_FILE_LABEL = (
    r"(?:\*\*|__)?(?<![\w(\[/:.-])(?:files?|locations?|paths?)[ \t]*+"
    r"(?:(?:\*\*|__)[ \t]*+:|:(?=[ \t*_])[ \t]*+(?:\*\*|__)?)[ \t]*+"
)
_PLACE_LABEL = re.compile(
    rf"{_FILE_LABEL}(?=[`\[]|[\w.-]*/|\w[\w-]*\.\w)"
    r"|(?:\*\*|__)?(?<![\w(\[/:.-])(?P<l>lines?)[ \t]*+"
    r"(?:(?:\*\*|__)[ \t]*+:|:(?=[ \t*_])[ \t]*+(?:\*\*|__)?)[ \t]*+"
    r"(?=L?\d)",
    re.IGNORECASE,
)
# Where such labels start inside a title (`Race on counter **File:** `a.py``).
_TITLE_LABEL = re.compile(rf"(?<=\S)(?:[ \t]*+[—–,;.-])?[ \t]++(?={_FILE_LABEL})", re.IGNORECASE)


def unlabel_places(text: str) -> str:
    """`text` with its place labels as plain places (`_PLACE_LABEL`)."""
    if ":" not in text:
        return text
    return _PLACE_LABEL.sub(lambda m: " lines " if m.group("l") else " ", text)


def place_label_at(title: str, prefixes: tuple[str, ...] = ()) -> int | None:
    """Where a title's place labels start (`Use f-strings File: `a.py:7``): from the first
    `File:` / `Location:` label that a place follows; None when there is none."""
    for m in _TITLE_LABEL.finditer(title):
        if locations_in(title[m.end() :], prefixes):
            return m.start()
    return None
