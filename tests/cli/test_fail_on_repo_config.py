"""`[review] fail_on` in the repository's `.deep-review.toml` gates `review`, `relead` and
`resume` alike (precedence: --fail-on > repo file > user file > env > default)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from support.interrupt import interrupt_review
from support.repos import cli_env, commit_on_base, make_repo, run_cli

IMPORTANT = (
    "## Executive Summary\n\nOne problem.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\n**I1. `sub` subtracts the wrong way** — `calc.py:5` "
    "(important, regression)\n\nFix: swap the operands.\n\n### Suggestions\n\nNone.\n"
)


def _setup(tmp: Path) -> tuple[Path, dict[str, str]]:
    repo = make_repo(tmp)
    # The base revision (main) says: fail at an important finding. The user file says never.
    commit_on_base(
        repo, ".deep-review.toml", '[review]\nfail_on = "important"\n', "Gate on important findings"
    )
    out = tmp / "seat.out"
    out.write_text(IMPORTANT, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
    (tmp / "user-config.toml").write_text(
        f'[review]\nfail_on = "never"\n\n[seats.one]\nargv = {json.dumps(argv)}\n',
        encoding="utf-8",
    )
    return repo, cli_env(tmp)


def test_relead_gates_on_the_repo_files_fail_on(tmp_path: Path) -> None:
    repo, env = _setup(tmp_path)
    res = run_cli(["review", "--agents", "one", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 4, res.stderr
    rid = res.json()["review_id"]
    again = run_cli(["relead", rid, "--lead", "none"], cwd=repo, env=env)
    assert again.returncode == 4, again.stderr
    assert "--fail-on important" in again.stderr
    flag = run_cli(["relead", rid, "--lead", "none", "--fail-on", "never"], cwd=repo, env=env)
    assert flag.returncode == 0, flag.stderr


def _one_done(store: Path) -> bool:
    files = list(store.glob("*/run.json"))
    if not files:
        return False
    seats = json.loads(files[0].read_text(encoding="utf-8"))["seats"]
    return seats["one"]["status"] == "ok" and seats["slow"]["status"] in ("pending", "running")


def test_resume_gates_on_the_repo_files_fail_on(tmp_path: Path) -> None:
    repo, env = _setup(tmp_path)
    slow = tmp_path / "slow.py"
    slow.write_text("import sys, time\nsys.stdin.read()\ntime.sleep(120)\n", encoding="utf-8")
    cfg = tmp_path / "user-config.toml"
    seat = json.dumps([sys.executable, str(slow)])
    cfg.write_text(cfg.read_text(encoding="utf-8") + f"\n[seats.slow]\nargv = {seat}\n")
    run = interrupt_review(
        ["review", "--agents", "one,slow", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
        when=lambda: _one_done(tmp_path / "store"),
        what="seat one to finish while slow runs",
    )
    assert run.returncode == 130, run.stderr
    rid = run.json()["review_id"]
    # The rerun seat now answers at once (with the same important finding).
    answer = tmp_path / "seat.out"
    slow.write_text(
        f"import sys\nsys.stdin.read()\nprint(open({str(answer)!r}).read())\n", encoding="utf-8"
    )
    res = run_cli(["resume", rid], cwd=repo, env=env)
    assert res.returncode == 4, res.stderr
    assert "--fail-on important" in res.stderr
