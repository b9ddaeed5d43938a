"""Whether a finding of this round is one reported before: a previous round's finding raised
again, or a declined one. The same file and what it is about (`issue_key`: its title, or its
first sentence when its title is only a location), of the finding itself or of any seat's
finding merged into it, or an equal fingerprint — and never across severity classes unless the
two say the same (trial 44a: a declined Important took a Critical of its file with it)."""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.consolidate.features import identifiers_in
from deepreview.consolidate.fingerprint import (
    fingerprint,
    fingerprint_variants,
    first_sentence,
    generic_title,
    issue_key,
    legacy_fingerprint,
    location_title,
    normalised_title,
)
from deepreview.consolidate.places import key_location, key_path
from deepreview.consolidate.places_alike import NEAR_LINES
from deepreview.model import Finding
from deepreview.store.declines import Decline


def _path(f: Finding) -> str:
    return key_path(f)


def _comparable(letter_a: str, text_a: str, letter_b: str, text_b: str) -> bool:
    """Of one severity class, or saying the same thing (a finding re-rated keeps its text)."""
    return letter_a == letter_b or (bool(text_a) and text_a == text_b)


def graded(f: Finding) -> frozenset[str]:
    """The severity classes (letters) `f` was given: its own and each reviewer's finding merged
    into it. A lead's re-grade changes only the first; the seat raising the problem again grades
    it as it did before (round 1's lead took Alpha's Important down to a Suggestion, Alpha says
    Important again), so either grade is the finding's class."""
    return frozenset(
        {f.severity.letter} | {s.severity.letter for s in f.sources if s.kind == "finding"}
    )


def _same_title(title_a: str, title_b: str) -> bool:
    """Titles that name the same problem: a location for a title names none, nor does a
    generic one (`Missing error handling`): two such findings of one file are told apart by
    what they say (`issue_key`), never by the title they share."""
    return (
        not location_title(title_a)
        and not generic_title(title_a)
        and normalised_title(title_a) == normalised_title(title_b)
    )


def _says(title: str, body_text: str, text: str) -> bool:
    """Whether a finding titled `title` whose first sentence is `body_text` may be the one
    that said `text` under the same title: always, unless the title is generic and both
    sentences are known and differ (a decline stored before its text was kept has none)."""
    return not generic_title(title) or not text or not body_text or body_text == text


def same_finding(a: Finding, b: Finding) -> bool:
    """The same problem: of one severity class (as graded by the lead or by a seat that raised
    it, `graded`) or saying the same, and equal fingerprints, or the same file and what it is
    about (its title, unless that is only its location)."""
    text_a, text_b = first_sentence(a.body), first_sentence(b.body)
    if not graded(a) & graded(b) and not (text_a and text_a == text_b):
        return False
    if fingerprint(a) == fingerprint(b):
        return True
    return _path(a) == _path(b) and (issue_key(a) == issue_key(b) or _same_title(a.title, b.title))


def _member_keys(f: Finding) -> set[tuple[str, str, str]]:
    """(file, normalised title, severity letter) of each reviewer's own finding merged into
    `f`: a finding that took one seat's title still holds what the other seat raised. A
    location for a title names no problem, nor does a generic one (a merged member keeps no
    text to tell it apart from the other findings of its file under that title): such a
    member is no key."""
    return {
        (s.locations[0].path if s.locations else "", normalised_title(s.title), s.severity.letter)
        for s in f.sources
        if s.kind == "finding" and not location_title(s.title) and not generic_title(s.title)
    }


def raises(f: Finding, p: Finding) -> bool:
    """Whether this round's `f` raises the earlier `p` again: itself, or one of the findings
    merged into it; or `f` is, by its file, title and severity class, a seat's finding merged
    into `p` (the seat raising it again under the title it gave it, which the report did not
    take)."""
    key = (_path(p), normalised_title(p.title), p.severity.letter)
    own = (_path(f), normalised_title(f.title), f.severity.letter)
    return (
        same_finding(f, p)
        or (not location_title(p.title) and key in _member_keys(f))
        or (not location_title(f.title) and not generic_title(f.title) and own in _member_keys(p))
    )


def raising(p: Finding, findings: Sequence[Finding], taken: set[str]) -> Finding | None:
    """This round's finding that raises the earlier `p` (the previous round's, at its lines
    now) again: of those that do, and are not at other code of its file (`_elsewhere_than`),
    one not `taken` by another earlier finding (by ID) if any, and of them one about what `p`
    is about (two findings under one generic title are two)."""
    found = [f for f in findings if raises(f, p) and not elsewhere_than(f, p)]
    free = [f for f in found if f.id not in taken] or found
    same = (f for f in free if fingerprint(f) == fingerprint(p) or issue_key(f) == issue_key(p))
    return next(same, free[0] if free else None)


def matches_decline(f: Finding, d: Decline, *, members: bool = True) -> bool:
    """Whether `f` may be the declined finding `d` (raised again, or the prior finding
    itself): a reviewer's finding merged into it has its file, title and severity class; or
    `f` is of its severity class (its ID's letter) or says what it said, and has its
    fingerprint or its file and title. A decline stored before fingerprint version 2 holds no
    text: its old fingerprint is compared. `members=False`: `f` itself only, not a finding
    another seat raised that was merged into it."""
    letter = d.finding_id[:1].upper()
    if (
        members
        and not location_title(d.title)
        and ((d.path, normalised_title(d.title), letter) in _member_keys(f))
    ):
        return True
    text = first_sentence(f.body)
    if not _comparable(f.severity.letter, text, letter, d.text):
        return False
    if d.fingerprint in fingerprint_variants(f) or d.fingerprint == legacy_fingerprint(f):
        return True
    if _path(f) != d.path:
        return False
    if location_title(d.title):
        return bool(d.text) and text == d.text
    if generic_title(d.title):
        # What the finding says tells it apart from the others of its file under that title.
        return normalised_title(f.title) == normalised_title(d.title) and _says(
            d.title, text, d.text
        )
    return _same_title(f.title, d.title)


def _other_code(f: Finding, path: str, spans: Sequence[tuple[int, int]], named: str) -> bool:
    """`f` is at other code of `path` than `spans` (line ranges there): each of its places in
    that file lies more than `NEAR_LINES` from each of them, and it names none of the code
    `named` (the earlier finding's title and text) names. Such a finding of the earlier
    one's title is another problem of the file (`ratio`'s zero divisor 36 lines below the one in
    `div`); one naming that code is the earlier finding wherever a seat placed it (`div`'s first
    line for a division 30 lines down), as is one with no line in that file."""
    own = [
        (loc.start, loc.end or loc.start)
        for loc in f.locations
        if loc.path == path and loc.start is not None
    ]
    if not spans or not own:
        return False
    if any(a - NEAR_LINES <= hi and b + NEAR_LINES >= lo for a, b in own for lo, hi in spans):
        return False
    return not identifiers_in(named).keys() & identifiers_in(f"{f.title}\n{f.body}").keys()


def _elsewhere(f: Finding, d: Decline) -> bool:
    """`f` is at other code of the declined finding's file (`_other_code`; the declined lines
    at their place now: `renames.follow_declines`). Declining one division hid every finding
    of its title in the file (tr65)."""
    if d.start_line is None:
        return False
    span = (d.start_line, max(d.end_line or d.start_line, d.start_line))
    return _other_code(f, d.path, [span], f"{d.title}\n{d.text}")


def elsewhere_than(f: Finding, p: Finding, said: str = "") -> bool:
    """`f` is at other code of the earlier finding `p`'s file (`_other_code`; `p` at its lines
    now: `rounds.line_map`; `said`: what `p` said when its stub holds no body, a closed one's).
    Round 1's zero divisor in `div` took, as raised again, the one in `ratio` far below, and
    `div`'s was gone from the report (tr65); fixed in round 2, it made `ratio`'s a fixed
    finding raised again."""
    path = key_path(p)
    spans = [
        (loc.start, max(loc.end or loc.start, loc.start))
        for loc in p.locations
        if loc.path == path and loc.start is not None
    ]
    return _other_code(f, path, spans, f"{p.title}\n{p.body}\n{said}")


def declined_matches(d: Decline, findings: Sequence[Finding]) -> list[Finding]:
    """The findings of one round that are `d`: at most what it declined, never one at other
    code of its file (`_elsewhere`). When several could be, those saying what it said, else
    the one holding its fingerprint, else the nearest to its line."""
    found = [f for f in findings if matches_decline(f, d) and not _elsewhere(f, d)]
    if len(found) < 2:
        return found
    same_text = [f for f in found if d.text and first_sentence(f.body) == d.text]
    if same_text:
        return same_text
    exact = [f for f in found if d.fingerprint in fingerprint_variants(f) | {legacy_fingerprint(f)}]
    if len(exact) == 1:
        return exact

    def distance(f: Finding) -> int:
        # the line a decline recorded (`pipeline.memory`): the key place's
        start = loc.start if (loc := key_location(f)) is not None else None
        if start is None or d.start_line is None:
            return 1 << 30
        return abs(start - d.start_line)

    return [min(found, key=distance)]


def declines_of(findings: Sequence[Finding], declines: Sequence[Decline]) -> dict[str, Decline]:
    """By finding ID, the decline each of `findings` is (the first that takes it)."""
    out: dict[str, Decline] = {}
    for d in declines:
        for f in declined_matches(d, findings):
            out.setdefault(f.id, d)
    return out
