"""Parse accuracy (and attribution agreement) on the corpus of real Deep Review reports.

Run: .venv/bin/python benchmarks/bench_corpus.py [--corpus DIR] [--gold FILE] [--verbose] [--why]

Parse accuracy: each report's appendix is split into the original reviews
(`deepreview.findings.report_parse.parse_appendix_entries`), each review goes through the
package's review parser, and its Critical/Important/Suggestion counts are compared with the true
counts in `benchmarks/corpus-dev-gold.json` (counted by reading each review; the counting rules
are in benchmarks/README.md).  Pointer-only entries (no review text) are skipped.  Every miss is
printed with its reason.

Attribution agreement comes from `benchmarks/_attribution.py` (`report(corpus, out) -> float`)
when that module exists.  The script always exits 0: it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from deepreview.findings.report_parse import QuotedReview, parse_appendix_entries
from deepreview.model import Severity

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parent / "corpus-dev-gold.json"


def default_corpus() -> Path:
    """`../shared/corpus/dev` beside the clone (CI), or beside the main clone of a worktree."""
    candidates = [ROOT.parent / "shared" / "corpus" / "dev"]
    # A git worktree (/work/wt/NAME) shares the main clone's `../shared`; find it through the
    # worktree's `.git` file, which points into the main clone's `.git/worktrees/`.
    git = ROOT / ".git"
    if git.is_file():
        text = git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            main = Path(text.split(":", 1)[1].strip()).resolve().parents[2]
            candidates.append(main.parent / "shared" / "corpus" / "dev")
    return next((c for c in candidates if c.is_dir()), candidates[0])


@dataclass(frozen=True)
class Counts:
    c: int
    i: int
    s: int

    def __str__(self) -> str:
        return f"{self.c}C {self.i}I {self.s}S"


def counts_of(q: QuotedReview) -> Counts:
    n = Counter(f.severity for f in q.review.findings)
    return Counts(n[Severity.CRITICAL], n[Severity.IMPORTANT], n[Severity.SUGGESTION])


def load_gold(path: Path) -> dict[tuple[str, str, int], dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(e["file"], e["reviewer"], int(e["pass"])): e for e in data["reviews"]}


def parse_accuracy(corpus: Path, gold_path: Path, out: TextIO, verbose: bool = False) -> float:
    gold = load_gold(gold_path) if gold_path.is_file() else {}
    total = ok = 0
    misses: list[str] = []
    skips: list[str] = []
    seen: set[tuple[str, str, int]] = set()
    # Text in a findings section that was read as no finding: the report's verdict says the
    # seat's findings "could not be read". On reviews a human counted, each is a false alarm.
    unread: list[str] = []
    # Reviews read as stopped before they were done (`findings/unfinished.py`): the verdict
    # says so (or the seat fails as "unfinished review"); on finished reviews, false alarms.
    cut: list[str] = []
    for report in sorted(corpus.glob("*.md")):
        for q in parse_appendix_entries(report.read_text(encoding="utf-8")):
            key = (report.name, q.name, q.pass_no)
            seen.add(key)
            if q.pointer_only:
                skips.append(f"{report.name} [{q.name}]: pointer-only (no review text)")
                continue
            g = gold.get(key)
            got = counts_of(q)
            if g is None:
                misses.append(
                    f"{report.name} [{q.name}] pass {q.pass_no}: no gold entry (got {got})"
                )
                total += 1
                continue
            if g.get("skip"):
                skips.append(f"{report.name} [{q.name}]: {g['skip']}")
                continue
            want = Counts(int(g["C"]), int(g["I"]), int(g["S"]))  # type: ignore[call-overload]
            total += 1
            if q.review.unread_findings:
                unread.append(f"{report.name} [{q.name}]: {q.review.unread_findings[0][:80]!r}")
            if q.review.cut_off:
                cut.append(f"{report.name} [{q.name}]: {q.review.cut_off[:100]}")
            if got == want:
                ok += 1
                if verbose:
                    print(f"  ok   {report.name} [{q.name}]: {got}", file=out)
                continue
            misses.append(
                f"{report.name} [{q.name}] pass {q.pass_no}: got {got}, want {want} — "
                f"{_reason(q, got, want)}"
            )
    for key in sorted(set(gold) - seen):
        misses.append(
            f"{key[0]} [{key[1]}] pass {key[2]}: in the gold file, not found in the appendix"
        )
        total += 1
    rate = ok / total if total else 0.0
    print("## Parse accuracy", file=out)
    print(f"corpus: {corpus}", file=out)
    print(
        f"reviews: {total} compared, {len(skips)} skipped (pointer-only or no review produced)",
        file=out,
    )
    print(f"exact C/I/S match: {ok}/{total} = {rate:.1%} (target >= 98%)", file=out)
    print(
        f"findings text not read (the verdict would say so): {len(unread)}/{total}",
        file=out,
    )
    print(f"reviews read as cut off (the verdict would say so): {len(cut)}/{total}", file=out)
    for m in misses:
        print(f"  MISS {m}", file=out)
    for u in unread:
        print(f"  UNREAD {u}", file=out)
    for c in cut:
        print(f"  CUT {c}", file=out)
    for s in skips:
        print(f"  skip {s}", file=out)
    return rate


def _reason(q: QuotedReview, got: Counts, want: Counts) -> str:
    """A short diagnosis: which severities differ, and what the parser warned about."""
    diffs = [
        f"{name} {g - w:+d}"
        for name, g, w in (("C", got.c, want.c), ("I", got.i, want.i), ("S", got.s, want.s))
        if g != w
    ]
    warn = "; ".join(w for w in q.review.warnings if "has no Fix" not in w)[:300]
    return ", ".join(diffs) + (f" (parser: {warn})" if warn else "")


def attribution(corpus: Path, out: TextIO, *, why: bool = False) -> float | None:
    path = Path(__file__).resolve().parent / "_attribution.py"
    if not path.is_file():
        print("attribution: not measured (benchmarks/_attribution.py missing)", file=out)
        return None
    spec = importlib.util.spec_from_file_location("_attribution", path)
    if spec is None or spec.loader is None:
        print("attribution: not measured (benchmarks/_attribution.py not loadable)", file=out)
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    # `why` only when asked: an older `_attribution.py` takes no such argument
    rate: float = module.report(corpus, out, why=True) if why else module.report(corpus, out)
    return rate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="folder of reports (*.md)")
    ap.add_argument("--gold", type=Path, default=GOLD, help="true counts per review")
    ap.add_argument("--verbose", action="store_true", help="print matches too")
    ap.add_argument(
        "--why",
        action="store_true",
        help="under each over-merged or mixed attribution miss: our finding's members and links;"
        " under each not-located one: where the credited reviewers put it; under each"
        " under-merged or not-near one: each missing reviewer's finding of ours and its pair score",
    )
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"corpus folder not found: {corpus} (pass --corpus DIR)")
        return 0
    parse_accuracy(corpus, args.gold, sys.stdout, args.verbose)
    print()
    try:
        attribution(corpus, sys.stdout, why=args.why)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not crash
        print(f"attribution: failed ({type(exc).__name__}: {exc})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
