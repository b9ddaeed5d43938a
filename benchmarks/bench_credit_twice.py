"""One seat finding credited on two report findings: how often does the report's lead do it?

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_credit_twice.py [--corpus DIR] [--examples N]

Some attribution misses are a report crediting one seat's finding on two of its findings, which
a partition of the seats' findings cannot do. Before any rule that credits a finding twice,
this measures whether that is the lead's habit, three ways:

1. Per seat finding: the report findings whose credit of that seat it explains (of the seat's
   findings, the nearest to the report finding's place: same file, within `NEAR` lines), by the
   finding's shape (one place; several places in one file; several files).
2. Per further place of a finding that names several (each beyond `NEAR` lines of its first)
   where another seat has a finding and the seat none of its own: does the report's finding
   there credit the seat (a rule crediting a finding at each place it names would)?
3. Per note naming a file of the change without a line (Testing or Documentation Assessment
   item, design concern; `notes.py` reads only `file:line`): would crediting it on a finding
   of ours in that file, of another seat, sharing a code name and two title words or a failure
   kind (`note_fit.fits_section` holding), agree with the report's finding matched to ours?
Measuring only: exits 0.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
from collections import Counter

from deepreview.consolidate.claims import claims_in, conflict
from deepreview.consolidate.code_notes import text_units
from deepreview.consolidate.features import PathResolver, identifiers_in, words
from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.consolidate.note_fit import Note, affirmed_claims, fits_section
from deepreview.consolidate.notes import _FAULTS, _PROSE_REF, _REF
from deepreview.findings.report_parse import QuotedReview, parse_appendix_entries, parse_report
from deepreview.markdown_fence import without_code_spans
from deepreview.model import AgentReview, Finding, Location, Report

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _attribution import default_corpus
from _attribution_match import NEAR, Names, _credits, _distance, _same_file, choose

_FILE = re.compile(r"(?<![\w/.@+-])((?:[\w.@+-]+/)*[\w@+-][\w.@+-]*\.[A-Za-z][A-Za-z0-9]{0,9})\b")
SHAPES = ("one place", "places in one file", "several files")


def _name(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _gap(a: Location, b: Location, resolver: PathResolver) -> int | None:
    """Lines between two places of one file (`NEAR` for a whole file); None in two files."""
    if not _same_file(resolver.resolve(a.path), resolver.resolve(b.path)):
        return None
    if a.start is None or b.start is None:
        return NEAR
    return max(0, b.start - (a.end or a.start), a.start - (b.end or b.start))


def _near(a: Location, places: tuple[Location, ...], resolver: PathResolver) -> bool:
    return any((g := _gap(a, b, resolver)) is not None and g <= NEAR for b in places)


def _shape(f: Finding) -> str:
    if len({_name(loc.path) for loc in f.locations}) >= 2:
        return SHAPES[2]
    return SHAPES[1] if len(f.locations) >= 2 else SHAPES[0]


class _Report:
    def __init__(self, path: pathlib.Path) -> None:
        text = path.read_text(encoding="utf-8", errors="replace")
        self.name = path.name
        self.report: Report = parse_report(text)
        self.entries: list[QuotedReview] = [
            q for q in parse_appendix_entries(text) if q.review.raw.strip() and not q.pointer_only
        ]
        self.names = Names(q.name for q in self.entries)
        places = {
            loc.path
            for f in (*self.report.findings, *(g for q in self.entries for g in q.review.findings))
            for loc in f.locations
        }
        self.resolver = PathResolver({p for p in places if "/" in p})

    def credits(self, f: Finding) -> frozenset[str]:
        return _credits(f, self.names)[0]


def held(r: _Report, out: Counter[tuple[str, int]], examples: list[str]) -> None:
    """Part 1: each seat finding and the report findings whose credit of its seat it explains."""
    by_seat: dict[tuple[str, str], list[str]] = {}
    for theirs in r.report.findings:
        for q in r.entries:
            if q.name not in r.credits(theirs):
                continue
            gaps = [
                (g, f.id)
                for f in q.review.findings
                for a in theirs.locations
                for b in f.locations
                if (g := _gap(a, b, r.resolver)) is not None and g <= NEAR
            ]
            if gaps:
                by_seat.setdefault((q.name, min(gaps)[1]), []).append(theirs.id)
    for q in r.entries:
        for f in q.review.findings:
            ids = by_seat.get((q.name, f.id), [])
            out[(_shape(f), min(len(ids), 2))] += 1
            if len(ids) >= 2:
                examples.append(f"{r.name[:60]} {q.name} {f.id} ({_shape(f)}) -> {', '.join(ids)}")


def further_places(r: _Report, out: Counter[str], examples: list[str]) -> None:
    """Part 2: at each further place of a finding naming several, another seat's finding there."""
    for q in r.entries:
        others = [g for e in r.entries if e.name != q.name for g in e.review.findings]
        for f in q.review.findings:
            first = f.locations[0] if f.locations else None
            for loc in f.locations[1:]:
                if first is None or _near(loc, (first,), r.resolver):
                    continue
                own = [
                    g
                    for g in q.review.findings
                    if g is not f and _near(loc, g.locations, r.resolver)
                ]
                if own or not any(_near(loc, g.locations, r.resolver) for g in others):
                    continue
                there = [t for t in r.report.findings if _near(loc, t.locations, r.resolver)]
                at_first = [t for t in r.report.findings if _near(first, t.locations, r.resolver)]
                crediting = [t for t in there if q.name in r.credits(t)]
                if not there:
                    kind = "no report finding there"
                elif not crediting:
                    kind = "report's finding there does not credit the seat"
                elif all(t in at_first for t in crediting):
                    kind = "credits the seat, as the finding at its first place"
                else:
                    kind = "credits the seat on another report finding"
                out[kind] += 1
                examples.append(
                    f"{kind}: {r.name[:60]} {q.name} {f.id} {first} + {loc} -> "
                    + ", ".join(f"{t.id} {sorted(r.credits(t))}" for t in there)
                )


def _units(review: AgentReview) -> list[tuple[str, str]]:
    t, d = review.testing, review.documentation
    out = [("Testing Assessment", u) for s in (t.intro, *t.items) for u in text_units(s)]
    out += [("Documentation Assessment", u) for s in (d.intro, *d.items) for u in text_units(s)]
    concerns = (o.text for o in review.design_observations if o.kind == "concern")
    return out + [("Design Observations", u) for s in concerns for u in text_units(s)]


def _tells_it(unit: str, f: Finding) -> bool:
    """A code name both give, and two title words of four letters or more or a failure kind
    both name, none contradicting."""
    text = f"{f.title}\n{f.body}"
    if not set(identifiers_in(unit)) & set(identifiers_in(text)):
        return False
    said, faulted = affirmed_claims(unit), claims_in(text)
    if conflict(said, faulted):
        return False
    title = {w for w in words(without_code_spans(f.title)) if len(w) >= 4}
    return bool(said & faulted) or len(title & set(words(without_code_spans(unit)))) >= 2


def file_notes(r: _Report, out: Counter[tuple[str, str]], examples: list[str]) -> None:
    """Part 3: notes naming a file without a line, credited on a finding of ours there."""
    texts = [ReviewText(q.review.seat, q.review.raw, q.pass_no, q.name) for q in r.entries]
    ours = consolidate_reviews(texts).findings
    matched: dict[int, list[Finding]] = {}
    for theirs in r.report.findings:
        scored = [
            (d, n, f)
            for n, f in enumerate(ours)
            if r.credits(theirs) and (d := _distance(r.resolver, theirs, f)) is not None
        ]
        if scored:
            matched.setdefault(choose(scored)[1], []).append(theirs)
    for q in r.entries:
        for section, unit in _units(q.review):
            if unit.lstrip().startswith("|") or _REF.search(unit) or _PROSE_REF.search(unit):
                continue  # a table, or a place with lines (`notes.py` reads those)
            if not _FAULTS.search(without_code_spans(unit)):
                continue
            files = {_name(m.group(1)) for m in _FILE.finditer(unit)}
            note = Note(q.review.seat, section, Location(""), " ".join(unit.split()))
            for n, f in enumerate(ours):
                if q.name in {r.names(x) for x in f.reviewers}:
                    continue
                if not files & {_name(loc.path) for loc in f.locations}:
                    continue
                if not _tells_it(unit, f) or not fits_section(note, f):
                    continue
                reports = matched.get(n, [])
                side = (
                    "no report finding matched to ours"
                    if not reports
                    else "right"
                    if any(q.name in r.credits(t) for t in reports)
                    else "wrong"
                )
                out[(section, side)] += 1
                examples.append(
                    f"{side}: {r.name[:60]} {q.name} {section} -> ours {f.id} {f.title[:60]}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "--corpus", type=pathlib.Path, default=None, help="default ../shared/corpus/dev"
    )
    ap.add_argument("--examples", type=int, default=12, help="examples printed per part")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"corpus {corpus} not found; pass --corpus DIR", file=sys.stderr)
        return 2
    one: Counter[tuple[str, int]] = Counter()
    two: Counter[str] = Counter()
    three: Counter[tuple[str, str]] = Counter()
    ex1: list[str] = []
    ex2: list[str] = []
    ex3: list[str] = []
    for path in sorted(corpus.glob("*.md")):
        r = _Report(path)
        if not r.entries:
            continue
        held(r, one, ex1)
        further_places(r, two, ex2)
        file_notes(r, three, ex3)
    print("1. seat findings by the report findings whose credit of their seat they explain")
    print(f"   {'shape':<20} {'all':>5} {'none':>5} {'one':>5} {'two or more':>12}")
    for shape in SHAPES:
        row = [one[(shape, k)] for k in (0, 1, 2)]
        print(f"   {shape:<20} {sum(row):>5} {row[0]:>5} {row[1]:>5} {row[2]:>12}")
    print(*(f"     {e}" for e in ex1[: args.examples]), sep="\n")
    print("2. a finding's further places where another seat has a finding and the seat none")
    for kind, n in sorted(two.items(), key=lambda kv: -kv[1]):
        print(f"   {n:>4} {kind}")
    print(*(f"     {e}" for e in ex2 if "no report" not in e), sep="\n")
    print("3. notes naming a file without a line, credited on a finding of ours in that file")
    for section in ("Testing Assessment", "Documentation Assessment", "Design Observations"):
        sides = {
            s: three[(section, s)] for s in ("right", "wrong", "no report finding matched to ours")
        }
        print(f"   {section:<26} " + ", ".join(f"{s} {n}" for s, n in sides.items()))
    print(*(f"     {e}" for e in ex3[: args.examples]), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
