"""Orchestration overhead: three 10 s seats in a review vs one fake seat run by a shell script.

    .venv/bin/python benchmarks/bench_overhead.py [--seconds 10] [--runs 3]

The seats are the fake `claude`, `codex` and `gemini` CLIs (tests/fakebin/fake_agent.py), each
streaming a realistic transcript (tool calls with a few KB of output each) for `--seconds`
before answering; the real adapters run and parse them. The baseline is one of the same fakes
run alone by `sh -c 'claude -p … < prompt > transcript'`.

Prints the review's wall time / `--seconds` (target ≤ 1.05 with `--lead none`) and / the
baseline's wall time, and when the first seat was spawned, from the moment `deep-review` was
launched (target ≤ 0.25 s): each fake CLI on PATH is a two-line `sh` wrapper that appends the
time it was exec'd (`date +%s.%N`, ~2 ms after the spawn) and then execs the fake itself. The
fake appends the time its own code started too (after its Python interpreter's start-up, which
is the agent's cost, not ours: the shell baseline shows it) and the CPU time deep-review had
used by then (a figure that a busy machine barely changes). Not a test: no assertion on the
numbers.

`--gh-delay S` makes the repository a GitHub one (GH_REPO) with a fake `gh` that takes S
seconds to say the branch is the head of an open PR: the branch review looks the PR up while
its seats run, so the first-seat figure should not move.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _bench import Fakes, fresh_dir, make_repo, run_review

TARGET = 1.05
FIRST_SEAT_TARGET_S = 0.25


def first_spawn(spawned_file: Path, launched_at: float) -> float:
    """Seconds from launch until the earliest seat's wrapper ran (then empties the file)."""
    times = sorted(float(line.split()[1]) for line in spawned_file.read_text().splitlines())
    spawned_file.write_text("")
    return times[0] - launched_at


def wrapper(cli: str, real: Path, spawned_file: Path) -> str:
    """`cli` on PATH: note the moment of the exec (not for `--version` probes), run the fake."""
    return (
        "#!/bin/sh\n"
        f'case "$1" in --version) exec "{real}" "$@";; esac\n'
        f'echo "{cli} $(date +%s.%N)" >> "{spawned_file}"\n'
        f'exec "{real}" "$@"\n'
    )


def first_start(started_file: Path, launched_at: float) -> tuple[float, float]:
    """Seconds from launch until the earliest fake seat started, and the CPU seconds its parent
    had used by then (then empties the file)."""
    starts = sorted(
        (float(t), float(cpu))
        for _, t, cpu in (line.split() for line in started_file.read_text().splitlines())
    )
    started_file.write_text("")
    return starts[0][0] - launched_at, starts[0][1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=3, help="reviews to time (median reported)")
    ap.add_argument("--tools", type=int, default=30, help="tool calls per seat")
    ap.add_argument("--gh-delay", type=float, default=None, help="fake `gh pr list` latency (s)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-overhead-") as tmp_s:
        tmp = Path(tmp_s)
        repo = make_repo(tmp)
        fakes = Fakes(tmp)
        started_file = tmp / "seat-starts.txt"
        started_file.write_text("")
        spawned_file = tmp / "seat-spawns.txt"
        spawned_file.write_text("")
        scenario = {
            "mode": "ok",
            "duration": args.seconds,
            "tools": args.tools,
            "output_bytes": 4000,
            "started_file": str(started_file),
        }
        for cli in ("claude", "codex", "gemini"):
            real = fakes.agent(cli, scenario, sub="real")
            fakes.install(cli, wrapper(cli, real, spawned_file))
        fakes.write_config({})
        env = fakes.env(agents=True)
        if args.gh_delay is not None:
            env["GH_REPO"] = "acme/demo"
            fakes.install(
                "gh",
                f"#!/bin/sh\nsleep {args.gh_delay}\n"
                'echo \'[{"number": 7, "url": "https://github.com/acme/demo/pull/7"}]\'\n',
            )

        # Baseline: the same fake, alone, from a plain shell script.
        prompt = tmp / "prompt.md"
        prompt.write_text("Review the change.\n" * 200)
        script = (
            f"cd {repo} && {fakes.bin / 'claude'} -p --output-format stream-json "
            f"--verbose < {prompt} > {tmp / 'baseline.jsonl'}"
        )
        launched_at = time.time()
        t0 = time.monotonic()
        subprocess.run(["sh", "-c", script], env=env, check=True)
        baseline = time.monotonic() - t0
        baseline_start, _ = first_start(started_file, launched_at)
        baseline_spawn = first_spawn(spawned_file, launched_at)

        walls, spawns, starts, cpus = [], [], [], []
        for _ in range(args.runs):
            env["DEEP_REVIEW_STORE"] = str(fresh_dir(tmp / "store"))
            run = run_review(repo, env, "--agents", "claude,codex,gemini", "--lead", "none")
            statuses = {s["seat"]: s["status"] for s in run.out["seats"]}
            assert set(statuses.values()) == {"ok"}, statuses
            walls.append(run.wall_s)
            if args.gh_delay is not None:
                state = json.loads((Path(run.out["review_dir"]) / "run.json").read_text())
                assert state["target"]["series_pr"] == 7, "the PR lookup did not land"
            start_s, cpu_s = first_start(started_file, run.launched_at)
            spawns.append(first_spawn(spawned_file, run.launched_at))
            starts.append(start_s)
            cpus.append(cpu_s)
        wall = statistics.median(walls)
        start = statistics.median(starts)
        spawn = statistics.median(spawns)

    if args.gh_delay is not None:
        print(f"PR lookup            : fake gh answering after {args.gh_delay:.1f} s")
    print(
        f"seat duration        : {args.seconds:.1f} s ({args.tools} tool calls each, "
        f"3 seats: claude, codex, gemini fakes)"
    )
    print(f"baseline (sh, 1 seat): {baseline:.2f} s")
    print(
        f"review wall (median of {args.runs}): {wall:.2f} s  "
        f"[{', '.join(f'{w:.2f}' for w in walls)}]"
    )
    print(
        f"overhead ratio review / {args.seconds:.0f} s    : {wall / args.seconds:.3f} "
        f"(target <= {TARGET})"
    )
    print(f"overhead ratio review / baseline : {wall / baseline:.3f}")
    print(
        f"first seat spawned after (median of {args.runs}): {spawn:.3f} s  "
        f"[{', '.join(f'{s:.3f}' for s in spawns)}] (target <= {FIRST_SEAT_TARGET_S} s; "
        f"the shell baseline's seat: {baseline_spawn:.3f} s)"
    )
    print(
        f"its code started after (median of {args.runs}): {start:.3f} s  "
        f"[{', '.join(f'{s:.3f}' for s in starts)}] (the fake's own interpreter start-up "
        f"added; the shell baseline's seat: {baseline_start:.3f} s)"
    )
    print(
        f"CPU used by deep-review before its first seat (median): {statistics.median(cpus):.2f} s  "
        f"[{', '.join(f'{c:.2f}' for c in cpus)}] (what the wall time above would be on an idle "
        "machine, near enough)"
    )


if __name__ == "__main__":
    main()
