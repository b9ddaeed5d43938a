"""Time panel analytics over a large store: `deep-review stats` and the index's Reviewers panel.

Run: .venv/bin/python benchmarks/bench_stats.py [--reviews N]

Builds a store of N synthetic complete reviews (4 seats each, with a lead) in a temporary
directory: index rows plus each review's report JSON, as the pipeline writes them. Then times
(1) the first `load_history`, which computes every review's seat facts from its JSON and caches
them in `seat_facts` (a store written before migration 4), (2) a cached `load_history` plus
`aggregate` (what `stats` and every index rewrite do), and (3) `write_index` as a whole.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from deepreview.model import Finding, Header, LeadInfo, Report, Reviewer, Severity
from deepreview.pipeline.index_step import write_index
from deepreview.retromodel import Retro, SeatRetro
from deepreview.runmodel import SeatRun
from deepreview.serialize import to_json
from deepreview.stats.aggregate import aggregate
from deepreview.store.history import Scope, load_history
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store

SEATS = (("claude", "Opus 4.6"), ("codex", "GPT 5.4"), ("gemini", "3.1 Pro"), ("static", None))


def _report(rid: str, rng: random.Random) -> Report:
    reviewers = tuple(Reviewer(s, s.title(), m) for s, m in SEATS)
    findings = []
    for n in range(rng.randint(3, 9)):
        who = rng.sample([r.credit for r in reviewers], rng.randint(1, 2))
        findings.append(
            Finding(f"I{n + 1}", Severity.IMPORTANT, f"finding {n}", reviewers=tuple(who))
        )
    retro = tuple(
        SeatRetro(
            r.seat,
            r.name,
            r.credit,
            cells=(
                ("Findings", f"{rng.randint(0, 2)}C {rng.randint(0, 5)}I {rng.randint(0, 4)}S"),
                ("False positives", str(rng.randint(0, 1))),
                ("Dropped", "0"),
                ("Downgraded", str(rng.randint(0, 1))),
                ("Coverage misses", str(rng.randint(0, 2))),
            ),
        )
        for r in reviewers
    )
    runs = tuple(
        SeatRun(
            s,
            duration_s=rng.uniform(60, 900),
            tokens_in=rng.randint(10**4, 10**6),
            tokens_out=rng.randint(10**3, 10**5),
            cost_usd=None if m is None else rng.uniform(0.1, 3),
        )
        for s, m in SEATS
    )
    return Report(
        header=Header(rid, reviewers=reviewers),
        findings=tuple(findings),
        retro=Retro(seats=retro),
        runs=runs,
        lead=LeadInfo("claude", "ok"),
    )


def build(root: Path, n: int) -> Store:
    rng = random.Random(11)
    store = Store(root)
    store.ensure_writable()
    for i in range(n):
        rid = f"2026{1 + i // 2000:02d}{1 + i % 28:02d}-{i:06d}-pr-{i % 50}"
        (root / f"{rid}.json").write_text(to_json(_report(rid, rng)), encoding="utf-8")
        store.upsert(
            ReviewRow(rid, f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}+{i:06d}", "acme/w",
                      f"PR #{i % 50}", "pr", "a" * 40, "b" * 40, "complete", "Rework", 0, 1, 2,
                      ("Claude",), f"pr:{i % 50}")
        )  # fmt: skip
    return store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviews", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp), args.reviews)
        t0 = time.perf_counter()
        history = load_history(store, Scope())
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        table = aggregate(load_history(store, Scope()).reviews)
        cached = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_index(store)
        index = time.perf_counter() - t0
    print(f"reviews: {len(history.reviews)}, seats: {len(table.seats)}")
    print(f"first load_history (facts from JSON, cached): {first:.2f} s")
    print(f"cached load_history + aggregate:              {cached:.3f} s")
    print(f"write_index (list + Reviewers panel):         {index:.3f} s")


if __name__ == "__main__":
    main()
