"""Time deterministic consolidation of 1,000 synthetic findings from 5 seats (target: ≤ 1 s).

Run: .venv/bin/python benchmarks/bench_consolidate.py [--findings N] [--seats K]

The synthetic reviews describe ~300 underlying problems in 80 files; each seat reports a random
share of them with its own wording, line numbers off by a few lines, and some bare basenames, so
the candidate-pair indexes and the clustering see realistic overlap.
"""

from __future__ import annotations

import argparse
import random
import time

from deepreview.consolidate import SeatReview, apply_decisions, cluster_findings
from deepreview.consolidate.build import build_report
from deepreview.model import AgentReview, Finding, Header, Location, Reviewer, Severity

_WORD_LIST = (
    "leak race deadlock overflow timeout retry cache lock channel goroutine handle socket buffer "
    "config parser token session cursor index shutdown restart listener context cancel panic "
    "nil pointer error path cleanup state map entry overwrite missing validation boundary"
)
_WORDS = _WORD_LIST.split()
_VERBS = ("leaks", "overwrites", "ignores", "drops", "blocks", "races with", "misses", "closes")


def _ident(rng: random.Random) -> str:
    a, b, c = rng.sample(_WORDS, 3)
    return f"{a}{b.title()}{c.title()}"


TRUTH: dict[str, int] = {}  # "seat:ID" → the synthetic problem it describes


def synthetic(n_findings: int, n_seats: int, seed: int = 7) -> list[SeatReview]:
    rng = random.Random(seed)
    TRUTH.clear()
    files = [f"pkg/mod{i // 10}/file_{i}.go" for i in range(80)]
    problems = []
    for p in range(max(1, n_findings * 3 // 10)):
        idents = [_ident(rng) for _ in range(3)]
        start = rng.randint(1, 900)
        problems.append(
            {
                "file": rng.choice(files),
                "start": start,
                "end": start + rng.randint(0, 30),
                "idents": idents,
                "words": rng.sample(_WORDS, 4),
                "severity": rng.choice(list(Severity)),
                "n": p,
            }
        )
    per_seat = n_findings // n_seats
    seats = ["claude", "codex", "gemini", "opencode", "static"][:n_seats]
    while len(seats) < n_seats:
        seats.append(f"seat{len(seats)}")
    out: list[SeatReview] = []
    for seat in seats:
        chosen = rng.sample(problems, min(per_seat, len(problems)))
        findings = []
        counters = dict.fromkeys(Severity, 0)
        for prob in chosen:
            sev = prob["severity"] if rng.random() < 0.7 else rng.choice(list(Severity))
            counters[sev] += 1
            shift = rng.randint(-4, 4)
            path = prob["file"] if rng.random() < 0.7 else prob["file"].rsplit("/", 1)[-1]
            idents = rng.sample(prob["idents"], 2)
            words = rng.sample(prob["words"], 3) + rng.sample(_WORDS, 2)
            title = f"`{idents[0]}` {rng.choice(_VERBS)} {' '.join(words[:3])}"
            body = (
                f"```go\n{idents[0]}(ctx)\nif err := {idents[1]}(); err != nil {{\n```\n\n"
                f"The `{idents[1]}` call {' '.join(words)} at line {prob['start'] + shift}."
            )
            TRUTH[f"{seat}:{sev.letter}{counters[sev]}"] = prob["n"]
            findings.append(
                Finding(
                    id=f"{sev.letter}{counters[sev]}",
                    severity=sev,
                    title=title,
                    locations=(Location(path, max(1, prob["start"] + shift), prob["end"] + shift),),
                    classification=rng.choice(("regression", "regression", "gap")),
                    body=body,
                    fix=f"```diff\n+ {idents[0]}.Close()\n```",
                )
            )
        review = AgentReview(seat=seat, findings=tuple(findings), raw="(synthetic)")
        out.append(SeatReview(Reviewer(seat, seat.title()), review, None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--seats", type=int, default=5)
    args = parser.parse_args()
    seat_reviews = synthetic(args.findings, args.seats)
    total = sum(len(sr.review.findings) for sr in seat_reviews if sr.review is not None)

    t0 = time.perf_counter()
    clusters = cluster_findings(seat_reviews)
    t1 = time.perf_counter()
    result = apply_decisions(clusters, reviewers=[sr.reviewer for sr in seat_reviews])
    t2 = time.perf_counter()
    build_report(Header(review_id="bench"), seat_reviews, clusters=clusters)
    t3 = time.perf_counter()

    multi = sum(1 for c in clusters if len(c.members) > 1)
    pure = sum(1 for c in clusters if len({TRUTH[m.key] for m in c.members}) == 1)
    print(
        f"{total} findings from {len(seat_reviews)} seats → {len(clusters)} clusters "
        f"({multi} with more than one member, {pure} pure), "
        f"{len(result.findings)} consolidated findings"
    )
    print(f"cluster_findings: {t1 - t0:.3f} s")
    print(f"apply_decisions:  {t2 - t1:.3f} s")
    print(f"build_report:     {t3 - t2:.3f} s (clusters given)")
    print(f"consolidate total: {t2 - t0:.3f} s (target ≤ 1 s)")
    problems = len(set(TRUTH.values()))
    print(f"synthetic problems: {problems}; clusters mixing problems: {len(clusters) - pure}")


if __name__ == "__main__":
    main()
