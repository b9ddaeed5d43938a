"""Attribution agreement on real reports: do we credit the reviewers the original lead credited?

Run: .venv/bin/python benchmarks/_attribution.py [--corpus DIR] [--quiet] [--why]

For each report in the corpus (default `../shared/corpus/dev` from the repository root): the
agents' original reviews come from the report's appendix (`parse_appendix_entries`); they are
consolidated offline without a lead, exactly as `deep-review consolidate` does; then every
consolidated finding *of the report* (its Critical / Important / Suggestions sections, crediting
reviewers as `[Claude, Codex]`) is matched to one of ours: same file, nearest line within 20
(ties: the most similar title, then text), unless another within 20 lines reads more like it in
both title and text (`_attribution_match.choose`). A match agrees when it credits exactly the same
reviewers.

Reviewer names are normalised onto the appendix's reviewers: `Claude Opus 4.6` is `Claude` when
the appendix has one Claude; two Geminis (`Gemini 3.1 Pro`, `Gemini 3.5 Flash`) stay apart.
Findings the report credits to the lead alone (`[orchestrator]`, `[lead]`, or no reviewer of the
appendix) are the lead's own work: they are counted on a separate line and excluded from the rate.

`bench_corpus.py` imports `report`; this file also runs alone.
"""

from __future__ import annotations

import argparse
import math
import pathlib
import re
import sys
import typing
from collections import Counter

from deepreview.consolidate.cluster import Cluster, _items, cluster_findings
from deepreview.consolidate.evidence import describe
from deepreview.consolidate.features import PathResolver
from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.consolidate.inputs import SeatReview, is_model_backed
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.findings.parse import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.findings.report_parse import QuotedReview, parse_appendix_entries, parse_report
from deepreview.model import Finding, Location, Reviewer

# `_attribution_match` sits beside this file, which `bench_corpus.py` and the tests load by path
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _attribution_match import (
    Names,
    _credits,
    _distance,
    _on_the_commit_message,
    _same_file,
    choose,
)

_APPENDIX = re.compile(r"^#{1,3}[ \t]+(?:[\w.]+[ \t]+)?Appendix\b", re.MULTILINE | re.IGNORECASE)
LEAD_NAMES = frozenset({"orchestrator", "lead", "deep review", "deep-review"})
_REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
_CORPUS = pathlib.Path("shared", "corpus", "dev")


def default_corpus(root: pathlib.Path = _REPO_ROOT) -> pathlib.Path:
    """`../shared/corpus/dev` next to the repository; in a git worktree (`.git` is a file saying
    `gitdir: <main>/.git/worktrees/<name>`), next to the main checkout when not next to it."""
    here = root.parent / _CORPUS
    dot_git = root / ".git"
    if here.is_dir() or not dot_git.is_file():
        return here
    text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
    if not text.startswith("gitdir:"):
        return here
    gitdir = pathlib.Path(text.removeprefix("gitdir:").strip())
    main = gitdir.parent.parent.parent  # <main>/.git/worktrees/<name> -> <main>
    return main.parent / _CORPUS if (main.parent / _CORPUS).is_dir() else here


class Outcome(typing.NamedTuple):
    """Not a dataclass: `bench_corpus.py` loads this file without registering it as a module."""

    report: str
    finding: str  # "I2 Title" of the report's finding
    kind: str  # agree | under-merged | over-merged | mixed | not located | no location | lead
    detail: str = ""
    why: tuple[str, ...] = ()  # --why: the members of our finding and the links that joined them


def _label(f: Finding) -> str:
    title = " ".join(f.title.replace("**", "").split())
    return f"{f.id} {title[:70]}"


def _fmt(names: typing.Iterable[str]) -> str:
    return "[" + ", ".join(sorted(names)) + "]"


def _seat_reviews(reviews: list[ReviewText]) -> list[SeatReview]:
    seat_reviews = []
    for r in reviews:
        parsed = parse_review(r.text, seat=r.seat, pass_no=r.pass_no)
        seat_reviews.append(
            SeatReview(
                Reviewer(r.seat, r.name or r.seat),
                None if unparseable_reason(parsed) else parsed,
                model_backed=is_model_backed(r.seat),
            )
        )
    return seat_reviews


def _clusters(reviews: list[ReviewText]) -> tuple[Cluster, ...]:
    """The clusters `consolidate_reviews` builds its findings from (for `--why`)."""
    return cluster_findings(_seat_reviews(reviews))


def _cluster_of(match: Finding, clusters: tuple[Cluster, ...], names: dict[str, str]) -> Cluster:
    own = {(s.reviewer, s.finding_id) for s in match.sources if s.kind == "finding"}
    return next(
        (
            c
            for c in clusters
            if {(names.get(m.seat, m.seat), m.finding.id) for m in c.members} == own
        ),
        Cluster("K0", ()),
    )


def _why(match: Finding, clusters: tuple[Cluster, ...], names: dict[str, str]) -> tuple[str, ...]:
    """Our finding's members (seat, own ID, place, title) and the links that joined them."""
    own = {(s.reviewer, s.finding_id) for s in match.sources if s.kind == "finding"}
    noted = [f"note {s.reviewer} {s.finding_id}" for s in match.sources if s.kind == "note"]
    for c in clusters:
        if {(names.get(m.seat, m.seat), m.finding.id) for m in c.members} != own:
            continue
        lines = noted
        for m in c.members:
            loc = m.finding.locations[0] if m.finding.locations else None
            where = f"{loc.path}:{loc.start}-{loc.end}" if loc else "no place"
            title = " ".join(m.finding.title.split())[:90]
            lines.append(f"member {m.key} [{m.finding.severity.name[0]}] {where} {title}")
        lines.extend(f"link {k.joiner} -> {k.anchor} {k.score:.2f}: {k.evidence}" for k in c.links)
        return tuple(lines)
    return (f"(no cluster of exactly {sorted(own)})", *noted)


def _lines_off(resolver: PathResolver, theirs: Finding, mine: Finding) -> float:
    """Lines between the nearest places of the two in one file (0 when they overlap or either
    is a whole file); infinite when they share no file."""
    best = math.inf
    for a in theirs.locations:
        for b in mine.locations:
            if not _same_file(resolver.resolve(a.path), resolver.resolve(b.path)):
                continue
            if a.start is None or b.start is None:
                best = min(best, 0.0)
                continue
            best = min(best, max(0, b.start - (a.end or a.start), a.start - (b.end or b.start)))
    return best


class _Pairs:
    """Pair scores as clustering computes them (`score.evidence`), for `--why`."""

    def __init__(self, texts: list[ReviewText]) -> None:
        items, _ = _items(_seat_reviews(texts), ())
        self.idf = rarity(i.features for i in items)
        self.items = {i.member.key: i for i in items}

    def explain(self, a: str, b: str) -> tuple[float, str]:
        x, y = self.items[a], self.items[b]
        generic = not (x.member.model_backed and y.member.model_backed)
        ev = evidence(x.features, y.features, idf=self.idf, generic=generic)
        text = describe(ev)
        return ev.score, "nothing alike" + text if text.startswith(" ") else text


def _kept_apart(
    theirs: Finding,
    match: Finding,
    missing: frozenset[str],
    ours: typing.Sequence[Finding],
    clusters: tuple[Cluster, ...],
    pairs: _Pairs,
    seat_names: dict[str, str],
    resolver: PathResolver,
) -> tuple[str, ...]:
    """For each reviewer the report credits and `match` does not: its finding of ours nearest
    the report's place and the one scoring best against a member of `match` (ID, place, title),
    each with its best pair's score and evidence; or that the reviewer has no finding of its own
    (only a note, or nothing)."""
    names = Names(seat_names.values())
    members = _cluster_of(match, clusters, seat_names).members
    out: list[str] = []
    credited = missing | {n for r in match.reviewers if (n := names(r)) is not None}
    for f in ours:
        there = any(
            _same_file(resolver.resolve(a.path), resolver.resolve(b.path))
            for a in theirs.locations
            for b in f.locations
        )
        if f is not match and there and credited == {names(r) for r in f.reviewers}:
            # the merge is made, in the report's file, at a place of ours not the nearest
            where = ", ".join(f"{loc.path}:{loc.start}" for loc in f.locations[:3]) or "no place"
            out.append(f"ours {f.id} credits all of them, at {where}")
    for name in sorted(missing):
        mine = [
            (f, m)
            for f in ours
            for s in f.sources
            if s.kind == "finding" and names(s.reviewer) == name
            for c in clusters
            for m in c.members
            if m.finding.id == s.finding_id and seat_names.get(m.seat, m.seat) == s.reviewer
        ]
        if not mine or not members:
            noted = [f.id for f in ours if any(names(s.reviewer) == name for s in f.sources)]
            out.append(
                f"{name} has no finding of its own"
                + (f"; a note of it is on ours {', '.join(noted)}" if noted else ", nor a note")
            )
            continue
        rows = []
        for f, m in mine:
            score, ev, key = max((*pairs.explain(m.key, a.key), a.key) for a in members)
            rows.append((_lines_off(resolver, theirs, m.finding), -score, f, m, key, ev))
        nearest, best = min(rows, key=lambda r: r[:2]), min(rows, key=lambda r: r[1::-1])
        for gap, neg, f, m, key, ev in dict.fromkeys([nearest, best]):
            loc = m.finding.locations[0] if m.finding.locations else None
            where = f"{loc.path}:{loc.start}" if loc else "no place"
            off = "in no file of the report's" if gap == math.inf else f"{gap:.0f} lines off"
            title = " ".join(m.finding.title.replace("**", "").split())[:60]
            out.append(f"{m.key} is in ours {f.id}, at {where} ({off}): {title}")
            out.append(f"  pair {m.key} ~ {key} {-neg:.2f}: {ev}")
    return tuple(out)


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


def _placed_elsewhere(
    theirs: Finding, credited: frozenset[str], entries: list[QuotedReview], resolver: PathResolver
) -> tuple[str, ...]:
    """Where each credited reviewer put a report finding that nothing of ours sits at (`--why`):
    its own finding in that file far from the report's line (the lead moved the line), the
    file cited in the text of a finding placed elsewhere or under a section that holds no
    findings (the lead chose a place the review only mentions, or promoted a note), or nowhere
    (the lead's own place). None of these is a parsing miss; a finding the parser missed would
    show as a citation under a findings section ("Important Issues") outside every finding's
    text."""
    out: list[str] = []
    for q in entries:
        if q.name not in credited or q.pointer_only:
            continue
        for loc in theirs.locations[:2]:
            out.extend(_one_place(q, loc, resolver))
    return tuple(out)


def _one_place(q: QuotedReview, loc: Location, resolver: PathResolver) -> list[str]:
    path = resolver.resolve(loc.path)
    own = [
        (f, o)
        for f in q.review.findings
        for o in f.locations
        if _same_file(path, resolver.resolve(o.path))
    ]
    if own:
        out = []
        for f, o in own:
            where = f"{o.path}:{o.start}" + (f"-{o.end}" if o.end else "")
            if loc.start is None or o.start is None:
                out.append(f"{q.name} {f.id} is in that file at {where}")
                continue
            gap = max(0, o.start - (loc.end or loc.start), loc.start - (o.end or o.start))
            out.append(
                f"{q.name} {f.id} is in that file at {where}, {gap} lines from line {loc.start}"
            )
        return out
    base = loc.path.rsplit("/", 1)[-1]
    cite = re.compile(
        rf"(?<![\w.@+-])(?:[\w.@+-]+/)*{re.escape(base)}(?::\d+(?:\s*[-–]\s*\d+)?)?(?![\w])"
    )
    section, fenced = "", False
    out = []
    for line in q.review.raw.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (heading := _HEADING.match(line)):
            # a `# comment` in a code block is no heading of the review
            section = heading.group(1).replace("*", "").strip()
            continue
        for m in cite.finditer(line):
            ref = m.group(0)
            holder = next((f for f in q.review.findings if ref in f.body or ref in f.fix), None)
            if holder is not None:
                o = holder.locations[0] if holder.locations else None
                at = f" ({o.path}:{o.start}" + (f"-{o.end})" if o.end else ")") if o else ""
                out.append(
                    f"{q.name} cites `{ref}` in the text of its {holder.id}{at}, not as its place"
                )
            else:
                out.append(
                    f"{q.name} cites `{ref}` under {section or 'its opening'}, not in a finding"
                )
            if len(out) == 3:
                return out
    return out or [f"{q.name} never names {base}"]


def evaluate(path: pathlib.Path, *, why: bool = False) -> tuple[list[Outcome], str]:
    """Outcomes of one report, and a note when its appendix could not be used. `why`: each
    over-merged or mixed miss carries the members and links of our finding, each not-located
    one where the reviewers it credits put it (`_placed_elsewhere`), each under-merged or not-near
    one where the missing reviewers' findings of ours are and how they scored (`_kept_apart`)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    report = parse_report(text)
    # the package's splitter: distinct names and seats for two reviewers of one family
    entries = [q for q in parse_appendix_entries(text) if q.review.raw.strip()]
    if entries and all(q.pointer_only for q in entries):
        # the issue: pointer-only appendices ("See `/tmp/.../review-claude-pass-1.md`") hold no
        # review to consolidate; the report is left out, not counted as misses
        return [], "pointer-only appendix (no review text), left out"
    if not entries and not _APPENDIX.search(text):
        # a single agent's review filed as a report: nothing was consolidated, nothing to compare
        return [], "no appendix of original reviews, left out"
    if not entries:
        # the report's findings still count: nothing of ours can match them
        return [
            Outcome(path.name, _label(f), "not located", "appendix not parsed")
            for f in report.findings
        ], "no appendix reviews parsed"
    texts = [
        ReviewText(q.review.seat, q.review.raw, q.pass_no, q.name)
        for q in entries
        if not q.pointer_only
    ]
    ours = consolidate_reviews(texts)
    clusters = _clusters(texts) if why else ()
    pairs = _Pairs(texts) if why else None
    seat_names = {t.seat: t.name or t.seat for t in texts}
    names = Names(e.name for e in entries)
    known = {loc.path for f in (*report.findings, *ours.findings) for loc in f.locations}
    resolver = PathResolver({p for p in known if "/" in p})
    outcomes: list[Outcome] = []
    for theirs in report.findings:
        credited, unknown = _credits(theirs, names)
        label = _label(theirs)
        if not credited:
            outcomes.append(Outcome(path.name, label, "lead", _fmt(theirs.reviewers)))
            continue
        if not theirs.locations and not _on_the_commit_message(theirs):
            outcomes.append(Outcome(path.name, label, "no location", "the report gives none"))
            continue
        scored = [
            (d, n, f)
            for n, f in enumerate(ours.findings)
            if (d := _distance(resolver, theirs, f)) is not None
        ]
        if not scored:
            where = ", ".join(f"{loc.path}:{loc.start}" for loc in theirs.locations[:2])
            where = where or "the commit message"
            explain = _placed_elsewhere(theirs, credited, entries, resolver) if why else ()
            outcomes.append(
                Outcome(path.name, label, "not located", f"nothing of ours at {where}", explain)
            )
            continue
        _, _, match = choose(scored)
        mine, _ = _credits(match, names)
        extra = f"; lead-only credit {_fmt(unknown)}" if unknown else ""
        if mine == credited:
            outcomes.append(Outcome(path.name, label, "agree", f"{_fmt(mine)}{extra}"))
            continue
        missing, surplus = credited - mine, mine - credited
        kind = "mixed" if missing and surplus else ("under-merged" if missing else "over-merged")
        if missing and not surplus:
            # under-merged when the missing reviewers' findings are ours nearby, else not found
            near = [f for _, _, f in scored if _credits(f, names)[0] & missing]
            if not near:
                kind = "reviewer's finding not parsed or not near"
        detail = (
            f"report {_fmt(credited)} vs ours {match.id} {_fmt(mine)}"
            f" ({match.locations[0].path}:{match.locations[0].start})"
            if match.locations
            else f"report {_fmt(credited)} vs ours {match.id} {_fmt(mine)}"
        )
        explain = _why(match, clusters, seat_names) if why and surplus else ()
        if pairs is not None and missing and not surplus:
            explain = _kept_apart(
                theirs, match, missing, ours.findings, clusters, pairs, seat_names, resolver
            )
        outcomes.append(Outcome(path.name, label, kind, detail + extra, explain))
    return outcomes, ""


def report(
    corpus: pathlib.Path, out: typing.TextIO, *, verbose: bool = True, why: bool = False
) -> float:
    """Print the attribution agreement over `corpus` and every mismatch; return the rate (0-1).
    `why`: under each over-merged or mixed miss, the members of our finding and their links;
    under each not-located one, where the reviewers it credits put it; under each under-merged
    or not-near one, each missing reviewer's finding of ours and its pair score and evidence."""
    files = sorted(corpus.glob("*.md"))
    all_outcomes: list[Outcome] = []
    skipped: list[tuple[str, str]] = []
    for path in files:
        outcomes, note = evaluate(path, why=why)
        if note:
            skipped.append((path.name, note))
        all_outcomes.extend(outcomes)
    kinds = Counter(o.kind for o in all_outcomes)
    lead = kinds.pop("lead", 0)
    rated = sum(kinds.values())
    located = rated - kinds["not located"] - kinds["no location"]
    agree = kinds["agree"]
    rate = agree / rated if rated else 0.0
    print(f"attribution: {len(files)} reports, {rated} consolidated findings credited to", file=out)
    print(f"  reviewers ({lead} more are the lead's own work, excluded from the rate)", file=out)
    print(f"  located:  {located}/{rated}", file=out)
    print(f"  agree:    {agree}/{rated} = {rate:.1%} credit exactly the same reviewers", file=out)
    # Misses no merge rule can mend: the credited reviewer has no finding of its own there
    # (the lead promoted a note, or credited a seat that wrote no review), or nothing is there.
    unmergeable = (
        kinds["not located"]
        + kinds["no location"]
        + kinds["reviewer's finding not parsed or not near"]
    )
    ceiling = (rated - unmergeable) / rated if rated else 0.0
    print(
        f"  ceiling:  {rated - unmergeable}/{rated} = {ceiling:.1%} if every merge of findings "
        "near the report's place were right",
        file=out,
    )
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        if kind != "agree":
            print(f"  {kind}: {n}", file=out)
    for name, note in skipped:
        print(f"  skipped {name}: {note}", file=out)
    if verbose:
        for o in all_outcomes:
            if o.kind not in ("agree", "lead"):
                print(f"  MISS {o.report} {o.finding}: {o.kind} — {o.detail}", file=out)
                for line in o.why:
                    print(f"      {line}", file=out)
        for o in all_outcomes:
            if o.kind == "lead":
                print(f"  LEAD {o.report} {o.finding} {o.detail}", file=out)
    return rate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "--corpus", type=pathlib.Path, default=None, help="default ../shared/corpus/dev"
    )
    ap.add_argument("--quiet", action="store_true", help="only the totals, no mismatch list")
    ap.add_argument(
        "--why",
        action="store_true",
        help="under each over-merged or mixed miss: our finding's members and their links; under"
        " each not-located one: where the credited reviewers put it; under each under-merged or"
        " not-near one: each missing reviewer's finding of ours and its pair score and evidence",
    )
    args = ap.parse_args(argv)
    args.corpus = args.corpus or default_corpus()
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} not found; pass --corpus DIR", file=sys.stderr)
        return 2
    report(args.corpus, sys.stdout, verbose=not args.quiet, why=args.why)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
