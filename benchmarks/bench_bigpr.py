"""Big PR: time and peak memory of Deep Review's own work on a large change.

    .venv/bin/python benchmarks/bench_bigpr.py [--files 500 2000 8000] [--lines 50]

For each size: a generated repository whose branch rewrites `--lines` lines in each of
`--files` files (2,000 files × 50 lines = 100,000 changed lines, as many `+` as `-`), reviewed
by three instant fake seats (the fake `claude`, `codex` and `gemini` CLIs), each answering with
100 findings in the review format (half of them shared between seats, so consolidation has real
merging to do). What is measured is our own work: target resolution, three worktrees, the
prompt, transcript and review parsing, consolidation, rendering (md, json, html), the store.

Peak memory is `/usr/bin/time -v`'s maximum resident set size: the largest single process of
the run, which is `deep-review` itself. Targets at 2,000 files: ≤ 10 s, ≤ 500 MB; growth
close to linear. Not a test: no assertion on the numbers.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from _bench import Fakes, fast_import, git, run_review

SEVERITIES = (("C", "critical"), ("I", "important"), ("S", "suggestion"))
CLASSES = ("regression", "gap", "pre-existing")


def make_big_repo(root: Path, files: int, lines: int) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    total = lines + 10

    def body(i: int, changed: bool) -> bytes:
        out = []
        for n in range(total):
            if changed and n < lines:
                out.append(f"    value_{n} = compute({i}, {n}) + 1  # changed in the PR")
            else:
                out.append(f"    value_{n} = compute({i}, {n})")
        return ("\n".join([f"def f{i}():", *out, "    return value_0", ""])).encode()

    def commit(ref: str, mark: int, message: str, changed: bool, parent: int | None) -> bytes:
        head = [
            f"commit {ref}",
            f"mark :{mark}",
            "committer Bench <bench@example.com> 1700000000 +0000",
            f"data {len(message)}",
            message,
        ]
        if parent is not None:
            head.append(f"from :{parent}")
        parts = ["\n".join(head).encode() + b"\n"]
        for i in range(files):
            data = body(i, changed)
            parts.append(
                f"M 100644 inline src/pkg{i // 200}/mod_{i}.py\ndata {len(data)}\n".encode()
                + data
                + b"\n"
            )
        return b"".join(parts)

    stream = commit("refs/heads/main", 1, "base", False, None) + commit(
        "refs/heads/big-change", 2, "rewrite every module", True, 1
    )
    fast_import(repo, stream)
    git(repo, "checkout", "-q", "big-change")
    return repo


def review_text(seat: int, files: int, per_seat: int = 100) -> str:
    """`per_seat` findings; the first half are at the same places for every seat."""
    out = ["## Executive Summary", "", f"Seat {seat} looked at every module.", "", "## Findings"]
    shared = per_seat // 2
    for sev_letter, sev in SEVERITIES:
        heading = {"C": "Critical Issues", "I": "Important Issues", "S": "Suggestions"}[sev_letter]
        out += ["", f"### {heading}", ""]
        numbered = 0
        for k in range(per_seat):
            if SEVERITIES[k % 3][0] != sev_letter:
                continue
            numbered += 1
            i = (k * 37) % files if k < shared else (k * 37 + seat * 7919) % files
            line = 2 + (k % 40)
            what = "shared" if k < shared else f"seat-{seat}"
            out += [
                f"{sev_letter}{numbered}. **Off-by-one in f{i} ({what} {k})** — "
                f"`src/pkg{i // 200}/mod_{i}.py:{line}-{line + 3}` ({sev}, {CLASSES[k % 3]})",
                "",
                "```python",
                f"    value_{line} = compute({i}, {line}) + 1  # changed in the PR",
                "```",
                "",
                f"The `+ 1` shifts every result of `f{i}`; callers expect the old value. "
                "Verified by reading the callers.",
                "",
                "Fix:",
                "",
                "```diff",
                f"-    value_{line} = compute({i}, {line}) + 1  # changed in the PR",
                f"+    value_{line} = compute({i}, {line})",
                "```",
                "",
            ]
    out += ["## Coverage Summary", "", "| File | Status |", "|------|--------|"]
    out += [
        f"| `src/pkg{i // 200}/mod_{i}.py` | Reviewed, no issues |" for i in range(0, files, 50)
    ]
    return "\n".join(out) + "\n"


def bench(files: int, lines: int) -> tuple[float, float | None, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix=f"bench-bigpr-{files}-") as tmp_s:
        tmp = Path(tmp_s)
        repo = make_big_repo(tmp, files, lines)
        fakes = Fakes(tmp)
        for n, cli in enumerate(("claude", "codex", "gemini")):
            review = tmp / f"review-{cli}.md"
            review.write_text(review_text(n, files))
            fakes.agent(cli, {"mode": "ok", "tools": 5, "review_file": str(review)})
        fakes.write_config({})
        env = fakes.env(agents=True)
        run = run_review(repo, env, "--agents", "claude,codex,gemini", "--lead", "none")
        seats = {s["seat"]: s["status"] for s in run.out["seats"]}
        assert set(seats.values()) == {"ok"}, (seats, run.stderr[-2000:])
        durations = {s["seat"]: float(s["duration_s"]) for s in run.out["seats"]}
        report = json.loads(Path(run.out["paths"]["json"]).read_text())
        durations["findings"] = len(report["findings"])
        durations["report_kb"] = (
            sum(Path(p).stat().st_size for p in run.out["paths"].values()) / 1024
        )
        return run.wall_s, run.maxrss_mb, durations


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--files", type=int, nargs="+", default=[500, 2000, 8000])
    ap.add_argument("--lines", type=int, default=50, help="changed lines per file")
    args = ap.parse_args()
    rows = []
    for files in args.files:
        wall, rss, info = bench(files, args.lines)
        findings, report_kb = int(info.pop("findings")), info.pop("report_kb")
        slowest = max(info.values())
        rows.append((files, wall, rss, slowest))
        print(
            f"{files:6d} files / {files * args.lines:7d} changed lines: {wall:6.2f} s, "
            f"peak {rss or 0:6.0f} MB (slowest seat incl. its worktree {slowest:.2f} s; "
            f"3 x 100 findings -> {findings} in the report; reports {report_kb:.0f} KB)",
            flush=True,
        )
    base_files, base_wall, base_rss, _ = rows[0]
    print("\ngrowth relative to the first size (files ratio → time ratio, memory ratio):")
    for files, wall, rss, _ in rows[1:]:
        mem = f"{rss / base_rss:.2f}" if rss and base_rss else "n/a"
        print(f"  x{files / base_files:<5.1f} files → x{wall / base_wall:.2f} time, x{mem} memory")


if __name__ == "__main__":
    main()
