"""Parse and consolidate time of one seat's review of many one-line findings (pf79).

Run: .venv/bin/python benchmarks/bench_one_line.py [--counts 1000,2000,4000,8000,16000]
     [--only parse|consolidate]

A seat that dumps a linter's output as findings writes thousands of lines like
`- **S12** `src/mod_3.py:120` — unused variable `x12` in `load_12``. For each N a review of N
such lines (50 files, a dozen linter messages, each naming its own identifier) is parsed by
`parse_review` and consolidated by `consolidate_reviews` (one seat, as `deep-review consolidate
REVIEW.md` does; the consolidate time counts the parse too). Each N runs in a fresh process, so
the peak is that N's own (ru_maxrss, MB). It prints CPU seconds, the peak and the ratio to the
N before: doubling N, near 2 is linear, near 4 quadratic. Not a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

MESSAGES = (
    "unused variable `{v}` in `{f}`",
    "line too long (104 > 100 characters) in `{f}`",
    "`{v}` is assigned but never read",
    "missing docstring in public function `{f}`",
    "bare `except:` swallows every error in `{f}`",
    "`{v}` shadows a builtin",
    "f-string without any placeholders in `{f}`",
    "`{f}` is too complex (14 > 10)",
    "comparison to None should be `is None` in `{f}`",
    "mutable default argument `{v}` in `{f}`",
    "import `{v}` is unused",
    "redefinition of unused `{f}`",
)


def review(count: int) -> str:
    """A review of `count` one-line Suggestions, as a linter's output pasted as findings."""
    lines = ["## Findings\n\n### Suggestions\n\n"]
    for n in range(count):
        text = MESSAGES[n % len(MESSAGES)].format(v=f"x{n}", f=f"load_{n // 7}")
        lines.append(f"- **S{n + 1}** `src/mod_{n % 50}.py:{n // 50 + 1}` — {text}\n")
    return "".join(lines)


def measure(count: int, what: str) -> dict[str, float]:
    """One N in this process: CPU seconds, findings and peak MB."""
    from deepreview.consolidate.files import ReviewText, consolidate_reviews
    from deepreview.findings.parse import parse_review

    text = review(count)
    start = time.process_time()
    if what == "parse":
        found = len(parse_review(text, seat="linter").findings)
    else:
        report = consolidate_reviews([ReviewText("linter", text)])
        found = len(report.findings)
    took = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"bytes": len(text.encode()), "found": found, "seconds": took, "peak": peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", default="1000,2000,4000,8000,16000")
    ap.add_argument("--only", choices=("parse", "consolidate"))
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's N
    ap.add_argument("--what", default="parse", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, args.what)))
        return
    for what in (args.only,) if args.only else ("parse", "consolidate"):
        print(f"{what}:")
        print(f"{'N':>6} {'bytes':>9} {'findings':>8} {'CPU s':>8}  ratio {'peak MB':>8}")
        before: float | None = None
        for count in (int(c) for c in args.counts.split(",")):
            child = [sys.executable, __file__, "--one", str(count), "--what", what]
            row = json.loads(subprocess.run(child, capture_output=True, check=True).stdout)
            took = row["seconds"]
            ratio = f"{took / before:5.1f}" if before else "    -"
            print(
                f"{count:>6} {row['bytes']:>9} {row['found']:>8} {took:>8.2f}  {ratio} "
                f"{row['peak']:>8.0f}"
            )
            before = took


if __name__ == "__main__":
    main()
