"""Round N's verdict made stricter than its lead's by findings still open from round N-1 says so,
through the real `deep-review` command (three command seats, a fake `claude` lead): the lead of
round 2 never saw round 1's open finding, so its "Merge as-is" and its "approve" summary must not
stand unexplained under the round's "Merge with fixes"."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from support.repos import cli_env, commit_all, make_repo, run_cli, write

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import ANSWER, fenced, install_fake_claude, write_config

_NOTHING_NEW = """## Executive Summary

Nothing new.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""

_APPROVE = {
    "decisions": [],
    "executive_summary": "Everything the seats raised this round is fine; approve.",
    "verdict": {"label": "Merge as-is", "reason": "Nothing left to fix."},
}


def test_a_lead_verdict_made_stricter_by_a_carried_finding_is_said_overridden(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    install_fake_claude(
        tmp_path / "bin", [fenced(ANSWER), fenced(_APPROVE)], log_dir=tmp_path / "log"
    )
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    seats = ["--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"]
    first = run_cli(["review", *seats], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr[-2000:]

    # Round 2: Alpha says round 1's I1 (`shout` crashes on None) is not fixed, nobody raises
    # anything, and the lead answers "Merge as-is".
    not_fixed = tmp_path / "alpha-round-2.md"
    not_fixed.write_text(
        _NOTHING_NEW
        + "\n## Round 2 Fix Verdicts\n\n- I1: not fixed — `shout(None)` still raises\n",
        encoding="utf-8",
    )
    nothing = tmp_path / "nothing.md"
    nothing.write_text(_NOTHING_NEW, encoding="utf-8")
    tables = {
        seat: {"argv": ["sh", "-c", f'cat >/dev/null; cat "{path}"']}
        for seat, path in (("alpha", not_fixed), ("bravo", nothing), ("charlie", nothing))
    }
    write_config(tmp_path / "user-config.toml", seats=tables)
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Add notes")
    second = run_cli(["review", *seats], cwd=repo, env=env)
    assert second.returncode == 0, second.stderr[-2000:]
    paths = second.json()["paths"]
    data = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))

    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    summary = data["executive_summary"]
    assert summary.startswith(
        "**The lead's verdict was overridden.** The lead judged *Merge as-is*"
    )
    assert "**Merge with fixes**" in summary.split("\n\n", 1)[0]
    assert "approve" in summary  # the lead's own words follow
    notes = [e["text"] for e in data["retro"]["reconciliation"] if e["kind"] == "note"]
    assert any("Merge as-is" in n and "round 1" in n for n in notes), notes
