"""Merging without a lead, measured on a small held-out set of hand-written cases.

Run: .venv/bin/python benchmarks/bench_merge_cases.py [--cases DIR] [--range 01-20] [--dump]
     [--verbose] [--pairs]

Each case in `benchmarks/merge_cases/` is one small change and its seats' reviews:

    NN-name/files/...      the changed files, as committed (their paths are the change's paths)
    NN-name/<seat>.md      one seat's review, in that seat's own style (`static` is the analyzer)
    NN-name/answer.json    {"clusters": [["claude:I1", "codex:I1"], ...], "either": [[a, b]],
                            "why": "..."}: a careful lead's clusters (every finding once;
                            a finding in no listed cluster is alone), and pairs it may or may not
                            merge (not counted either way: one seat naming two bugs in one finding)

Every review goes through the real parser (`parse_review`, the change's files known) and the
findings are clustered as `deep-review review --lead none` clusters them (`cluster_findings` with
the change's files, present at the review SHA with their line counts; the static seat is no
model). Per case: the careful lead's clusters we reproduce exactly, our clusters that join
findings it keeps apart (over-merged), its clusters we split (under-merged); in total the
pairwise precision and recall of "these two findings are one problem" over cross-seat pairs.
The cases were written to be held out: thresholds are never tuned on them. Exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from deepreview.consolidate import SeatReview, cluster_findings, display_name
from deepreview.consolidate.cluster import _items
from deepreview.consolidate.evidence import describe
from deepreview.consolidate.inputs import is_model_backed
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.findings.parse import parse_review
from deepreview.model import Finding, Reviewer

CASES = Path(__file__).resolve().parent / "merge_cases"


@dataclass(frozen=True)
class Case:
    name: str
    changed: dict[str, int]  # path -> line count
    sources: dict[str, str]  # path -> text
    reviews: dict[str, str]  # seat -> review text
    truth: list[frozenset[str]]  # the careful lead's clusters (keys seat:ID)
    either: frozenset[frozenset[str]]


def _case_files(files: Path) -> list[Path]:
    """The case's changed files: not the `__pycache__` a test runner leaves beside its tests."""
    return [p for p in sorted(files.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]


def load(folder: Path) -> Case:
    files = folder / "files"
    changed = {
        p.relative_to(files).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in _case_files(files)
    }
    sources = {
        p.relative_to(files).as_posix(): p.read_text(encoding="utf-8") for p in _case_files(files)
    }
    reviews = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}
    answer = json.loads((folder / "answer.json").read_text(encoding="utf-8"))
    return Case(
        folder.name,
        changed,
        sources,
        reviews,
        [frozenset(c) for c in answer["clusters"]],
        frozenset(frozenset(p) for p in answer.get("either", [])),
    )


def seat_reviews(case: Case) -> list[SeatReview]:
    out = []
    for seat, text in case.reviews.items():
        review = parse_review(text, seat=seat, known_files=case.changed)
        out.append(
            SeatReview(
                Reviewer(seat, display_name(seat)), review, model_backed=is_model_backed(seat)
            )
        )
    return out


@dataclass(frozen=True)
class Score:
    right: int  # the careful lead's clusters reproduced exactly
    truth_clusters: int
    over: list[str]  # our clusters joining findings it keeps apart
    under: list[str]  # its clusters we split
    tp: int
    fp: int
    fn: int
    problems: list[str]  # answer keys not found, parsed findings not in the answer


def _cluster_of(clusters: list[frozenset[str]], key: str) -> int:
    return next(n for n, c in enumerate(clusters) if key in c)


def score(  # type: ignore[no-untyped-def]
    case: Case, *, verbose: bool = False, pairs: bool = False, out=sys.stdout
) -> Score:
    reviews = seat_reviews(case)
    clusters = cluster_findings(
        reviews,
        changed_files=list(case.changed),
        present_files=case.changed,
        sources=case.sources,
    )
    # each finding as the report shows it: its places on the change's paths (`TokenBucket.kt:8`
    # is `src/main/.../TokenBucket.kt:8`), as the clustering resolved them
    titles = {m.key: _shown(m.finding) for c in clusters for m in c.members}
    ours = [frozenset(m.key for m in c.members) for c in clusters]
    problems = [f"answer names {k}, not parsed" for c in case.truth for k in c if k not in titles]
    listed = {k for c in case.truth for k in c}
    truth = [c & titles.keys() for c in case.truth]
    truth += [frozenset({k}) for k in sorted(titles) if k not in listed]
    truth = [c for c in truth if c]
    keys = sorted(titles)
    tp = fp = fn = 0
    for a, b in itertools.combinations(keys, 2):
        if a.split(":")[0] == b.split(":")[0] or frozenset({a, b}) in case.either:
            continue  # one seat's two findings are never one cluster; `either` is not counted
        same_truth = _cluster_of(truth, a) == _cluster_of(truth, b)
        same_ours = _cluster_of(ours, a) == _cluster_of(ours, b)
        tp += same_truth and same_ours
        fp += same_ours and not same_truth
        fn += same_truth and not same_ours

    def ok_apart(c: frozenset[str]) -> bool:
        # a cluster of ours is over-merged when two of its members are apart in the answer
        return all(
            frozenset({a, b}) in case.either or _cluster_of(truth, a) == _cluster_of(truth, b)
            for a, b in itertools.combinations(sorted(c), 2)
        )

    def whole(c: frozenset[str]) -> bool:
        return all(
            frozenset({a, b}) in case.either or _cluster_of(ours, a) == _cluster_of(ours, b)
            for a, b in itertools.combinations(sorted(c), 2)
        )

    over = [" + ".join(sorted(c)) for c in ours if not ok_apart(c)]
    under = [" + ".join(sorted(c)) for c in truth if not whole(c)]
    right = sum(1 for c in truth if c in ours or (whole(c) and ok_apart(c)))
    if pairs:
        _print_pairs(case, reviews, truth, ours, out)
    if verbose:
        for c in clusters:
            shown = " | ".join(f"{k.key} {titles[k.key]}" for k in c.members)
            print(f"    {c.id}: {shown}", file=out)
            for reason in c.reasons:
                print(f"        {reason}", file=out)
    return Score(right, len(truth), over, under, tp, fp, fn, problems)


def _print_pairs(  # type: ignore[no-untyped-def]
    case: Case,
    reviews: list[SeatReview],
    truth: list[frozenset[str]],
    ours: list[frozenset[str]],
    out,
) -> None:
    """The evidence of every cross-seat pair we get wrong (missed or merged against the answer)."""
    items, _ = _items(reviews, list(case.changed), None, case.changed, case.sources)
    idf = rarity(i.features for i in items)
    by_key = {i.member.key: i for i in items}
    for a, b in itertools.combinations(sorted(by_key), 2):
        if a.split(":")[0] == b.split(":")[0] or frozenset({a, b}) in case.either:
            continue
        same_truth = _cluster_of(truth, a) == _cluster_of(truth, b)
        same_ours = _cluster_of(ours, a) == _cluster_of(ours, b)
        if same_truth == same_ours:
            continue
        x, y = by_key[a], by_key[b]
        generic = not (x.member.model_backed and y.member.model_backed)
        ev = evidence(x.features, y.features, idf=idf, generic=generic)
        label = "MISSED" if same_truth else "WRONGLY MERGED"
        print(f"    {label} {a} ~ {b}: {describe(ev)}", file=out)


def _shown(f: Finding) -> str:
    return f"{f.title} @ {', '.join(map(str, f.locations))}"


def dump(case: Case, out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    """Each seat's parsed findings, their places on the change's paths as the clustering
    resolves them (a bare `TokenBucket.kt:8` is the change's one file of that name)."""
    reviews = seat_reviews(case)
    items, _ = _items(reviews, list(case.changed), None, case.changed, case.sources)
    shown = {i.member.key: _shown(i.member.finding) for i in items}
    for sr in reviews:
        assert sr.review is not None
        for f in sr.review.findings:
            key = f"{sr.seat}:{f.id}"
            print(f"  {key} [{f.severity.value}] {shown.get(key, _shown(f))}", file=out)
        if sr.review.unparsed:
            print(f"  {sr.seat}: UNPARSED {sr.review.unparsed!r:.200}", file=out)


def _in_range(name: str, bounds: str) -> bool:
    """Whether case `NN-...` is within `FIRST-LAST` (an empty range takes every case)."""
    if not bounds:
        return True
    first, _, last = bounds.partition("-")
    number = int(name.split("-", 1)[0])
    return int(first) <= number <= int(last or first)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--dump", action="store_true", help="print each case's parsed findings")
    ap.add_argument("--verbose", action="store_true", help="print our clusters and their links")
    ap.add_argument("--pairs", action="store_true", help="print the evidence of each wrong pair")
    ap.add_argument("--only", default="", help="cases whose name contains this")
    ap.add_argument(
        "--range",
        default="",
        metavar="FIRST-LAST",
        help="cases numbered FIRST to LAST, e.g. 01-20 (the dev cases) or 21-25 (held out)",
    )
    args = ap.parse_args(argv)
    folders = [
        p
        for p in sorted(args.cases.iterdir())
        if p.is_dir() and args.only in p.name and _in_range(p.name, args.range)
    ]
    tp = fp = fn = right = total = 0
    n_over = n_under = 0
    for folder in folders:
        case = load(folder)
        print(f"{case.name}:")
        if args.dump:
            dump(case)
            continue
        s = score(case, verbose=args.verbose, pairs=args.pairs)
        tp, fp, fn = tp + s.tp, fp + s.fp, fn + s.fn
        right, total = right + s.right, total + s.truth_clusters
        n_over, n_under = n_over + len(s.over), n_under + len(s.under)
        print(f"  clusters right {s.right}/{s.truth_clusters}", end="")
        print(f", over-merged {len(s.over)}, under-merged {len(s.under)}")
        for c in s.over:
            print(f"  over-merged:  {c}")
        for c in s.under:
            print(f"  under-merged: {c}")
        for p in s.problems:
            print(f"  ANSWER: {p}")
    if args.dump:
        return 0
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print()
    print(f"cases: {len(folders)}")
    print(f"clusters right: {right}/{total}; over-merged {n_over}, under-merged {n_under}")
    print(f"same-problem pairs: precision {tp}/{tp + fp} = {precision:.0%}, ", end="")
    print(f"recall {tp}/{tp + fn} = {recall:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
