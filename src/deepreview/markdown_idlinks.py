"""Finding IDs in the Markdown report as links to their findings, as the HTML report links them
to its cards: `C1` in the Executive Summary becomes `[C1](#c1)`, and each finding is preceded by
its own anchor, `<a id="c1"></a>`.

The anchor is explicit: a finding's line (`C1. **Title** — …`) is no heading, and a heading's
anchor would change with its title (GitHub derives `#c1-title` from `### C1. Title`). GitHub
keeps an `<a id>` (as `user-content-c1`, which `#c1` reaches). Only prose is linked: code spans
and fenced or indented code keep their text (`I1` may be a name there), as do existing links,
URLs and HTML. `unlink_ids` undoes both for `parse_report`, so a report reads back as the model
it was rendered from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import Final, Literal

from deepreview.markdown_fence import FenceTracker

# Letters then digits, not glued to other word characters: "C1", "I12" (in "C1–C21" and
# "I1-I2" too: after a hyphen only when a number ends before it).
ID_MENTION: Final = re.compile(r"(?:(?<![\w-])|(?<=\d-))([A-Z]{1,3}-?\d+)(?![\w])")

# What prose keeps as written: code spans (a backtick run, then the text up to the next run of
# the same length), links and images (`!?\[[^\]\n]*\]\([^)\n]*\)`, found by `_kept_spans`: as an
# alternative here it scanned from each `[` to the line's end, minutes on a 200 KB run of `[`),
# autolinks and HTML tags, bare URLs.
_KEPT: Final = re.compile(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<html><[^<>\n]*>)"
    r"|(?P<url>\b(?:https?|ftp)://[^\s<>]+)",
    re.S,
)
_LABEL_END: Final = re.compile(r"[\]\n]")
_LINK_TAIL: Final = re.compile(r"\]\([^)\n]*\)")
# An indented code block's line (or a deeper list continuation line, left alone as well).
_INDENTED: Final = re.compile(r"^(?: {4}|\t)")
# An earlier round's finding: `Round 1 I3`, `round 2's C1`.
_ROUND_BEFORE: Final = re.compile(r"\b[Rr]ound \d+(?:'s|’s)? $")
_ANCHOR_LINE: Final = re.compile(r'^<a id="[A-Za-z0-9_-]+"></a>$')
_OUR_LINK: Final = re.compile(r"^\[(?P<id>[A-Z]{1,3}-?\d+)\]\(#(?P<anchor>[a-z0-9_-]+)\)$")
_CELL_ID: Final = re.compile(r"(?<=(?<!\\)\|)(?P<pad>[ \t]*)(?P<id>[A-Z]{1,3}-?\d+)(?=[ \t]*\|)")

Kind = Literal["prose", "kept"]


def id_anchor(fid: str) -> str:
    """The fragment of a finding in the Markdown report: `c1` (lower case, as GitHub's own
    heading anchors are; only [a-z0-9_-])."""
    return re.sub(r"[^a-z0-9_-]+", "-", fid.lower()).strip("-") or "x"


def anchor_tag(fid: str) -> str:
    """The anchor placed on the line before a finding."""
    return f'<a id="{id_anchor(fid)}"></a>'


def id_link(fid: str) -> str:
    return f"[{fid}](#{id_anchor(fid)})"


def names_another(before: str, owners: Collection[str]) -> bool:
    """Whether an ID mentioned right after `before` is not the report's own finding but a
    seat's own ID (`Codex I2`, `owners` naming the seats) or an earlier round's (`Round 1 I3`):
    the retro and the Reconciliation name both beside the report's IDs."""
    tail = before[-120:]
    return _ROUND_BEFORE.search(tail) is not None or any(
        tail.endswith((f"{name} ", f"{name}'s ", f"{name}’s ")) for name in owners
    )


def is_owner(fid: str, owners: Collection[str]) -> bool:
    """Whether the mention `fid` is itself a reviewer's name (a seat `s1` shows as `S1`): a
    reviewer, not the finding of that ID, so never a link."""
    return fid in owners


def link_ids(text: str, ids: Collection[str], owners: Collection[str] = ()) -> str:
    """`text` with its prose's mentions of the finding IDs in `ids` as links to them (not
    where they name another's: `names_another`)."""
    if not ids or not ID_MENTION.search(text):
        return text

    def link(piece: str, kind: Kind) -> str:
        if kind == "kept":
            return piece
        return ID_MENTION.sub(
            lambda m: (
                id_link(m[1])
                if m[1] in ids
                and not is_owner(m[1], owners)
                and not names_another(piece[: m.start()], owners)
                else m[0]
            ),
            piece,
        )

    return _map_prose(text, link)


def link_id_cells(text: str, ids: Collection[str]) -> str:
    """`text` with each table cell that holds only a finding ID of `ids` (the Fix Verdicts
    table's `Now` column) as a link to it; other cells, which may name an earlier round's
    findings by the same IDs, are left alone."""
    if not ids:
        return text
    fences = FenceTracker()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if fences.feed(line.rstrip("\r\n")) or not line.lstrip().startswith("|"):
            out.append(line)
            continue
        out.append(
            _CELL_ID.sub(
                lambda m: m["pad"] + id_link(m["id"]) if m["id"] in ids else m[0],
                line,
            )
        )
    return "".join(out)


def unlink_ids(lines: list[str]) -> list[str]:
    """The report's lines without the anchors and ID links `link_ids`, `link_id_cells` and
    `anchor_tag` wrote (outside code, only links whose target is the ID's own anchor)."""
    fences = FenceTracker()
    kept: list[str] = []
    for line in lines:
        if fences.feed(line) or not _ANCHOR_LINE.match(line):
            kept.append(line)

    def unlink(piece: str, kind: Kind) -> str:
        m = _OUR_LINK.match(piece) if kind == "kept" else None
        return m["id"] if m and m["anchor"] == id_anchor(m["id"]) else piece

    text = "\n".join(kept)
    return _map_prose(text, unlink).split("\n") if "](#" in text else kept


def _map_prose(text: str, change: Callable[[str, Kind], str]) -> str:
    """`text` with `change` applied to each piece of its prose and each piece it keeps as
    written (a code span, a link, HTML, a URL); fenced and indented code lines and blank lines
    are not passed."""
    out: list[str] = []
    para: list[str] = []
    fences = FenceTracker()

    def flush() -> None:
        joined = "".join(para)
        pos = 0
        for start, end in _kept_spans(joined):
            out.extend((change(joined[pos:start], "prose"), change(joined[start:end], "kept")))
            pos = end
        out.append(change(joined[pos:], "prose"))
        para.clear()

    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if fences.feed(bare) or _INDENTED.match(bare) or not bare.strip():
            flush()  # a code span ends with its paragraph
            out.append(line)
        else:
            para.append(line)
    flush()
    return "".join(out)


def _kept_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece prose keeps, left to right, as `finditer` of `_KEPT` with the
    link between code and HTML would find them. No other piece starts with `[` or `!`, so the
    first to start wins. A link from a `[` ends at the first `]` or line break after it; every
    `[` before that one shares it, so each `[` is looked at once."""
    pos = 0
    other = _KEPT.search(text)
    link: tuple[int, int] | None = None
    looked = 0  # every `[` before here was looked at
    label_end = -1  # the first `]` or line break after the last `[` looked at
    while True:
        if other is not None and other.start() < pos:
            other = _KEPT.search(text, pos)
        if link is None or link[0] < pos:
            link = None
            j = text.find("[", max(pos, looked))
            while j >= 0:
                if label_end <= j:
                    m = _LABEL_END.search(text, j + 1)
                    label_end = m.start() if m else len(text)
                tail = _LINK_TAIL.match(text, label_end)
                if tail:
                    start = j - 1 if j > pos and text[j - 1] == "!" else j
                    link = (start, tail.end())
                    break
                j = text.find("[", j + 1)
            looked = j + 1 if j >= 0 else len(text)
        if link is not None and (other is None or link[0] < other.start()):
            yield link
            pos = link[1]
        elif other is not None:
            yield other.span()
            pos = other.end()
        else:
            return
