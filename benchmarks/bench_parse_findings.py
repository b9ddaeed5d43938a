"""Parse time of a seat's review by its number of findings (nu66b).

Run: .venv/bin/python benchmarks/bench_parse_findings.py [--counts 1000,2000,4000,8000]

A review of N findings (each a list item with an ID, a title, a place and two sentences), a
third of them Critical, a third Important, a third Suggestions, and every tenth one told again
at the next level down (the repeats `findings.repeats.level_repeats` folds into one), is parsed
by `parse_review` for each N. It prints the CPU seconds per N and the ratio to the N before:
doubling N, a ratio near 2 is linear growth, near 4 quadratic. Not a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import time

from deepreview.findings.parse import parse_review

LEVELS = ("Critical Issues", "Important Issues", "Suggestions")
TAGS = ("C", "I", "S")


def _item(tag: str, n: int, title: int) -> str:
    return (
        f"- **{tag}{n}** Value {title} is read before it is set — `src/mod_{title % 50}.py:"
        f"{title + 1}`\n  The function `load_{title}` returns the field before `init` sets it; "
        "a caller that passes None fails with an AttributeError.\n\n"
    )


def review(count: int) -> str:
    """A review of `count` findings, plus a repeat at the next level of every tenth one."""
    per = -(-count // len(LEVELS))
    parts = ["## Summary\n\nMany findings.\n\n## Findings\n\n"]
    for level, (heading, tag) in enumerate(zip(LEVELS, TAGS, strict=True)):
        parts.append(f"### {heading}\n\n")
        first = level * per
        told = range(first, min(first + per, count))
        parts += [_item(tag, i - first + 1, i) for i in told]
        if level:  # the previous level's every tenth finding, told again here
            again = range(first - per, first, 10)
            parts += [_item(tag, per + j + 1, i) for j, i in enumerate(again)]
    return "".join(parts)


def seconds(text: str) -> tuple[float, int]:
    start = time.process_time()
    parsed = parse_review(text)
    return time.process_time() - start, len(parsed.findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", default="1000,2000,4000,8000")
    args = ap.parse_args()
    print(f"{'N':>6} {'bytes':>9} {'findings':>8} {'seconds':>8}  ratio")
    before: float | None = None
    for count in (int(c) for c in args.counts.split(",")):
        text = review(count)
        took, found = seconds(text)
        ratio = f"{took / before:5.1f}" if before else "    -"
        print(f"{count:>6} {len(text.encode()):>9} {found:>8} {took:>8.2f}  {ratio}")
        before = took


if __name__ == "__main__":
    main()
