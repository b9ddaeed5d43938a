"""A noisy seat: the time to judge a seat whose output is `--mb` MB of noise (no review).

    .venv/bin/python benchmarks/bench_noisy_seat.py [--mb 50]

What the runner does with a seat's output once its agent is done: cap it to what a report keeps
(`seat_output.cap_review`, 1 MiB) and decide whether it is a review (`seat_output.checked_status`).
Two shapes: the seat of tests/spine's noisy case (`--mb` MB of `x` on one line) and a seat that
printed `--mb` MB of short log lines. The user waits for this before the report is written.
Target: about the same for 5 MB and 50 MB (the decision reads bounded text), well under 5 s.
Not a test: no assertion on the numbers.
"""

from __future__ import annotations

import argparse
import time

from deepreview.agents.base import SeatOutcome
from deepreview.seat_output import cap_review, checked_status


def judge(text: str) -> tuple[float, tuple[str, str | None]]:
    started = time.perf_counter()
    stored, cut = cap_review(text)
    status = checked_status(
        SeatOutcome(status="ok", review_text=text),
        stored,
        cut,
        reason=None,
        seat="noisy",
        writes_review=True,
    )
    return time.perf_counter() - started, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=int, default=50)
    args = parser.parse_args()
    size = args.mb * 1024 * 1024
    line = "debug: polling the worker queue, nothing new\n"
    shapes = {
        f"{args.mb} MB of x on one line": "x" * size + "\n",
        f"{args.mb} MB of log lines": line * (size // len(line)),
    }
    for name, text in shapes.items():
        seconds, (status, reason) = judge(text)
        print(f"{name:<32} {seconds:7.2f} s   {status}: {reason}")


if __name__ == "__main__":
    main()
