"""Odd big changes: time and peak memory of a review whose change holds one huge file or a
file of many assigned secrets.

    .venv/bin/python benchmarks/bench_oddchanges.py [--data-mb 100] [--tokens 1000]

Two reviews by a command seat (`cat review.md`) and the static seat, `--lead none`:

- *data file*: a change adding a text file of `--data-mb` MB of short lines (a dump added by
  mistake) beside a one-line source edit: the diff budget, the secret scan of the diff, the
  prompt. Target: peak memory a small multiple of the diff (≤ 4x), not ~8x.
- *tokens*: a change adding a fixtures file of `--tokens` lines `token_i = "<32 hex>"`, each a
  hard-coded secret: the static seat's findings and the store's masking of every value.
  Target: seconds, not the seat's timeout.

Peak memory is `/usr/bin/time -v`'s maximum resident set size (`deep-review` itself). Not a
test: no assertion on the numbers.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from _bench import Fakes, git, run_review

REVIEW = """## Summary
A change.
## Findings
### Important
**I1. Broken return** — `app/core.py:2`
Returns the wrong value.
"""


def make_repo(root: Path, extra: dict[str, str]) -> Path:
    repo = root / "repo"
    (repo / "app").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "app" / "core.py").write_text("def f():\n    return 1\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "topic")
    (repo / "app" / "core.py").write_text("def f():\n    return 2\n")
    for path, text in extra.items():
        (repo / path).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    return repo


def bench(name: str, extra: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="dr-bench-odd-") as tmp_s:
        tmp = Path(tmp_s)
        fakes = Fakes(tmp)
        (tmp / "review.md").write_text(REVIEW)
        fakes.write_config({"a": {"argv": ["cat", str(tmp / "review.md")]}})
        repo = make_repo(tmp, extra)
        env = fakes.env()
        run = run_review(repo, env, "--agents", "a,static", "--lead", "none", "main..topic")
        seats = {s["seat"]: s.get("duration_s") for s in run.out.get("seats", [])}
        print(f"{name:40s} {run.wall_s:7.2f} s, peak {run.maxrss_mb or 0:6.0f} MB  seats {seats}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-mb", type=int, default=100)
    ap.add_argument("--tokens", type=int, default=1000)
    args = ap.parse_args()
    line = "INSERT INTO t VALUES (1, 'x');\n"
    data = line * (args.data_mb * 1024 * 1024 // len(line))
    bench(f"data file {args.data_mb} MB", {"data.sql": data})
    rnd = random.Random(1)
    tokens = "".join(f'token_{i} = "{rnd.getrandbits(128):032x}"\n' for i in range(args.tokens))
    bench(f"fixtures of {args.tokens} assigned tokens", {"app/fixtures.py": tokens})


if __name__ == "__main__":
    main()
