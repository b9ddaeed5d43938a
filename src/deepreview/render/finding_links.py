"""Finding IDs mentioned in prose ("C1–C3 block merging") become links to their cards.

Works on markdown-it's token stream, never on rendered HTML: only plain text tokens outside
links are split, so code spans, existing links and escaped markup stay exactly as they were,
and only IDs of findings the report actually holds are linked (a stray "S3" in prose about
Amazon S3 stays text unless the report has a finding S3).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from markdown_it.token import Token

from deepreview.markdown_idlinks import ID_MENTION, is_owner, names_another
from deepreview.model import Report

# the one pattern of a finding ID mentioned in prose, the Markdown report's as the HTML's
_ID = ID_MENTION


def anchor(text: str) -> str:
    """A fragment id from finding IDs and the like: only [A-Za-z0-9_-]."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


def finding_anchor(fid: str) -> str:
    """The fragment of a finding's card: `finding-C1`."""
    return "finding-" + anchor(fid)


def mentioned_ids(text: str, ids: Collection[str]) -> set[str]:
    """The report's finding IDs that `text` mentions as words."""
    return {m.group(1) for m in _ID.finditer(text) if m.group(1) in ids}


def id_owners(report: Report) -> tuple[str, ...]:
    """The names that own findings of their own in the report's prose: its reviewers (`Codex
    I2` is Codex's own I2, which a finding of the report merged), longest first."""
    names = {r.name for r in report.header.reviewers} | {r.credit for r in report.header.reviewers}
    names |= {s.name for s in report.retro.seats} | {s.column for s in report.retro.seats}
    names |= {n for f in report.findings for n in f.reviewers}
    names |= {src.reviewer for f in report.findings for src in f.sources}
    return tuple(sorted((n for n in names if n.strip()), key=lambda n: (-len(n), n)))


def link_ids(tokens: list[Token], ids: Collection[str], owners: Collection[str] = ()) -> None:
    """Replace ID mentions inside inline text tokens by links, in place (not where they name
    another's: `names_another`)."""
    if not ids:
        return
    for tok in tokens:
        if tok.type == "inline" and tok.children:
            tok.children = _link_children(tok.children, ids, owners)


def link_cell_ids(tokens: list[Token], ids: Collection[str]) -> None:
    """A table cell holding only a finding ID of `ids` becomes a link to its card, in place
    (the Fix Verdicts table's `Now`; its other cells may name an earlier round's IDs)."""
    in_cell = False
    for tok in tokens:
        if tok.type in ("td_open", "td_close"):
            in_cell = tok.type == "td_open"
            continue
        children = tok.children or []
        if in_cell and tok.content.strip() in ids and [c.type for c in children] == ["text"]:
            tok.children = _split(children[0], ids, ())


def _link_children(
    children: list[Token], ids: Collection[str], owners: Collection[str]
) -> list[Token]:
    out: list[Token] = []
    depth = 0  # inside a Markdown link: its text is already a link
    for child in children:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        if child.type != "text" or depth > 0 or not _ID.search(child.content):
            out.append(child)
            continue
        out.extend(_split(child, ids, owners))
    return out


def _split(tok: Token, ids: Collection[str], owners: Collection[str]) -> list[Token]:
    out: list[Token] = []
    text, pos = tok.content, 0
    for m in _ID.finditer(text):
        fid = m.group(1)
        if fid not in ids or is_owner(fid, owners) or names_another(text[: m.start()], owners):
            continue
        if m.start() > pos:
            out.append(_text(text[pos : m.start()], tok))
        link = Token(
            "link_open", "a", 1, attrs={"class": "fref", "href": "#" + finding_anchor(fid)}
        )
        out.extend([link, _text(fid, tok), Token("link_close", "a", -1)])
        pos = m.end()
    if pos < len(text):
        out.append(_text(text[pos:], tok))
    return out


def _text(content: str, like: Token) -> Token:
    return Token("text", "", 0, content=content, level=like.level)
