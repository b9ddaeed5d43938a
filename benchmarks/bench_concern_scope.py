"""A seat's design concern tagged `(in-scope)` or `(future)`: what does the lead credit it for?

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_concern_scope.py [--corpus DIR] [--examples N]

The review prompt asks each seat to tag every Design Observations concern `(in-scope)` (a
problem of this change) or `(future)` (one for later). Consolidation reads the tag
(`DesignObservation.scope`) but crediting does not. Before any rule that reads it, this measures
per tag whether the report's lead credits a concern's seat on a finding the concern is about:

1. Concerns `notes.credit_notes` credits on a finding of ours: does the report's finding matched
   to ours (`_attribution_match.choose`) credit the seat too?
2. Findings of ours the seat is no member of that the concern reads as (`note_fit`'s tests
   without the place: `about_the_same` as for a note near the finding's lines and `fits_section`,
   claims not in conflict; "strict" also a shared code name and a failure kind or two title
   words, as `bench_credit_twice._tells_it`), by where the concern cites a place (at the
   finding's lines, within `NEAR_LINES`; elsewhere in its file; elsewhere; no `file:line`):
   does the report's finding matched to ours credit the seat?
3. The report's own findings such a concern reads as, where the seat has no finding of its own
   within `NEAR` lines (so no finding of the seat explains a credit): does the report credit
   the seat? This is the lead's habit, whatever our merging does.
4. Candidate rules, simulated on our findings and matched again as `_attribution` matches:
   report findings that come to agree and that stop agreeing, per rule.
Measuring only: exits 0.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from deepreview.consolidate.claims import claims_in, conflict
from deepreview.consolidate.code_notes import text_units
from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.consolidate.note_fit import Note, about_the_same, affirmed_claims, fits_section
from deepreview.consolidate.notes import NEAR_LINES, _refs
from deepreview.model import DesignObservation, Finding, FindingSource, Location

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _attribution import default_corpus
from _attribution_match import NEAR, _distance, choose
from bench_credit_twice import _gap, _near, _Report, _tells_it

TAGS = ("in-scope", "future", "untagged")
PLACES = ("at its lines", "same file", "elsewhere", "no place")
SIDES = ("credits the seat", "does not", "no report finding")
Ours = tuple[Finding, ...]


def _concerns(r: _Report) -> Iterator[tuple[str, str, DesignObservation]]:
    """(seat name, tag, concern) of every seat's Design Observations concern."""
    for q in r.entries:
        for o in q.review.design_observations:
            if o.kind == "concern":
                yield q.name, o.scope or "untagged", o


def _reads_as(o: DesignObservation, f: Finding, seat: str, *, strict: bool) -> bool:
    """The concern is about the finding by `note_fit`'s tests, wherever it places itself."""
    note = Note(seat, "Design Observations", Location(""), " ".join(o.text.split()))
    if conflict(affirmed_claims(note.text), claims_in(f"{f.title}\n{f.body}")):
        return False
    if not about_the_same(note, f, on_its_lines=False) or not fits_section(note, f):
        return False
    return not strict or _tells_it(o.text, f)


def _place(o: DesignObservation, f: Finding, r: _Report) -> str:
    refs = list(_refs(o.text))
    if not refs:
        return PLACES[3]
    gaps = [g for a in refs for b in f.locations if (g := _gap(a, b, r.resolver)) is not None]
    if not gaps:
        return PLACES[2]
    return PLACES[0] if min(gaps) <= NEAR_LINES else PLACES[1]


def _matched(r: _Report, ours: tuple[Finding, ...]) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for theirs in r.report.findings:
        scored = [
            (d, n, f)
            for n, f in enumerate(ours)
            if r.credits(theirs) and (d := _distance(r.resolver, theirs, f)) is not None
        ]
        if scored:
            out.setdefault(choose(scored)[1], []).append(theirs)
    return out


def _side(seat: str, reports: list[Finding], r: _Report) -> str:
    if not reports:
        return SIDES[2]
    return SIDES[0] if any(seat in r.credits(t) for t in reports) else SIDES[1]


def _noted_from(o: DesignObservation, f: Finding, seat: str, r: _Report) -> bool:
    """A note source of the seat on `f` whose text is one of the concern's paragraphs."""
    units = _units(o)
    return any(
        s.kind == "note"
        and s.finding_id == "Design Observations"
        and r.names(s.reviewer) == seat
        and any(u.startswith(s.title.rstrip("…")) for u in units)
        for s in f.sources
    )


def _agreeing(r: _Report, ours: Ours) -> set[str]:
    """IDs of the report's findings whose finding of ours credits exactly its reviewers."""
    out = set()
    for n, reports in _matched(r, ours).items():
        mine = frozenset(r.names(x) for x in ours[n].reviewers)
        out |= {t.id for t in reports if r.credits(t) == mine}
    return out


def _without_future_notes(r: _Report, ours: Ours) -> Ours:
    """Rule A: a `(future)` concern credits no finding (its note credits are taken off)."""
    future = {(seat, u) for seat, tag, o in _concerns(r) if tag == "future" for u in _units(o)}
    out = []
    for f in ours:
        kept = tuple(
            s
            for s in f.sources
            if not (
                s.kind == "note"
                and s.finding_id == "Design Observations"
                and any(
                    seat == r.names(s.reviewer) and u.startswith(s.title.rstrip("…"))
                    for seat, u in future
                )
            )
        )
        who = {s.reviewer for s in kept}
        out.append(replace(f, sources=kept, reviewers=tuple(x for x in f.reviewers if x in who)))
    return tuple(out)


def _crediting(
    tags: tuple[str, ...], *, strict: bool, place: bool, one: bool
) -> Callable[[_Report, Ours], Ours]:
    """Rule B: a concern of `tags` that reads as a finding of ours its seat is not credited on
    (`_reads_as`) credits its seat there (only when it reads as exactly one: `one`), with the
    places it cites added to the finding's (`place`)."""

    def rule(r: _Report, ours: Ours) -> Ours:
        out = list(ours)
        for seat, tag, o in _concerns(r):
            if tag not in tags:
                continue
            hits = [
                n
                for n, f in enumerate(out)
                if seat not in {r.names(x) for x in f.reviewers}
                and _reads_as(o, f, seat, strict=strict)
            ]
            if one and len(hits) != 1:
                continue
            refs = tuple(_refs(o.text)) if place else ()
            for n in hits:
                f = out[n]
                note = FindingSource(
                    seat, "Design Observations", f.severity, o.text[:160], refs, "note"
                )
                out[n] = replace(
                    f,
                    reviewers=(*f.reviewers, seat),
                    sources=(*f.sources, note),
                    locations=(*f.locations, *refs),
                )
        return tuple(out)

    return rule


RULES: dict[str, Callable[[_Report, Ours], Ours]] = {
    "A: (future) concerns credit nothing": _without_future_notes,
}
for _tags, _label in ((("in-scope",), "(in-scope)"), (("in-scope", "future", "untagged"), "any")):
    for _strict in (True, False):
        for _one in (True, False):
            for _with_place in (True, False):
                RULES[
                    f"B: {_label} concern credits, {'strict' if _strict else 'loose'}"
                    f"{', one finding' if _one else ''}{', + its places' if _with_place else ''}"
                ] = _crediting(_tags, strict=_strict, place=_with_place, one=_one)
_B = _crediting(("in-scope",), strict=True, place=True, one=True)
RULES["A and B: (in-scope) strict, one finding, + its places"] = lambda r, ours: _B(
    r, _without_future_notes(r, ours)
)


def _units(o: DesignObservation) -> list[str]:
    return [" ".join(u.split()) for u in text_units(o.text)]


class Tally:
    def __init__(self) -> None:
        self.tags: Counter[str] = Counter()
        self.noted: Counter[tuple[str, str]] = Counter()
        self.reads: Counter[tuple[str, str, str, str]] = Counter()  # tag, fit, place, side
        self.report: Counter[tuple[str, str, str]] = Counter()  # tag, fit, credited?
        self.examples: list[str] = []
        self.agree = 0
        self.rules: dict[str, tuple[list[str], list[str]]] = {k: ([], []) for k in RULES}

    def add(self, r: _Report) -> None:
        texts = [ReviewText(q.review.seat, q.review.raw, q.pass_no, q.name) for q in r.entries]
        ours = consolidate_reviews(texts).findings
        matched = _matched(r, ours)
        for seat, tag, o in _concerns(r):
            self.tags[tag] += 1
            for n, f in enumerate(ours):
                members = {r.names(s.reviewer) for s in f.sources if s.kind == "finding"}
                if seat in members:
                    continue
                side = _side(seat, matched.get(n, []), r)
                if _noted_from(o, f, seat, r):
                    self.noted[(tag, side)] += 1
                    self._example("1", tag, side, r, seat, o, f)
                for fit in ("loose", "strict"):
                    if _reads_as(o, f, seat, strict=fit == "strict"):
                        self.reads[(tag, fit, _place(o, f, r), side)] += 1
                        if fit == "strict":
                            self._example(f"2 {_place(o, f, r)}", tag, side, r, seat, o, f)
            self._report_side(r, seat, tag, o)
        before = _agreeing(r, ours)
        self.agree += len(before)
        for name, rule in RULES.items():
            after = _agreeing(r, rule(r, ours))
            gained, lost = self.rules[name]
            gained.extend(f"{r.name[:58]} {i}" for i in sorted(after - before))
            lost.extend(f"{r.name[:58]} {i}" for i in sorted(before - after))

    def _report_side(self, r: _Report, seat: str, tag: str, o: DesignObservation) -> None:
        own = [g for q in r.entries if q.name == seat for g in q.review.findings]
        for t in r.report.findings:
            if not r.credits(t) or any(
                _near(a, g.locations, r.resolver) for a in t.locations for g in own
            ):
                continue
            for fit in ("loose", "strict"):
                if _reads_as(o, t, seat, strict=fit == "strict"):
                    credited = "credits the seat" if seat in r.credits(t) else "does not"
                    self.report[(tag, fit, credited)] += 1
                    if fit == "strict":
                        self._example("3", tag, credited, r, seat, o, t)

    def _example(
        self,
        part: str,
        tag: str,
        side: str,
        r: _Report,
        seat: str,
        o: DesignObservation,
        f: Finding,
    ) -> None:
        concern = " ".join(o.text.split())[:70]
        self.examples.append(
            f"{part} {tag} {side}: {r.name[:58]} {seat}: {concern} -> {f.id} {f.title[:50]}"
        )


def _print(t: Tally, examples: int) -> None:
    print("concerns per tag: " + ", ".join(f"{tag} {t.tags[tag]}" for tag in TAGS))
    print("1. credited by `credit_notes` on a finding of ours; the report's finding there:")
    for tag in TAGS:
        print(f"   {tag:<9} " + ", ".join(f"{s} {t.noted[(tag, s)]}" for s in SIDES))
    print(
        "2. findings of ours (the seat no member) the concern reads as; the report's finding there:"
    )
    for fit in ("loose", "strict"):
        for tag in TAGS:
            for place in PLACES:
                row = [t.reads[(tag, fit, place, s)] for s in SIDES]
                if any(row):
                    print(
                        f"   {fit:<6} {tag:<9} {place:<13} "
                        + ", ".join(f"{s} {n}" for s, n in zip(SIDES, row, strict=True))
                    )
    print(f"3. report findings the concern reads as, no finding of the seat within {NEAR} lines:")
    for fit in ("loose", "strict"):
        for tag in TAGS:
            yes, no = t.report[(tag, fit, "credits the seat")], t.report[(tag, fit, "does not")]
            share = f"{100 * yes / (yes + no):.0f} %" if yes + no else "-"
            print(f"   {fit:<6} {tag:<9} credits the seat {yes:>3} / {yes + no:<3} = {share}")
    print(f"4. candidate rules (agree today {t.agree}, as bench_corpus counts it):")
    for name, (gained, lost) in t.rules.items():
        print(f"   {name:<58} +{len(gained)} -{len(lost)}")
        if len(gained) + len(lost) <= 8:  # the loose rules' long lists say nothing more
            print(*(f"       + {g}" for g in gained), *(f"       - {x}" for x in lost), sep="\n")
    for part in ("1", "2", "3"):
        shown = [e for e in t.examples if e.split(" ", 1)[0] == part][:examples]
        print(*(f"     {e}" for e in shown), sep="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "--corpus", type=pathlib.Path, default=None, help="default ../shared/corpus/dev"
    )
    ap.add_argument("--examples", type=int, default=20, help="examples printed per part")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"corpus {corpus} not found; pass --corpus DIR", file=sys.stderr)
        return 2
    tally = Tally()
    for path in sorted(corpus.glob("*.md")):
        r = _Report(path)
        if r.entries:
            tally.add(r)
    _print(tally, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
