"""`review --json`'s `round` counts as the README and the Executive Summary say them: a
finding still open from the round before is `carried`, even when a seat raised it again;
`raised_again` is only for one an earlier round had closed (or its lead dropped)."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli

REVIEW = """## Important Issues

1. **`add` ignores its second operand** — `calc.py:1`. The sum is wrong for every call.

## Verdict
Merge with fixes
"""


def test_a_finding_still_open_and_raised_again_counts_as_carried(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"HOME": str(tmp_path / "home")})
    canned = tmp_path / "canned.md"
    canned.write_text(REVIEW, encoding="utf-8")
    argv = json.dumps(["sh", "-c", f"cat >/dev/null; cat '{canned}'"])
    (tmp_path / "user-config.toml").write_text(f"[seats.same]\nargv = {argv}\n", "utf-8")
    args = ["review", "feature/x", "--agents", "same", "--lead", "none", "--json"]

    first = run_cli(args, cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    second = run_cli(args, cwd=repo, env=env)
    assert second.returncode == 0, second.stderr
    out = second.json()
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "1 still open from round 1" in md  # the summary's count
    counts = {k: out["round"][k] for k in ("number", "carried", "raised_again", "new")}
    assert counts == {"number": 2, "carried": 1, "raised_again": 0, "new": 0}, out["round"]
