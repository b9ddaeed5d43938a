"""A lead's `merge` of one cluster into another (trial56b item 2), through the real `deep-review
review` with command seats and the fake `claude` lead: the merged finding is the absorbing
cluster's problem, so it shows that cluster's title and text, however long the absorbed
finding's text is."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from lead_kit import fenced, install_fake_claude, write_config

from support.repos import cli_env, make_repo, run_cli

# K1: Alpha's terse finding on `shout`; K2: Bravo's long one on `sub` (a code excerpt, a fix).
ALPHA = (
    "## Findings\n\n### Important Issues\n\n"
    "**I1. `shout(None)` raises AttributeError** — `util/strings.py:2` (important, regression)\n\n"
    "Callers pass `None` for a missing name.\n"
)
BRAVO = (
    "## Findings\n\n### Important Issues\n\n"
    "**I1. `sub` has no input validation for strings** — `calc.py:6` (important, gap)\n\n"
    "```python\n    return a - b\n```\n\n"
    "`sub('a', 'b')` raises TypeError deep in the arithmetic, with a message that names "
    "neither argument, so a caller cannot tell which value was wrong.\n\n"
    "**Fix:** check both arguments with `isinstance` and raise a ValueError naming them.\n"
)


def _seat(tmp: Path, seat: str, text: str) -> dict[str, Any]:
    path = tmp / f"review-{seat}.md"
    path.write_text(text, encoding="utf-8")
    return {"argv": ["sh", "-c", f'cat >/dev/null; cat "{path}"']}


def _review(tmp: Path, answer: dict[str, Any]) -> dict[str, Any]:
    repo = make_repo(tmp)
    write_config(
        tmp / "user-config.toml",
        seats={"alpha": _seat(tmp, "alpha", ALPHA), "bravo": _seat(tmp, "bravo", BRAVO)},
    )
    env = cli_env(tmp, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    install_fake_claude(tmp / "bin", [fenced(answer)], log_dir=tmp / "lead-log")
    env["PATH"] = f"{tmp / 'bin'}{os.pathsep}{env['PATH']}"
    res = run_cli(
        ["review", "--agents", "alpha,bravo", "--lead", "claude", "--json"], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr[-3000:]
    data: dict[str, Any] = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    return data


def test_a_merged_finding_keeps_the_absorbing_clusters_title_and_text(tmp_path: Path) -> None:
    answer = {
        "decisions": [
            {"cluster": "K1", "action": "keep", "reason": "util/strings.py:2 calls `s.upper()`."},
            {
                "cluster": "K2",
                "action": "merge",
                "merge_into": "K1",
                "reason": "Both are unchecked inputs of the new helpers.",
            },
        ],
        "executive_summary": "The new helpers do not check their inputs.",
        "verdict": {"label": "Merge with fixes", "reason": "K1 should be handled."},
    }
    data = _review(tmp_path, answer)
    [f] = data["findings"]
    assert f["title"] == "`shout(None)` raises AttributeError", f
    assert f["body"] == "Callers pass `None` for a missing name.", f
    assert sorted(loc["path"] for loc in f["locations"]) == ["calc.py", "util/strings.py"], f
    assert f["reviewers"] == ["Alpha", "Bravo"], f
