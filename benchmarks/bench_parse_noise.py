"""Parse speed of a seat's big or noisy output: log lines, a stack-trace dump, a real review.

    .venv/bin/python benchmarks/bench_parse_noise.py [--mb 1] [--corpus DIR] [--review-kb 100]

`parse_review` on text a seat may print instead of (or around) its review, each `--mb` MB (the
runner keeps at most 1 MiB of a seat's output, `seat_output.cap_review`, so 1 MB is the most a
parse ever reads):

- log lines: a timestamp, a level, a path with `:line`, `key=value` fields, all different;
- a stack-trace dump: Python tracebacks of 3-12 frames (`File "...", line N, in f`);
- polling lines: one short line repeated, as `bench_noisy_seat.py`'s seat prints.

With `--corpus DIR` (the real report corpus, for measuring only), also a real-shaped review of
`--review-kb` KB: the reports' appendix reviews concatenated and cut there. Prints CPU seconds
and MB/s per shape; the same text every run (seeded). Target: a 100 KB review well under a
second; 1 MB of noise in a few seconds, linear in the size. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from deepreview.findings.appendix import split_appendix
from deepreview.findings.parse import parse_review


def log_lines(size: int) -> str:
    rnd = random.Random(1)
    out: list[str] = []
    total = 0
    while total < size:
        line = (
            f"2026-12-06T01:{rnd.randrange(60):02d}:{rnd.randrange(60):02d}."
            f"{rnd.randrange(1000):03d}Z INFO src/app/mod_{rnd.randrange(40)}.py:"
            f"{rnd.randrange(900)} worker={rnd.randrange(8)} queue=jobs state=idle "
            f"took={rnd.randrange(500)}ms\n"
        )
        out.append(line)
        total += len(line)
    return "".join(out)


def stack_traces(size: int) -> str:
    rnd = random.Random(2)
    out: list[str] = []
    total = 0
    while total < size:
        block = ["Traceback (most recent call last):\n"]
        for _ in range(rnd.randrange(3, 12)):
            block.append(
                f'  File "/usr/lib/python3.12/site-packages/pkg/mod_{rnd.randrange(30)}.py", '
                f"line {rnd.randrange(1, 800)}, in func_{rnd.randrange(50)}\n"
                f"    result = handler(request, timeout={rnd.randrange(60)})\n"
            )
        block.append(f"ValueError: bad value {rnd.randrange(10**6)}\n\n")
        text = "".join(block)
        out.append(text)
        total += len(text)
    return "".join(out)


def polling(size: int) -> str:
    line = "debug: polling the worker queue, nothing new\n"
    return line * (size // len(line))


def corpus_review(corpus: Path, size: int) -> str:
    """The appendix reviews of the corpus's reports, one after the other, cut at `size`."""
    parts = [
        entry.text
        for report in sorted(corpus.glob("*.md"))
        for entry in split_appendix(report.read_text(encoding="utf-8").splitlines())
    ]
    return "\n\n".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--corpus", type=Path, help="the report corpus (measuring only)")
    parser.add_argument("--review-kb", type=int, default=100)
    args = parser.parse_args()
    size = int(args.mb * 1024 * 1024)
    shapes = {
        f"{args.mb:g} MB of log lines": log_lines(size),
        f"{args.mb:g} MB of stack traces": stack_traces(size),
        f"{args.mb:g} MB of polling lines": polling(size),
    }
    if args.corpus is not None:
        shapes[f"{args.review_kb} KB of corpus reviews"] = corpus_review(
            args.corpus, args.review_kb * 1024
        )
    print(f"{'shape':<28} {'bytes':>9} {'findings':>8} {'CPU s':>7} {'MB/s':>7}")
    for name, text in shapes.items():
        start = time.process_time()
        found = len(parse_review(text, seat="noise").findings)
        took = time.process_time() - start
        rate = len(text) / 1e6 / took if took else float("inf")
        print(f"{name:<28} {len(text):>9} {found:>8} {took:>7.2f} {rate:>7.2f}")


if __name__ == "__main__":
    main()
