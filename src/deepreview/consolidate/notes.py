"""Credit a reviewer whose notes point at a consolidated finding's lines.

A reviewer often sees an issue without listing it as a finding: its Testing Assessment says
"nothing tests `sync.go:120-131`", its Documentation Assessment that `guide.md:40-44` still
describes the old flag. A careful lead credits that reviewer on the finding another reviewer
listed, since two reviewers independently noticed the same thing. Here a note credits its
reviewer on a finding when the note cites a line range of the finding's file that overlaps
the finding's lines (or is within `NEAR_LINES` of them), says something about the same thing
(a shared identifier, a shared distinctive title word, or a quote of words the finding's text
holds: "says “Valide values”"), and is of the finding's kind (a testing note credits a finding
about tests, a documentation note one about docs or comments, or one quoting only comments).
Each cited place credits at most one finding, the closest. The credit is visible: the finding
gets a source whose ID names the section the note came from (`Testing Assessment`), with the
note as its title.

Notes are Testing and Documentation Assessment items, design *concerns*, and the items of a
finding that lists several places, where an item names another file than the finding's own, or
any of them when the finding is placed in several files (credited as `S5 item`). Not notes:
the reviewer's own findings' places (those are clustered), strengths, verdict tables about
earlier rounds,
Acknowledged Limitations (they quote the code's comments about known limits), and praise: an
item calling the cited lines accurate, correct or fine to keep, naming no problem, is the
reviewer checking the place and finding nothing there, the opposite of a sighting; an item the
reviewer marks "Optional:" is one it chose not to raise.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from typing import Literal

from deepreview.consolidate.claims import claims_in, conflict
from deepreview.consolidate.code_notes import LIST_ITEM, code_notes_of, quotes_its_code, text_units
from deepreview.consolidate.features import (
    PathResolver,
    parse_file_ref,
    strip_fences,
)
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.message_notes import message_notes
from deepreview.consolidate.note_fit import (
    LINES_OF,
    Note,
    about_the_same,
    affirmed_claims,
    fits_section,
    gap_on_its_test_file,
)
from deepreview.consolidate.untested_in_passing import sees_the_gap, untested_sentences
from deepreview.markdown_fence import without_code_spans
from deepreview.model import AgentReview, Finding, FindingSource, Location

NEAR_LINES = 3  # a note citing lines this close to a finding's lines is about those lines
_TITLE_MAX = 160  # a note shown as a source's title is cut here

# `path/file.ext:12`, `path/file.ext:12-30` in prose or in a code span
_REF = re.compile(
    r"(?<![\w/.@+-])((?:[\w.@+-]+/)*[\w.@+-]+\.[A-Za-z][A-Za-z0-9]{0,9})"
    r":(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?"
)
# `path/file.ext` line 12, path/file.ext, lines 12-30: the same place said in words
_PROSE_REF = re.compile(
    r"(?<![\w/.@+-])`?((?:[\w.@+-]+/)*[\w.@+-]+\.[A-Za-z][A-Za-z0-9]{0,9})`?,?\s+"
    r"(?:(?:at|on)\s+)?lines?\s+(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?\b"
)
# "`guide.md:21` — accurate, matches the implementation": the reviewer checked and approved;
# "the placeholder test is fine to keep", "OK as is": it would keep what a finding faults.
_APPROVES = re.compile(
    r"\b(?:accurate|correct(?:ly)?|matches|consistent with|up[- ]to[- ]date|lgtm"
    r"|looks (?:right|good)|well[- ]documented|no (?:issues?|changes?) (?:found|needed)"
    r"|(?:is|are|looks?|seems?) fine|(?:fine|ok|okay|good) as[- ]is|(?:fine|ok|okay) to keep)\b",
    re.IGNORECASE,
)
# Any of these and the item may be approving one part and faulting another: still a note.
_FAULTS = re.compile(
    r"\b(?:but|however|except|although|though|yet|still|missing|stale|wrong|incorrect|inaccurate"
    r"|outdated|misleading|should|must|needs?|no longer|not|never|lacks?|overstat\w*"
    r"|contradict\w*|typos?|untested|fails?|broken|bug)\b",
    re.IGNORECASE,
)

# "**Optional:** a test of the warning path": the reviewer weighed it and chose not to raise it,
# so it is no sighting of the gap another reviewer raised (a "Required:" item still is).
_OPTIONAL = re.compile(
    r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?[*_]*(?:optional|nice[- ]to[- ]have)[*_]*\s*[:—–(-]",
    re.IGNORECASE,
)


def _sections(review: AgentReview) -> Iterator[tuple[str, str, frozenset[str]]]:
    """(section, text, file names whose places in it are no note) of every part of a review
    that may hold notes."""
    t, d = review.testing, review.documentation
    none: frozenset[str] = frozenset()
    yield from (("Testing Assessment", s, none) for s in (t.intro, *t.items))
    yield from (("Documentation Assessment", s, none) for s in (d.intro, *d.items))
    yield from (
        ("Design Observations", o.text, none)
        for o in review.design_observations
        if o.kind == "concern"
    )
    yield from (
        ("Coverage Summary", remark, none)
        for c in review.coverage
        if (remark := _coverage_remark(c.path, c.status))
    )
    for f in review.findings:
        # A finding that lists several places, one item each ("Comments still describe the
        # old webhook": `a.go:73`, `b.go:27`, the design doc): each item in another file is
        # the reviewer seeing that place's problem, which another reviewer may have raised
        # there as a finding of its own. Its own file's items are the finding itself.
        items = [u for u in text_units(f.body) if LIST_ITEM.match(u)]
        if len(items) >= 2:
            own = frozenset(_name(loc.path) for loc in f.locations)
            # placed in several files, it is one problem seen in each, and it joins one other
            # seat's finding at most: an item at another of its places credits the reviewer on
            # that seat's finding there (the one it joined holds it already)
            yield (f"{f.id} item", "\n".join(items), own if len(own) == 1 else frozenset())
        # The same in prose, one sentence naming two places side by side: "`first_rows()` in
        # `read.py` line 2 and `last_rows()` in `tail.py` line 4 both …", the finding placed
        # at the first. A paragraph naming its own place and another file's is the reviewer
        # seeing both; one naming only another file's place cites it as context (a caller).
        both = [u for u in text_units(f.body) if not LIST_ITEM.match(u) and _names_own_place(u, f)]
        if both:
            own = frozenset(_name(loc.path) for loc in f.locations)
            yield (f"{f.id} text", "\n\n".join(both), own)


# a line of the entry's own file in a Coverage Summary remark: `:55-57`, line 55, lines 55–57
_OWN_LINES = re.compile(
    r"`?(?<![\w.]):(\d{1,6}(?:\s*[-–]\s*\d{1,6})?)`?|\blines?\s+(\d{1,6}(?:\s*[-–]\s*\d{1,6})?)\b"
)
# the verdict a remark follows: "Reviewed, no issues (", "Trivial — "
_VERDICT = re.compile(r"^\W*(?:reviewed|trivial)\b[^(—–;]*[(—–;]\s*", re.IGNORECASE)
# a remark that checked the place and approves it, whatever else it says
_CHECKED = re.compile(
    r"\b(?:verified|confirmed|correct(?:ly)?|accurate|sound|safe|intended|deliberate"
    r"|as designed)\b",
    re.IGNORECASE,
)


def _coverage_remark(path: str, status: str) -> str:
    """The remark a Coverage Summary entry adds to its verdict that cites lines of its own file
    and names a fault ("Reviewed, no issues (pre-existing: the listener at `:55-57` is never
    removed …)"), with those lines given their file; "" for a bare verdict, a remark citing no
    line of the file, or one that approves what it checked."""
    if not _OWN_LINES.search(status) or _CHECKED.search(status):
        return ""
    if not _FAULTS.search(without_code_spans(status)) or not affirmed_claims(status):
        return ""
    remark = _VERDICT.sub("", status, count=1)
    if remark != status and remark.endswith(")") and remark.count(")") > remark.count("("):
        remark = remark[:-1]
    return _OWN_LINES.sub(lambda m: f"`{path}:{m.group(1) or m.group(2)}`", remark)


def _refs(unit: str, *, lines_first: bool = False) -> Iterator[Location]:
    """The `path:line` places a paragraph or item cites (`_REF`, `_PROSE_REF`); `lines_first`:
    also "lines 60-70 in `latch.ts`" (`LINES_OF`), read in testing notes only, where the code
    a missing test would cover is named so (in a finding's list of cases it is often the
    place of one case, not a sighting of another problem there)."""
    found = (*_REF.finditer(unit), *_PROSE_REF.finditer(unit))
    for m in (*found, *LINES_OF.finditer(unit)) if lines_first else found:
        start, end = m.group(2), m.group(3)
        loc = parse_file_ref(f"{m.group(1)}:{start}" + (f"-{end}" if end else ""))
        if loc is not None and loc.start is not None:
            yield loc


def _names_own_place(unit: str, f: Finding) -> bool:
    """The paragraph cites the finding's own place as written (its file, its lines: where the
    finding's place was read from when its head gives none) and a place in another file.
    Not a place of its own narrowed or widened there ("`a.go:69-78`" in the head, "a.go:69-75"
    in an explanation citing the code it walks through)."""
    refs = list(_refs(unit))
    own = {(_name(loc.path), loc.start, loc.end or loc.start) for loc in f.locations}
    files = {name for name, _, _ in own}
    return any((_name(r.path), r.start, r.end or r.start) in own for r in refs) and any(
        _name(r.path) not in files for r in refs
    )


def _name(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def notes_of(seat: str, review: AgentReview) -> tuple[Note, ...]:
    """Every `path:line` a review cites outside its findings (or in a finding's list of
    places elsewhere), with its paragraph or item."""
    out: list[Note] = []
    for section, text, own in _sections(review):
        for unit in text_units(text):
            if unit.lstrip().startswith("|"):
                continue  # a verdict table (prior items, accepted changes), not a remark
            if _APPROVES.search(unit) and not _FAULTS.search(unit):
                continue
            if _OPTIONAL.match(unit):
                continue
            for loc in _refs(unit, lines_first=section == "Testing Assessment"):
                if _name(loc.path) in own:
                    continue
                text = " ".join(unit.split())
                made: Literal["", "paragraph"] = "paragraph" if section.endswith(" text") else ""
                out.append(Note(seat, section, loc, text, made))
    for f in review.findings:
        # Placed in several files, one place each, with no item per place ("Off-by-one in the
        # slice and loop bounds" at `store.py:9` and `retry.py:33`, its text telling both at
        # once): it joins one other seat's finding at most, and each of its places is where
        # its reviewer saw the problem it tells, as an item there would say
        files = {_name(loc.path) for loc in f.locations}
        for sentence in untested_sentences(text_units(strip_fences(f.body))):
            # "the refusal at `b.go:40` has no test either": the gap raised there
            out.extend(
                Note(seat, f"{f.id} text", loc, sentence, "untested")
                for loc in _refs(sentence)
                if _name(loc.path) not in files
            )
        if len(files) < 2 or len(files) < len(f.locations) or _has_items(f):
            # several places in one file are one flow its text walks through ("the restart
            # path at 330-341 … the error returns at 454-468"), not one problem seen twice
            continue
        text = " ".join(f"{f.title}: {strip_fences(f.body)}".split())
        out.extend(
            Note(seat, f"{f.id} text", loc, text, "places") for loc in f.locations if loc.start
        )
    return tuple(out)


def _has_items(f: Finding) -> bool:
    """The finding lists its places one item each (`_sections`: those items are its notes)."""
    return sum(1 for u in text_units(f.body) if LIST_ITEM.match(u)) >= 2


def _sighting(note: Note, finding: Finding, distance: int) -> bool:
    """The note, `distance` lines from the finding's place, is its reviewer seeing it. A place
    a finding's explanation names beside its own is one only on the finding's lines and when
    the two name no different failures (`claims.claims_in`): "`last_rows()` in `tail.py`
    line 4 … returns every row" is not the encoding problem two lines up."""
    if note.in_finding == "untested":
        return sees_the_gap(finding, distance)
    if note.in_finding:
        said, faulted = claims_in(note.text), claims_in(finding.title)
        if distance or conflict(said, faulted):
            return False
        if said & faulted:
            return True  # the same failure on those very lines
        if note.in_finding == "places":
            # a finding's whole text names every code name of its places: not enough there
            return False
    return about_the_same(note, finding, on_its_lines=distance == 0) and fits_section(note, finding)


def _distance(a: Location, b: Location) -> int | None:
    """Lines between two ranges (0 when they overlap); None for whole-file references."""
    if a.start is None or b.start is None:
        return None
    a_end, b_end = a.end or a.start, b.end or b.start
    return max(0, max(a.start, b.start) - min(a_end, b_end))


def credit_notes(
    findings: Sequence[Finding],
    seat_reviews: Sequence[SeatReview],
    *,
    changed_files: Sequence[str] = (),
    present_files: Collection[str] | None = None,
) -> tuple[Finding, ...]:
    """`findings` with the reviewers whose notes point at them credited too."""
    known = {loc.path for f in findings for loc in f.locations}
    resolver = PathResolver(known, authoritative=changed_files, present=present_files)
    credit = {sr.seat: sr.reviewer.credit for sr in seat_reviews}
    # findings' places by file, so each note looks only at findings in its own file
    by_path: dict[str, list[tuple[int, Location]]] = {}
    for n, f in enumerate(findings):
        for loc in f.locations:
            by_path.setdefault(resolver.resolve(loc.path), []).append((n, loc))
    added: dict[int, list[Note]] = {}
    for sr in seat_reviews:
        if sr.review is None or not sr.model_backed:
            continue
        name = credit[sr.seat]
        for note in notes_of(sr.seat, sr.review):
            path = resolver.resolve(note.location.path)
            best: tuple[int, int] | None = None  # (distance, finding index)
            for n, loc in by_path.get(path, ()):
                f = findings[n]
                if name in f.reviewers:
                    continue
                d = _distance(note.location, loc)
                if d is None or d > NEAR_LINES or (best is not None and (d, n) >= best):
                    continue
                if _sighting(note, f, d):
                    best = (d, n)
            if best is None:
                # a testing note on the code: the gap raised on that code's own test file
                best = gap_on_its_test_file(note, path, findings, name, resolver)
            if best is not None:
                have = added.setdefault(best[1], [])
                if all(x.seat != note.seat for x in have):
                    have.append(note)
        for code_note in code_notes_of(sr.seat, sr.review, _FAULTS):
            # one finding quoting that code, or none: two would leave the note's one unknown
            hits = [
                n
                for n, f in enumerate(findings)
                if name not in f.reviewers and quotes_its_code(code_note, f, resolver)
            ]
            if len(hits) == 1:
                have = added.setdefault(hits[0], [])
                if all(x.seat != sr.seat for x in have):
                    path = next(
                        loc.path
                        for loc in findings[hits[0]].locations
                        if resolver.resolve(loc.path)
                        in {resolver.resolve(p) for p in code_note.paths}
                    )
                    have.append(Note(sr.seat, code_note.section, Location(path), code_note.text))
    for n, message_note in message_notes(findings, seat_reviews):
        # the commit message or PR description another seat's finding is about (no lines)
        have = added.setdefault(n, [])
        if all(x.seat != message_note.seat for x in have):
            have.append(message_note)
    out = list(findings)
    for n, notes in added.items():
        f = out[n]
        extra = tuple(
            FindingSource(
                reviewer=credit[x.seat],
                finding_id=x.section,
                severity=f.severity,
                title=x.text if len(x.text) <= _TITLE_MAX else x.text[: _TITLE_MAX - 1] + "…",
                locations=(x.location,) if x.location.path else (),
                kind="note",
            )
            for x in notes
        )
        # credits in the order the seats were given, like merge.credits
        names = {*f.reviewers, *(credit[x.seat] for x in notes)}
        ordered = [credit[sr.seat] for sr in seat_reviews if credit[sr.seat] in names]
        out[n] = replace(
            f,
            reviewers=(*ordered, *(r for r in f.reviewers if r not in ordered)),
            sources=(*f.sources, *extra),
        )
    return tuple(out)


def noted_by(findings: Sequence[Finding]) -> dict[str, dict[str, str]]:
    """Finding ID → {credit name → where it noted it (`Testing Assessment`)}: the reviewers a
    note credits on it (`credit_notes`), in the order the finding lists them."""
    out: dict[str, dict[str, str]] = {}
    for f in findings:
        for s in f.sources:
            if s.kind == "note":
                out.setdefault(f.id, {}).setdefault(s.reviewer, s.finding_id)
    return out
