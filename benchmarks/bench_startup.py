"""Start-up time of the CLI: `deep-review --help` and `deep-review --version`.

    .venv/bin/python benchmarks/bench_startup.py [--runs 15]

Runs the installed console script (next to this interpreter; else `python -m deepreview`)
`--runs` times each and prints the median and the fastest run (target: median ≤ 0.15 s). It
also lists which of the heavy libraries importing `deepreview.cli.main` pulls in: it should be
none — every command module is imported only when that command runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 0.15
HEAVY = (
    "pydantic",
    "jinja2",
    "rich",
    "pygments",
    "markdown_it",
    "sqlite3",
    "detect_secrets",
    "unidiff",
    "platformdirs",
    "tomllib",
    "urllib.request",
    "http.client",
    "deepreview.config",
    "deepreview.pipeline",
    "deepreview.model",
    "deepreview.agents",
)


def command() -> list[str]:
    script = Path(sys.executable).parent / "deep-review"
    return [str(script)] if script.exists() else [sys.executable, "-m", "deepreview"]


def timed(argv: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        out.append(time.perf_counter() - t0)
    return out


def heavy_imports() -> list[str]:
    code = "import sys, deepreview.cli.main as m; print('\\n'.join(sorted(sys.modules)))"
    mods = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    return sorted({h for h in HEAVY for m in mods if m == h or m.startswith(h + ".")})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    base = command()
    subprocess.run([*base, "--version"], check=True, capture_output=True)  # warm the page cache
    print(f"command: {' '.join(base)}")
    for flag in ("--help", "--version"):
        times = timed([*base, flag], args.runs)
        print(
            f"deep-review {flag:9s}: median {statistics.median(times):.3f} s, "
            f"min {min(times):.3f} s over {args.runs} runs (target <= {TARGET_S} s)"
        )
    heavy = heavy_imports()
    print(f"heavy modules imported by deepreview.cli.main: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
