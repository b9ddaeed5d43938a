"""Design observations, testing and documentation assessments merged across seats.

Two entries say the same thing when their words and their anchors (backticked identifiers, file
names in code spans or links) are similar enough (assessment items: also the same anchors and
most of each one's words in the other, against every member of the group); two entries of one
seat are never one (it told them apart): a group holds at most one entry of each seat; it keeps its
most complete text (the longest, counting a link by its label), credits every reviewer, and
keeps the stricter scope of a concern (`in-scope` when any member says so, else the kept
concern's, or the first scope any member gives). Groups are ordered by
how many seats contributed, then canonically (seat name, position in the seat's review), so the
order of the seats given changes only the order of credits.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from deepreview.consolidate.features import file_refs_in, identifiers_in, words
from deepreview.consolidate.inputs import SeatReview
from deepreview.markdown_fence import FenceTracker, is_fence_line
from deepreview.model import Assessment, DesignObservation

SIMILAR = 0.5  # combined similarity at which two entries are one
# Assessment statements are one only when each shares this much of the other's words and
# anchors (`says_the_same`): a kept text stands for every statement credited with it.
SAME_SHARE = 0.5
_TARGET_END = re.compile(r"[)\s]")
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+(?P<title>.*?[^\s#])(?:[ \t]+#+)?[ \t]*")


def links(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, target) of each Markdown link `[label](target)`: what the former
    regex `\\[([^\\]]*)\\]\\(([^)\\s]+)\\)` found. Its tries scanned from each `[` to the next
    `]`, and from each `](` to the next `)` or blank (quadratic: 20 s on a 5 KB concern of
    `[`); a try depends only on its `]`, so each `]` is tried once, with the first `[` before it
    (after the `]` before), and the end of a target is found once for all the `](` before it."""
    found: list[tuple[int, int, str, str]] = []
    after = 0  # where the next link may start: after the last one
    close = text.find("]")
    previous = -1  # the `]` before `close`
    stop = -1  # the first `)` or blank at or after the last target start looked at
    while close != -1:
        start = text.find("[", max(after, previous + 1), close)
        if start != -1 and text.startswith("(", close + 1):
            target = close + 2
            if stop < target:
                m = _TARGET_END.search(text, target)
                stop = m.start() if m else len(text)
            if stop > target and text.startswith(")", stop):
                found.append((start, stop + 1, text[start + 1 : close], text[target:stop]))
                after = stop + 1
        previous, close = close, text.find("]", close + 1)
    return found


def anchors(text: str) -> frozenset[str]:
    out = set(identifiers_in(text))
    out.update(PurePosixPath(loc.path).name.lower() for loc in file_refs_in(text))
    for _, _, _, target in links(text):
        name = PurePosixPath(target.split("#", 1)[0]).name.lower()
        if name:
            out.add(name)
    return frozenset(out)


def visible_length(text: str) -> int:
    """The length of `text` with each link counted by its label."""
    return len(text) - sum(end - start - len(label) for start, end, label, _ in links(text))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass(frozen=True)
class _Entry:
    rank: tuple[str, int]  # (seat, position): canonical order
    seat: str
    text: str
    words: frozenset[str]
    anchors: frozenset[str]
    scope: str | None = None
    kind: str = ""


def similarity(a: _Entry, b: _Entry) -> float:
    if a.anchors or b.anchors:
        return 0.6 * _dice(a.words, b.words) + 0.4 * _dice(a.anchors, b.anchors)
    return _dice(a.words, b.words)


def _entry(seat: str, pos: int, text: str, scope: str | None = None, kind: str = "") -> _Entry:
    return _Entry((seat, pos), seat, text, frozenset(words(text)), anchors(text), scope, kind)


def alike_observations(a: str, b: str) -> bool:
    """Two design observations' texts are one by the rule that merges the seats' (a lead's
    added observation that repeats a seat's is not listed twice)."""
    return similarity(_entry("", 0, a), _entry("", 1, b)) >= SIMILAR


def says_the_same(a: _Entry, b: _Entry) -> bool:
    """Whether one assessment statement can stand for the other: similar, naming the same code
    and files, and each saying little the other does not (most of each one's words and anchors
    are in the other). "No tests for `div`" is not "Nothing exercises `add` or `div`; the `add`
    regression would be caught", nor "`div` should be tested with zero and negative divisors":
    showing one of those, credited to both seats, loses what the other said and credits it
    with something it did not say."""
    if similarity(a, b) < SIMILAR or a.anchors != b.anchors:
        return False
    ta = a.words | {"`" + x for x in a.anchors}
    tb = b.words | {"`" + x for x in b.anchors}
    shared = len(ta & tb)
    return shared >= SAME_SHARE * max(len(ta), len(tb))


def group_entries(
    entries: Sequence[_Entry], *, one_per_seat: bool, strict: bool = False
) -> list[list[_Entry]]:
    """Each entry (canonical order) joins the most similar group of its kind, if similar enough;
    `strict`: only a group every member of which `says_the_same` as the entry.

    `one_per_seat`: a group holds at most one entry of a seat, since a seat's own entries are
    things it told apart ("`shout` given an empty string", "`shout` given upper-case text"),
    never duplicates of each other. A seat's entries are then placed together: the most similar
    (entry, group) pairs first, so that of two entries of one seat that could each join a group,
    the one more like it does (not the one listed first), and the other stays apart."""
    groups: list[list[_Entry]] = []

    def fits(e: _Entry, g: list[_Entry]) -> float | None:
        if g[0].kind != e.kind or (one_per_seat and any(x.seat == e.seat for x in g)):
            return None
        if strict and not all(says_the_same(e, x) for x in g):
            return None
        sim = max(similarity(e, x) for x in g)
        return sim if sim >= SIMILAR else None

    ordered = sorted(entries, key=lambda e: e.rank)
    # one batch per seat (one_per_seat), else one batch per entry, as before
    batches: list[list[_Entry]] = []
    for e in ordered:
        if one_per_seat and batches and batches[-1][0].seat == e.seat:
            batches[-1].append(e)
        else:
            batches.append([e])
    for batch in batches:
        pairs = sorted(
            (-sim, i, n)
            for i, e in enumerate(batch)
            for n, g in enumerate(groups)
            if (sim := fits(e, g)) is not None
        )
        joined: dict[int, int] = {}  # entry of the batch -> group it joins
        for _, i, n in pairs:
            if i not in joined and n not in joined.values():
                joined[i] = n
        for i, e in enumerate(batch):
            if i in joined:
                groups[joined[i]].append(e)
            else:
                groups.append([e])
    groups.sort(key=lambda g: (-len({x.seat for x in g}), g[0].rank))
    return groups


def _kept(group: Sequence[_Entry]) -> _Entry:
    best = group[0]
    for e in group[1:]:
        if visible_length(e.text) > visible_length(best.text):
            best = e
    return best


def _canonical(seat_reviews: Sequence[SeatReview]) -> list[SeatReview]:
    return sorted((sr for sr in seat_reviews if sr.review is not None), key=lambda sr: sr.seat)


def merge_design_observations(
    seat_reviews: Sequence[SeatReview],
) -> tuple[DesignObservation, ...]:
    entries: list[_Entry] = []
    for sr in _canonical(seat_reviews):
        assert sr.review is not None
        for pos, o in enumerate(sr.review.design_observations):
            entries.append(_entry(sr.seat, pos, o.text, o.scope, o.kind))
    credit = {sr.seat: sr.reviewer.credit for sr in seat_reviews}
    order = [sr.seat for sr in seat_reviews]
    out: list[DesignObservation] = []
    for kind in ("concern", "strength"):
        for g in group_entries([e for e in entries if e.kind == kind], one_per_seat=True):
            kept = _kept(g)
            # a scope (in-scope / future) only means something for a concern; seats that
            # disagree keep the stricter one (as findings keep the more severe grade): one
            # reviewer wanting it addressed in this change is not outvoted by a longer sentence
            scopes = [e.scope for e in g if e.scope]
            scope = "in-scope" if "in-scope" in scopes else kept.scope or next(iter(scopes), None)
            if kind != "concern":
                scope = None
            seats = {e.seat for e in g}
            out.append(
                DesignObservation(
                    kind="concern" if kind == "concern" else "strength",
                    text=kept.text,
                    scope=scope,
                    reviewers=tuple(credit[s] for s in order if s in seats),
                )
            )
    return tuple(out)


def merge_assessments(
    parts: Sequence[tuple[str, Assessment]],
    credit: Mapping[str, str] | None = None,
    *,
    numbered: bool = True,
) -> Assessment:
    """`parts` = (seat, assessment); items of different seats that say the same thing
    (`says_the_same`) become one, credited to every seat that said it (`credit`: seat ->
    reviewer credit, in the seats' order); every other item stays, with its own credit. One
    seat's items are never one: its two short scenarios naming one function are two.

    Each statement keeps its own credit: when the seats' intros say different things, the most
    shared one is the intro and the others lead the items. An intro introduces only its own
    seats' lists: when those seats listed nothing and other statements follow, it leads the
    items too."""
    intros: list[_Entry] = []
    items: list[_Entry] = []
    for seat, a in sorted(parts, key=lambda p: p[0]):
        if a.intro.strip():
            intros.append(_entry(seat, len(intros), a.intro.strip()))
        for pos, item in enumerate(a.items):
            if item.strip():
                items.append(_entry(seat, pos, item.strip()))
    intro_groups = group_entries(intros, one_per_seat=False, strict=True)
    # a seat's own items are never one: only another seat's statement can say the same
    item_groups = group_entries(items, one_per_seat=True, strict=True)
    names = dict(credit) if credit is not None else {seat: seat for seat, _ in parts}
    order = list(names)

    def who(entries: Sequence[_Entry]) -> tuple[str, ...]:
        seats = {e.seat for e in entries}
        return tuple(names[s] for s in order if s in seats)

    intro, *other_intros = intro_groups or [[]]
    seats = {e.seat for e in intro}
    others = [g for g in [*other_intros, *item_groups] if {e.seat for e in g} - seats]
    if (
        intro
        and others
        and (
            # its seats wrote no list: above other seats' statements it would read as their
            # intro ("Coverage is adequate:" + another seat's gaps), so it is one of them
            not seats & {e.seat for e in items}
            # a lead-in ("…the new code is untested:", "Also:") would head the other seats'
            # statements too, its own items among them: it is a statement, its items under it
            or _kept(intro).text.rstrip().endswith(":")
        )
    ):
        other_intros, intro = intro_groups, []
    # An intro that is a statement is followed by the items its own seats alone wrote, each an
    # item of its own with its own credit: nested under the intro ("Untested scenarios:" + its
    # gaps) they read as one run-on item, the credit after the last gap alone, and a report
    # read back (a later round, `deep-review parse`) saw one statement where the seat made three.
    statements: list[tuple[str, tuple[str, ...]]] = []
    rest = list(item_groups)
    for g in other_intros:
        mine = {e.seat for e in g}
        own = [i for i in rest if {e.seat for e in i} <= mine]
        rest = [i for i in rest if not any(i is o for o in own)]
        number = f"{len(statements) + 1}. " if numbered else ""  # the item's list marker
        statements.append(
            (_indented(_headings_as_lead_ins(_kept(g).text), " " * len(number)), who(g))
        )
        statements += [(_kept(i).text, who(i)) for i in own]
    statements += [(_kept(g).text, who(g)) for g in rest]
    return Assessment(
        intro=_headings_as_lead_ins(_kept(intro).text) if intro else "",
        items=tuple(text for text, _ in statements),
        item_reviewers=tuple(names for _, names in statements),
        intro_reviewers=who(intro),
    )


def _headings_as_lead_ins(text: str) -> str:
    """An intro's headings (`#### Untested Scenarios`) as lead-in lines (`Untested Scenarios:`):
    inside a numbered item a heading would be a heading of the report in the middle of a list,
    and as the intro one with the reviewers' credit in it (`#### Untested Scenarios [Gemini]`).
    A `#` line in a code block is code (a shell comment), kept as written."""
    fences = FenceTracker()
    lines = text.split("\n")
    for n, line in enumerate(lines):
        m = None if fences.feed(line) else _HEADING.fullmatch(line)
        if m:
            title = m.group("title")
            lines[n] = title if title[-1] in ".:!?" else title + ":"
    return "\n".join(lines)


def _indented(text: str, indent: str) -> str:
    """An intro's text as an item's: its further lines indented into that item, as far as the
    item's text after its `N. ` (a fence or a list at column 0 would end the numbered list)."""
    first, _, rest = text.partition("\n")
    if not rest:
        return first
    lines = textwrap.dedent(rest).split("\n")
    return first + "".join("\n" + (indent + line if line.strip() else "") for line in lines)


def _credits(seat_reviews: Sequence[SeatReview]) -> dict[str, str]:
    return {sr.seat: sr.reviewer.credit for sr in seat_reviews}


def merge_testing(seat_reviews: Sequence[SeatReview]) -> Assessment:
    return merge_assessments(
        [(sr.seat, sr.review.testing) for sr in seat_reviews if sr.review is not None],
        _credits(seat_reviews),
    )


def merge_documentation(seat_reviews: Sequence[SeatReview]) -> Assessment:
    return merge_assessments(
        [(sr.seat, sr.review.documentation) for sr in seat_reviews if sr.review is not None],
        _credits(seat_reviews),
    )


_NONE = re.compile(r"^\s*(none|n/a|no\b)", re.IGNORECASE)


def merge_limitations(seat_reviews: Sequence[SeatReview]) -> str:
    """Every seat's Acknowledged Limitations that says something (not `None ...`), deduplicated,
    each credited to the seats that said it (`[Claude]`), as every other section's statements."""
    parts = [
        (sr.seat, Assessment(intro=sr.review.limitations))
        for sr in seat_reviews
        if sr.review is not None
        and sr.review.limitations.strip()
        and not _NONE.match(sr.review.limitations)
    ]
    merged = merge_assessments(parts, _credits(seat_reviews), numbered=False)
    said = [(merged.intro, merged.intro_reviewers), *merged.credited_items]
    return "\n\n".join(credited(text, who) for text, who in said if text).strip()


def credited(text: str, names: Sequence[str]) -> str:
    """`text [A, B]`; the credit on a line of its own after a closing fence."""
    if not names:
        return text
    label = "[" + ", ".join(names) + "]"
    last = text.rstrip().rsplit("\n", 1)[-1]
    return text.rstrip() + ("\n\n" if is_fence_line(last) else " ") + label
