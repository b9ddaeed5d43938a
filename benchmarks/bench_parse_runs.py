"""Parse time of a seat's review holding one very long run of a delimiter (trial 45b #11).

Run: .venv/bin/python benchmarks/bench_parse_runs.py [--size BYTES] [--chars CHARS]

A review quotes a line of the change made of one character (a 200 KB line of backticks), in
each place a review may hold it: a finding's text, its title, a heading, a paragraph, a list
item, a quote, a table cell, the preamble, a `<details>` summary, bold text.  Each review is
parsed at `--size` and at half of it: a ratio near 2 is linear growth, near 4 quadratic.  Not a
test: it prints times and exits 0 (`tests/findings/test_review_long_runs.py` holds the inputs
the quadratic code hung on).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from deepreview.findings.parse import parse_review

HEAD = "## Findings\n\n### Critical Issues\n\n"
TAIL = "\n\n### Important Issues\n\nNone.\n"
FINDING = "- **C1** Bug — `calc.py:1`\n  "
SHAPES: dict[str, Callable[[str], str]] = {
    "finding text": lambda r: HEAD + FINDING + r + TAIL,
    "title": lambda r: HEAD + "- **C1** " + r + " — `calc.py:1`\n" + TAIL,
    "heading": lambda r: HEAD + "### " + r + "\n" + TAIL,
    "paragraph": lambda r: HEAD + r + TAIL,
    "list item": lambda r: HEAD + "- " + r + TAIL,
    "quote": lambda r: HEAD + "> " + r + TAIL,
    "table cell": lambda r: HEAD + "| a | b |\n|---|---|\n| " + r + " | x |\n" + TAIL,
    "preamble": lambda r: r + "\n" + HEAD + TAIL,
    "summary": lambda r: HEAD + "<details>\n<summary>" + r + "</summary>\n</details>\n" + TAIL,
    "bold": lambda r: HEAD + "**" + r + "**\n" + TAIL,
    "code span": lambda r: HEAD + FINDING + "`a.py` " + r + " `b.py:3`" + TAIL,
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    parse_review(text, seat="bench")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200_000)
    ap.add_argument("--chars", default="`*_[<|#~>-")
    args = ap.parse_args()
    print(f"{'run':<5} {'where':<14} {args.size // 2:>9} B {args.size:>9} B  ratio")
    for char in args.chars:
        for name, shape in SHAPES.items():
            half = _seconds(shape(char * (args.size // 2)))
            full = _seconds(shape(char * args.size))
            ratio = full / max(half, 1e-3)
            print(f"{char!r:<5} {name:<14} {half:>9.2f} s {full:>9.2f} s  {ratio:5.1f}")


if __name__ == "__main__":
    main()
