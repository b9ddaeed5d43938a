"""The list-shaped sections: Design Observations, Testing/Documentation Assessment, Coverage.

List items are kept as written, minus the bullet or number: continuation lines and any paragraph
after the last item stay with that item, so rendering `N. item` back gives the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from deepreview.findings.blocks import markdown_tokens
from deepreview.findings.finding_draft import is_rule, strip_rules
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.locations import parse_link, relativize
from deepreview.findings.none_statements import is_none_marker
from deepreview.findings.table_sep import is_table_sep
from deepreview.model import Assessment, CoverageEntry, DesignObservation

_ITEM = re.compile(r"^ ?(?:(?P<num>\d{1,9})[.)]|[-*+])[ \t]+(?P<text>.*)$")
_SCOPE = re.compile(
    r"`?[(\[](?P<scope>in[- ]scope|future|out[- ]of[- ]scope)[)\]]`?", re.IGNORECASE
)
# emphasis markers the tag opens with, after a blank or at the start: "**Title** *(future)*"
_OPEN_EMPHASIS = re.compile(r"(?:^|(?<=\s))(\*{1,3}|_{1,3})$")
# No blanks before the `[`: searched from every blank of a long run of them, `[ \t]*\[` was
# quadratic; `split_credit` strips them from the text.
_REVIEWERS = re.compile(r"\[(?P<names>[^\[\]\n]+)\][ \t]*$")
_COV_BULLET = re.compile(rf"^\s*{LIST_MARKER}[ \t]+(?P<item>.+)$")
_COV_CODE = re.compile(r"^`(?P<path>[^`]+)`(?:[ \t]*(?:[—–:]|-(?=\s))[ \t]*(?P<status>.*))?$")
_COV_LINK = re.compile(
    r"^\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)(?:[ \t]*(?:[—–:]|-(?=\s))[ \t]*(?P<status>.*))?$"
)
_COV_BARE = re.compile(r"^(?P<path>[^\s`]+?)(?::[ \t]+|[ \t]+[—–-][ \t]+)(?P<status>.+)$")
_COV_HEADER_CELLS = frozenset({"file", "files", "path", "file path"})
_COV_HEADER_STATUS = frozenset({"", "status", "findings", "finding", "notes", "result", "issues"})


@dataclass
class Sink:
    """Where a section parser puts what it could not place."""

    unparsed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def split_items(lines: list[str], fenced: list[bool]) -> tuple[list[str], list[str]]:
    """(intro lines, items) of a list section; items are text without their marker."""
    intro: list[str] = []
    items: list[list[str]] = []
    starts = item_starts(lines, fenced)
    for n, line in enumerate(lines):
        m = _ITEM.match(line) if n in starts else None
        if m:
            items.append([m.group("text")])
        elif items:
            items[-1].append(line)
        else:
            intro.append(line)
    texts = ["\n".join(strip_rules(it)).rstrip() for it in items]
    return intro, [t for t in texts if t.strip()]


def item_starts(lines: list[str], fenced: list[bool]) -> set[int]:
    """First lines of the top-level list items, from markdown-it's list tokens."""
    tokens = markdown_tokens(lines, fenced)
    return {t.map[0] for t in tokens if t.type == "list_item_open" and t.level == 1 and t.map}


def paragraphs(lines: list[str]) -> list[str]:
    text = "\n".join(strip_rules(lines))
    return [p.strip("\n").rstrip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def parse_assessment(lines: list[str], fenced: list[bool]) -> Assessment:
    intro, items = split_items(lines, fenced)
    return Assessment(intro="\n".join(strip_rules(intro)).strip("\n").rstrip(), items=tuple(items))


def parse_observations(
    lines: list[str], fenced: list[bool], kind: Literal["concern", "strength"]
) -> list[DesignObservation]:
    """Bullets or numbered items; a plain paragraph counts as one observation too."""
    intro, items = split_items(lines, fenced)
    texts = [p for p in paragraphs(intro) if not is_none_marker(p)] + items
    return [parse_observation(t, kind) for t in texts if not is_none_marker(t)]


def split_credit(text: str) -> tuple[str, tuple[str, ...]]:
    """(text, reviewers) of an item our report wrote with its reviewers `[A, B]` at the end
    (on a line of their own after a code block); () reviewers when it ends in none."""
    m = _REVIEWERS.search(text)
    if m and not text[m.end() :].startswith("("):
        names = [n.strip() for n in m.group("names").split(",") if n.strip()]
        if names and all(_is_name(n) for n in names):
            return text[: m.start()].rstrip(), tuple(names)
    return text, ()


def parse_credited_assessment(lines: list[str], fenced: list[bool]) -> Assessment:
    """An assessment of our report: each item's reviewers, and the intro's, read back."""
    a = parse_assessment(lines, fenced)
    intro, intro_reviewers = split_credit(a.intro)
    credited = [split_credit(item) for item in a.items]
    return Assessment(
        intro=intro,
        items=tuple(text for text, _ in credited),
        # a report written before credits were kept has none: the same as it was stored
        item_reviewers=tuple(who for _, who in credited) if any(w for _, w in credited) else (),
        intro_reviewers=intro_reviewers,
    )


def parse_observation(text: str, kind: Literal["concern", "strength"]) -> DesignObservation:
    """Scope `(in-scope)`/`(future)` anywhere, reviewers `[A, B]` at the end; the rest is text."""
    text, reviewers = split_credit(text)
    scope = None
    s = _SCOPE.search(text)
    if s:
        scope = s.group("scope").lower().replace(" ", "-")
        before, after = text[: s.start()], text[s.end() :]
        # `*(in-scope)*`, `**(future)**`: the emphasis is the tag's, and goes with it
        em = _OPEN_EMPHASIS.search(before)
        if em and after.startswith(em.group(1)):
            before, after = before[: em.start(1)], after[len(em.group(1)) :]
        if before.endswith(" "):
            before = before[:-1]
        elif after.startswith(" ") and (not before or before.endswith("\n")):
            after = after[1:]
        text = before + after
    return DesignObservation(kind=kind, text=text.strip(), scope=scope, reviewers=reviewers)


def _is_name(name: str) -> bool:
    # "Claude Opus 4.6", "Codex GPT 5.4", "orchestrator", "lead"; not "x", "1", or prose.
    return bool(re.fullmatch(r"[A-Za-z][\w.+-]*(?: [\w.()+:-]+){0,5}", name))


def parse_coverage(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...], sink: Sink
) -> list[CoverageEntry]:
    entries: list[CoverageEntry] = []
    stray: list[str] = []

    def flush() -> None:
        text = "\n".join(strip_rules(stray)).strip()
        if text and not is_none_marker(text):
            sink.unparsed.append(text)
            sink.warnings.append(f"coverage line not understood: {' '.join(text.split())[:60]}")
        stray.clear()

    for line, fence in zip(lines, fenced, strict=True):
        if not line.strip() or is_rule(line):
            flush()
            continue
        entry = None if fence else _coverage_line(line, prefixes)
        if entry is None:
            stray.append(line)
        elif isinstance(entry, CoverageEntry):
            flush()
            entries.append(entry)
    flush()
    return entries


def _coverage_line(line: str, prefixes: tuple[str, ...]) -> CoverageEntry | str | None:
    s = line.strip()
    if s.startswith("|"):
        if is_table_sep(s):
            return "skip"
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", s.strip("|"))]
        if not cells or not cells[0]:
            return None
        if cells[0].strip("`* ").lower() in _COV_HEADER_CELLS and all(
            c.strip("`* ").lower() in _COV_HEADER_STATUS for c in cells[1:]
        ):
            return "skip"
        path = cells[0].strip("`* ")
        return CoverageEntry(relativize(path, prefixes), " | ".join(cells[1:]).strip())
    m = _COV_BULLET.match(s)
    item = m.group("item").strip() if m else s
    link = _COV_LINK.match(item)
    if link:
        loc = parse_link(link.group("text"), link.group("url"), prefixes)
        if loc is not None:
            return CoverageEntry(loc.path, (link.group("status") or "").strip())
    c = _COV_CODE.match(item)
    if c:
        return CoverageEntry(
            relativize(c.group("path"), prefixes), (c.group("status") or "").strip()
        )
    if not m:
        return None
    b = _COV_BARE.match(item)
    if b:
        return CoverageEntry(relativize(b.group("path"), prefixes), b.group("status").strip())
    if re.fullmatch(r"[^\s`]+", item):
        return CoverageEntry(relativize(item, prefixes), "")
    return None
