"""Placed remarks outside the findings: does the report's lead make them findings?

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_placed_notes.py [--corpus DIR] [--examples N]

A seat often names a place of the change outside its findings: its Testing Assessment says
"nothing tests `sync.go:120-131`", a design concern that `retry()` in `queue.py` never gives up.
Some attribution misses are such remarks the lead turned into report findings. This measures
whether that is the lead's habit: for every remark (a paragraph or list item of a section that
holds no findings) naming a place of the change — a `file:line` (or "line 12 of `file`"), or a
file of the change and a code name (`retry()`) — whether a finding of the report sits there
(same file, within `NEAR` lines; for a code name, a finding in that file naming it).

The files of the change are the files the seats place findings in or list in their Coverage
Summary: a remark naming another file names no place of the change. A remark at a place of the
seat's own finding retells that finding and is left out. Counted per section kind (testing,
design, documentation, other), three ways: every placed remark; those no finding of offline
consolidation sits at (what a rule making remarks into findings would add); and of those, the
ones the report's finding there credits to the remark's seat. Approving remarks ("accurate")
are counted apart; the last column keeps, of the remarks no finding of ours sits at, those
naming a fault. Measuring only: exits 0.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
import typing
from collections import Counter
from collections.abc import Iterator

from deepreview.consolidate.code_notes import text_units
from deepreview.consolidate.features import PathResolver, identifiers_in, parse_file_ref
from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.consolidate.note_fit import LINES_OF
from deepreview.consolidate.notes import _APPROVES, _FAULTS, _PROSE_REF, _REF
from deepreview.findings.report_parse import parse_appendix_entries, parse_report
from deepreview.markdown_fence import without_code_spans
from deepreview.model import AgentReview, Finding, Location

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _attribution import default_corpus
from _attribution_match import NEAR, Names, _credits, _same_file

KINDS = ("testing", "design", "documentation", "other")
# a file named in prose or a code span, without a line
_FILE = re.compile(r"(?<![\w/.@+-])((?:[\w.@+-]+/)*[\w@+-][\w.@+-]*\.[A-Za-z][A-Za-z0-9]{0,9})\b")


class Remark(typing.NamedTuple):
    seat: str  # the appendix name
    kind: str  # testing | design | documentation | other
    section: str
    text: str
    places: tuple[Location, ...]  # lines of the change it names
    names: tuple[tuple[str, str], ...]  # (file, code name) it names, without a line


def _units(review: AgentReview) -> Iterator[tuple[str, str, str]]:
    """(kind, section, unit) of every paragraph or item outside the review's findings."""
    t, d = review.testing, review.documentation
    for kind, section, texts in (
        ("testing", "Testing Assessment", (t.intro, *t.items)),
        ("documentation", "Documentation Assessment", (d.intro, *d.items)),
        (
            "design",
            "Design concern",
            tuple(o.text for o in review.design_observations if o.kind == "concern"),
        ),
        (
            "other",
            "Design strength",
            tuple(o.text for o in review.design_observations if o.kind == "strength"),
        ),
        ("other", "Acknowledged Limitations", (review.limitations,)),
        ("other", "Executive Summary", (review.executive_summary,)),
    ):
        for text in texts:
            for unit in text_units(text):
                yield kind, section, unit
    for s in review.other_sections:
        for unit in text_units(s.body):
            yield "other", s.title, unit
    for c in review.coverage:
        if c.status.strip():
            yield "other", "Coverage Summary", f"`{c.path}` {c.status}"


def _places(unit: str) -> list[Location]:
    out = []
    for m in (*_REF.finditer(unit), *_PROSE_REF.finditer(unit), *LINES_OF.finditer(unit)):
        end = m.group(3)
        loc = parse_file_ref(f"{m.group(1)}:{m.group(2)}" + (f"-{end}" if end else ""))
        if loc is not None and loc.start is not None:
            out.append(loc)
    return out


class _Change:
    """The files of the change (module docstring), matched by path or by a path's end."""

    def __init__(self, reviews: list[AgentReview], resolver: PathResolver) -> None:
        self.resolver = resolver
        self.files = {
            resolver.resolve(p)
            for r in reviews
            for p in (
                *(c.path for c in r.coverage),
                *(o.path for f in r.findings for o in f.locations),
            )
            if p
        }

    def file_of(self, path: str) -> str | None:
        p = self.resolver.resolve(path)
        return next((f for f in self.files if _same_file(p, f)), None)


def remarks_of(name: str, review: AgentReview, change: _Change) -> list[Remark]:
    out = []
    for kind, section, unit in _units(review):
        if unit.lstrip().startswith("|"):
            continue  # a verdict table, not a remark
        places = tuple(
            Location(f, loc.start, loc.end)
            for loc in _places(unit)
            if (f := change.file_of(loc.path)) is not None
        )
        names: tuple[tuple[str, str], ...] = ()
        if not places:
            files = {f for m in _FILE.finditer(unit) if (f := change.file_of(m.group(1)))}
            code = [
                n
                for n in identifiers_in(unit).values()
                if "." not in n.rsplit("/", 1)[-1] or "(" in n or not _FILE.fullmatch(n)
            ]
            code = [n for n in code if len(n) >= 4 and not any(n in f for f in files)]
            if len(files) == 1 and code:
                names = tuple((next(iter(files)), n) for n in code)
        if places or names:
            out.append(Remark(name, kind, section, " ".join(unit.split()), places, names))
    return out


def _near(remark: Remark, f: Finding, resolver: PathResolver) -> bool:
    """A place of `f` is within `NEAR` lines of a line the remark names, or `f` in a file the
    remark names with a code name names that name."""
    for loc in f.locations:
        path = resolver.resolve(loc.path)
        for p in remark.places:
            if not _same_file(path, p.path):
                continue
            if loc.start is None:
                return True
            if (
                max(0, loc.start - (p.end or p.start or 0), (p.start or 0) - (loc.end or loc.start))
                <= NEAR
            ):
                return True
        text = f"{f.title}\n{f.body}"
        for file, name in remark.names:
            if _same_file(path, file) and name.lower() in identifiers_in(text):
                return True
    return False


class Tally(typing.NamedTuple):
    remark: Remark
    report: str
    approving: bool
    own: bool  # at a place of the seat's own finding
    ours: bool  # a finding of offline consolidation sits there
    became: str  # the report finding's ID there, or ""
    credited: bool  # that report finding credits the remark's seat


def measure(corpus: pathlib.Path) -> list[Tally]:
    out: list[Tally] = []
    for path in sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        entries = [
            q for q in parse_appendix_entries(text) if q.review.raw.strip() and not q.pointer_only
        ]
        if not entries:
            continue
        report = parse_report(text)
        texts = [ReviewText(q.review.seat, q.review.raw, q.pass_no, q.name) for q in entries]
        ours = consolidate_reviews(texts).findings
        known = {
            loc.path
            for f in (*report.findings, *ours, *(f for q in entries for f in q.review.findings))
            for loc in f.locations
        }
        known |= {c.path for q in entries for c in q.review.coverage}
        resolver = PathResolver({p for p in known if "/" in p})
        change = _Change([q.review for q in entries], resolver)
        names = Names(q.name for q in entries)
        for q in entries:
            for r in remarks_of(q.name, q.review, change):
                approving = bool(_APPROVES.search(r.text)) and not _FAULTS.search(
                    without_code_spans(r.text)
                )
                own = any(_near(r, f, resolver) for f in q.review.findings)
                theirs = [f for f in report.findings if _near(r, f, resolver)]
                credited = any(r.seat in _credits(f, names)[0] for f in theirs)
                out.append(
                    Tally(
                        r,
                        path.name,
                        approving,
                        own,
                        any(_near(r, f, resolver) for f in ours),
                        theirs[0].id if theirs else "",
                        credited,
                    )
                )
    return out


def _rate(rows: list[Tally]) -> str:
    n = sum(1 for t in rows if t.became)
    return f"{n}/{len(rows)} = {n / len(rows):.0%}" if rows else "0/0"


def report(corpus: pathlib.Path, out: typing.TextIO, examples: int = 3) -> None:
    rows = measure(corpus)
    print("## Placed remarks outside the findings (does the lead make them findings?)", file=out)
    print(f"corpus: {corpus}; remarks naming a place of the change: {len(rows)}", file=out)
    counts = Counter((t.remark.kind, t.own, t.approving) for t in rows)
    print(
        "  left out: "
        + f"{sum(n for (_, own, _), n in counts.items() if own)} at a place of the seat's own "
        + f"finding, {sum(1 for t in rows if not t.own and t.approving)} approving",
        file=out,
    )
    print(
        "  kind           all placed -> report finding there | no finding of ours there -> "
        "report finding | ... crediting the seat | ... naming a fault (`notes._FAULTS`)",
        file=out,
    )
    for kind in (*KINDS, "all"):
        placed = [t for t in rows if (kind == "all" or t.remark.kind == kind)]
        placed = [t for t in placed if not t.own and not t.approving]
        new = [t for t in placed if not t.ours]
        cred = sum(1 for t in new if t.credited)
        faults = [t for t in new if _FAULTS.search(without_code_spans(t.remark.text))]
        print(
            f"  {kind:<14} {_rate(placed):>18} | {_rate(new):>18} | {cred}/{len(new)}"
            f" | {_rate(faults)}",
            file=out,
        )
    for kind in KINDS:
        new = [t for t in rows if t.remark.kind == kind and not (t.own or t.approving or t.ours)]
        for side, pick in (("became", True), ("stayed", False)):
            shown = [t for t in new if bool(t.became) == pick][:examples]
            for t in shown:
                r = t.remark
                where = ", ".join(f"{p.path}:{p.start}" for p in r.places) or ", ".join(
                    f"{f} {n}" for f, n in r.names
                )
                got = f" -> {t.became}{' (credits it)' if t.credited else ''}" if t.became else ""
                print(
                    f"  {kind} {side}: {t.report[:40]} [{r.seat}] {r.section} at {where}{got}: "
                    f"{r.text[:110]}",
                    file=out,
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=None)
    ap.add_argument("--examples", type=int, default=3, help="examples shown per kind and side")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"corpus {corpus} not found; pass --corpus DIR")
        return 0
    report(corpus, sys.stdout, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
