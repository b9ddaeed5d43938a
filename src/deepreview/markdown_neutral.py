"""Untrusted Markdown that pings nobody, links no other thread and renders no HTML, wherever
it is shown.

Seat text (titles, bodies, whole reviews) and PR text (title, commit subjects) end up in the
Markdown report and in comments on GitHub. There, `@user` would ping people, `#123`, `GH-123`
and `owner/repo#123` would autolink and put a cross-reference event in issue or PR 123 (noise in
someone else's thread, from untrusted text), and raw HTML (`<img>`, `<details>`,
`<!-- marker -->`) would render or hide our own structure. `neutral` breaks every mention and
reference with an invisible word joiner (`@\u2060name` is no mention, nor is
`@\u2060&#111;ctocat`; `#\u2060123` and `GH-\u2060123` link nothing), writes `<` as `&lt;`,
and writes a character reference that would spell part of a mention or reference (`&#64;`,
`&#35;`, `&#45;`, a `G` or `H`) as typed, its own `#` broken (`&amp;#\u206064;`), everywhere
but in code: fenced code blocks and code spans are kept exactly as written, since GitHub
neither renders HTML nor resolves mentions or references there.

Which text is code is read the way CommonMark reads it, from markdown-it's own tokens (a
backslash-escaped backtick opens no code span; a span closes only at a backtick run of the same
length), never from a pattern of ours. The result is then parsed again as GitHub would render it
(HTML on); should anything still be live there, the text is neutralised again with fewer code
spans kept, down to none at all. The output is stable: `neutral(neutral(t)) == neutral(t)`.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from deepreview.markdown_fence import unclosed_ticks_escaped
from deepreview.markdown_linkscan import fast_links

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_WJ: Final = "\u2060"  # word joiner: invisible, and `@\u2060name` is no mention
# `@` before a login character, or before a character reference that may decode to one.
_MENTION: Final = re.compile(r"@(?=[A-Za-z0-9_-]|&#|&[A-Za-z])")
_LIVE_MENTION: Final = re.compile(r"@[A-Za-z0-9]")  # a login starts with one
_LIVE_REFERENCE: Final = re.compile(r"#[0-9]|(?i:gh)-[0-9]")  # as GitHub's filter sees text
# In prose, left to right: the `#` or `GH-` of a cross-reference (escaped or not: `\#1` shows
# `#1`), before a digit or a character reference that may decode to one, or a `<` (written
# `&lt;` below: joined now, so a second pass changes nothing) (a joiner follows it);
# a backslash escape (already literal: `\<` shows `<`, kept); a CommonMark character reference
# (one that decodes to a character of `_SPELLING` would spell a mention or reference once
# rendered, so its `&` is written `&amp;` and it shows as typed); a `<`; the `!` of an image
# (`![`: a remote image loads when the report is viewed); or the `]` of a link or link reference
# definition whose destination is not written `http(s)://…`, `#…` or `/…` (`javascript:`, `data:`,
# one spelled with a character reference or escape, or one in angle brackets, whose `<` is
# written `&lt;`, so it would be read as spelled so on a second pass): a backslash after either
# shows the text as written and makes it no image, link or definition.
_HAZARD: Final = re.compile(
    r"(?P<ref>\\?#|(?i:gh)\\?-)(?=[0-9]|&#|&[A-Za-z]|<)"
    r"|\\[!-/:-@\[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|<"
    r"|(?P<link>!(?=\[)|\](?=[(:](?![ \t]*(?i:https?://|[#/]))))"
)
# A destination left live: the web, a fragment, or a path (a seat links the files it read).
_WEB_LINK: Final = re.compile(r"(?i)https?://|[#/]")
_SPELLING: Final = frozenset("@#-GHgh")
_NUMBERED: Final = re.compile(r"^#(?=[0-9])")  # a numeric reference's `#`
_SPANS: Final = "deepreview_code_spans"  # env key: inline source -> its code spans
# Many `[` (hostile: a 100 KB review of them) cost markdown-it a link-label scan each, nested
# up to its nesting limit: seconds per parse, and a report parses its text about ten times.
# `_parseable` reads as `_INERT` (one punctuation character for another: same offsets, same
# emphasis flanking, no label) every `[` no `]` follows in its paragraph (it can open nothing),
# and all but the last `_KEPT` of a long run (markdown-it makes no link of a label nested that
# deep; GitHub may: a destination is defused by `_HAZARD`, which reads the text as written).
_KEPT: Final = 32
_BRACKET_RUN: Final = re.compile(rf"(?<!\\)\[{{{_KEPT + 1},}}")
_OPEN: Final = re.compile(r"(?<!\\)\[")  # `\[` is an escape: kept as written
_INERT: Final = "\u2045"  # ⁅, Unicode punctuation as `[` is, and nothing to markdown-it


def neutral(text: str, *, lead: str = "") -> str:
    """`text` with no live mention or reference and no raw HTML outside code; code kept as
    written.

    `lead` is what stands before the text on its first line where it is placed (`- ` for a
    list item): the text is read in that context, and returned without it."""
    if any(c in lead for c in "<&@`"):
        raise ValueError(f"a lead is our own Markdown, not {lead!r}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = lead + text
    for keep_spans in (True, False):
        lines = _neutral_lines(doc, keep_spans)
        out = "\n".join(lines)
        if not _live(out):
            return out[len(lead) :]
    # Nothing kept as code: every `<`, mention and spelling reference is gone, by construction.
    return "\n".join(_prose(line) for line in doc.split("\n"))[len(lead) :]


_JOINED: Final = re.compile(r"(@|#|(?i:gh)\\?-)" + _WJ)


def restore_joiners(text: str) -> str:
    """`text` read back from our Markdown with its mentions and references as written (the
    joiners `neutral` put after `@`, `#` and `GH-` removed)."""
    return _JOINED.sub(r"\1", text)


# A round label as `pipeline.finish.round_label` writes it for a PR (`3 (of PR #711)`).
_OWN_ROUND: Final = re.compile(r"[0-9]+ \(of PR #[0-9]+\)")


def is_own_round(label: str) -> bool:
    """Whether a report's round label is our own `3 (of PR #711)`: its `#711` is kept live, a
    link to the reviewed PR itself (a summary posted there makes no cross-reference event);
    any other label (one naming a branch) is untrusted text like the rest."""
    return bool(_OWN_ROUND.fullmatch(label))


def neutral_inline(text: str) -> str:
    """One line of untrusted text placed inside a line of ours (a title after `**I1** —`, a
    table cell): read as the middle of a paragraph, never as a fence or heading of its own,
    and with no backtick left open to pair with one of ours after it."""
    return neutral(unclosed_ticks_escaped(" ".join(text.split("\n"))), lead=_INSIDE)


# Any paragraph text: after it, no line start (fence, heading, list marker) is one.
_INSIDE: Final = "x "


def _prose(text: str) -> str:
    return _MENTION.sub("@" + _WJ, _HAZARD.sub(_defuse, text))


def _defuse(m: re.Match[str]) -> str:
    found = m.group(0)
    if m.group("ref"):
        return found + _WJ
    if m.group("link"):
        return found + "\\"
    if found == "<":
        return "&lt;"
    if found.startswith("&") and html.unescape(found) in _SPELLING:
        # Shown as typed, `&#35;` would read `#35` to GitHub: its `#` is broken too.
        return "&amp;" + _NUMBERED.sub("#" + _WJ, found[1:])
    return found


def _neutral_lines(doc: str, keep_spans: bool) -> list[str]:
    lines = doc.split("\n")
    kept = _code(doc, lines, keep_spans)
    out = []
    for i, line in enumerate(lines):
        ranges = kept.get(i, [])
        if ranges == [(0, len(line))]:
            out.append(line)
            continue
        parts: list[str] = []
        at = 0
        for start, end in ranges:
            start = max(start, at)  # ranges of two readings of one line may overlap
            if start < end:
                parts += [_prose(line[at:start]), line[start:end]]
                at = end
        parts.append(_prose(line[at:]))
        out.append("".join(parts))
    return out


def _code(doc: str, lines: list[str], keep_spans: bool) -> dict[int, list[tuple[int, int]]]:
    """Line index -> the sorted (start, end) column ranges of that line that are code."""
    if "`" not in doc and "~" not in doc:
        return {}  # no fence, no code span: no parse (seconds on a hostile 100 KB text)
    env: dict[str, Any] = {}
    kept: dict[int, list[tuple[int, int]]] = {}
    cells: dict[int, int] = {}  # line index -> where its next table cell is searched from
    source = _parseable(doc)
    tokens = _reader().parse(source, env)
    if source is not doc:
        lines = source.split("\n")  # where the tokens' content is found: the same offsets
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        start, end = tok.map
        if tok.type == "fence":
            for n in range(start, end):
                kept[n] = [(0, len(lines[n]))]
        elif tok.type == "inline" and keep_spans and tok.content:
            spans = env.get(_SPANS, {}).get(tok.content)
            if spans:
                in_cell = i > 0 and tokens[i - 1].type in ("th_open", "td_open")
                _place(tok, spans, lines, kept, cells if in_cell else None)
    return {n: sorted(r) for n, r in kept.items()}


def _place(
    tok: Token,
    spans: set[tuple[int, int]],
    lines: list[str],
    kept: dict[int, list[tuple[int, int]]],
    cells: dict[int, int] | None,
) -> None:
    """Keep `spans` (offsets in the inline token's content) on the source lines they came
    from; when a content line cannot be found on its source line, keep nothing of the token."""
    assert tok.map is not None
    offsets: list[tuple[int, int, int]] = []  # (content offset, line index, column)
    at = 0
    for j, part in enumerate(tok.content.split("\n")):
        n = tok.map[0] + j
        if n >= len(lines):
            return
        col = _column(lines[n], part, None if cells is None else cells.get(n, 0))
        if col is None:
            return
        if cells is not None:
            cells[n] = col + len(part)
        offsets.append((at, n, col))
        at += len(part) + 1
    for start, end in spans:
        # A span may run over several lines of a paragraph: keep each line's piece.
        pieces = []
        for k, (base, n, col) in enumerate(offsets):
            stop = offsets[k + 1][0] - 1 if k + 1 < len(offsets) else len(tok.content)
            lo, hi = max(start, base), min(end, stop)
            if lo < hi:
                pieces.append((n, col + lo - base, col + hi - base))
        # A `<` starting a later line would start an HTML block where HTML is on, ending the
        # paragraph and the span with it: such a span is not kept (its text is escaped).
        if any(
            k and lines[n][lo:hi].lstrip().startswith("<") for k, (n, lo, hi) in enumerate(pieces)
        ):
            continue
        for n, lo, hi in pieces:
            kept.setdefault(n, []).append((lo, hi))


def _column(line: str, part: str, cell_from: int | None) -> int | None:
    """Where content line `part` sits on its source line: after the container markers and
    indent (a suffix), or for a table cell, at its first occurrence after the cell before."""
    if not part:
        return len(line)
    if cell_from is not None:
        col = line.find(part, cell_from)
        return col if col >= 0 else None
    for col in (len(line) - len(part), len(line.rstrip(" \t")) - len(part)):
        if col >= 0 and line.startswith(part, col):
            return col
    col = line.find(part)  # an ATX heading's text sits between its markers
    return col if col >= 0 else None


def _live(text: str) -> bool:
    """Does a GitHub-like reading of `text` (HTML on) find raw HTML, a mention, a reference,
    an image or a link to anywhere but the web (or a fragment) in it?"""
    for tok in _renderer().parse(_parseable(text)):
        if tok.type == "html_block":
            return True
        if tok.type != "inline":
            continue
        run = ""
        for child in tok.children or []:
            if child.type == "html_inline" or child.type == "image":
                return True
            if child.type == "link_open" and not _WEB_LINK.match(str(child.attrs.get("href"))):
                return True
            if child.type in ("text", "text_special"):
                run += child.content
                continue
            if _live_text(run):
                return True
            run = ""
        if _live_text(run):
            return True
    return False


def _parseable(text: str) -> str:
    """`text` as markdown-it reads it fast, the same length: `[` it need not read as `_INERT`."""
    if text.count("[") <= _KEPT:
        return text
    lines = text.split("\n")
    closed = False  # a `]` follows in this paragraph (a blank line ends every paragraph)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.strip(" \t"):  # blank as CommonMark has it (a no-break space is text)
            closed = False
        elif not closed:
            cut = line.rfind("]") + 1
            lines[i] = line[:cut] + _OPEN.sub(_INERT, line[cut:])
            closed = cut > 0
    out = "\n".join(lines)
    return _BRACKET_RUN.sub(lambda m: _INERT * (len(m[0]) - _KEPT) + "[" * _KEPT, out)


def _live_text(run: str) -> bool:
    return bool(_LIVE_MENTION.search(run) or _LIVE_REFERENCE.search(run))


@cache
def _renderer() -> MarkdownIt:
    # Imported on first use, as in `markdown_untrusted`: a seat's module imports this package.
    from markdown_it import MarkdownIt

    md = fast_links(MarkdownIt("commonmark").enable("table"))  # GitHub: HTML on, GFM tables
    # Every link seen, whatever its destination: markdown-it drops a `javascript:` link,
    # another viewer of the report may not.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


@cache
def _reader() -> MarkdownIt:
    """The reading that decides what is code: HTML and autolinks off (our output has no `<`
    outside code, so no tag or autolink can hide a backtick there), and every code span the
    inline parser makes recorded by its offsets."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline.backticks import backtick

    def recording(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        found = backtick(state, silent)
        if (
            found
            and not silent
            and len(state.tokens) > count
            and state.tokens[-1].type == "code_inline"
        ):
            state.env.setdefault(_SPANS, {}).setdefault(state.src, set()).add((start, state.pos))
        return found

    md = fast_links(MarkdownIt("commonmark", {"html": False}).enable("table").disable("autolink"))
    md.inline.ruler.at("backticks", recording)
    return md


__all__ = ["is_own_round", "neutral", "neutral_inline", "restore_joiners"]
