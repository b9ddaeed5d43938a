"""A store filled by real `deep-review review` runs, for the stats and `--panel auto` tests.

Three seats review `support.repos.make_repo`'s change every time:

    truthful  a `command` seat: `shout` raises on None (important, true; the lead downgrades
              it to a suggestion, so it stays in the report as a downgraded finding)
    noisy     a `command` seat: `add` wraps around past 32 bits (critical, wrong: Python ints;
              the lead drops it as a false positive)
    pricey    a `claude`-kind seat whose transcript reports 600 s, 200k/30k tokens and $1.50:
              no test covers `sub` (suggestion, true; kept)

The lead is the fake `claude` of tests/lead answering `LEAD_ANSWER`. Cluster IDs follow the
deterministic clustering: K1 noisy C1, K2 pricey S1, K3 truthful I1 (`test_lead_saw_the_
clusters_the_answer_names` checks the lead's prompt says so).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import tomli_w
from lead_kit import fenced, install_fake_claude

from support.repos import CliResult, cli_env, make_repo, run_cli

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SEATS = ("truthful", "noisy", "pricey")
AGENTS = ("--agents", ",".join(SEATS))
API_KEY = {"ANTHROPIC_API_KEY": "test-key-not-a-secret"}
PRICEY_COST = 1.5
PRICEY_SECONDS = 600.0
PRICEY_TOKENS = (200_000, 30_000)
LEAD_COST = 0.0312  # what the fake lead's transcript reports (tests/lead/fake_claude_lead.py)

LEAD_ANSWER: dict[str, Any] = {
    "decisions": [
        {
            "cluster": "K1",
            "action": "drop",
            "false_positive": True,
            "reason": "Python integers do not wrap around, so `a + b` at calc.py:2 is exact.",
        },
        {
            "cluster": "K2",
            "action": "keep",
            "reason": "calc.py:5-6 adds `sub` and no test module calls it.",
        },
        {
            "cluster": "K3",
            "action": "severity",
            "severity": "suggestion",
            "reason": "util/strings.py:2 fails on `None`, but no caller passes `None` yet.",
        },
    ],
    "executive_summary": "Two helpers are added; K2 and K3 are small follow-ups.",
    "verdict": {"label": "Merge with fixes", "reason": "K3 should guard against `None`."},
}


def _command(seat: str) -> list[str]:
    path = FIXTURES / f"review-{seat}.md"
    return ["sh", "-c", f'cat >/dev/null; cat "{path}"']


class StoreKit:
    """One repository, one store, the three seats and the fake lead, all under `tmp`."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.repo = make_repo(tmp)
        self.bin = tmp / "bin"
        self.log = tmp / "lead-log"
        install_fake_claude(self.bin, [fenced(LEAD_ANSWER)], log_dir=self.log)
        pricey_dir = tmp / "pricey"
        pricey_dir.mkdir()
        pricey = pricey_dir / "pricey-claude"
        shutil.copy(HERE / "fake_pricey_claude.py", pricey)
        pricey.chmod(0o755)
        shutil.copy(FIXTURES / "review-pricey.md", pricey_dir / "pricey.review.md")
        seats: dict[str, Any] = {
            "truthful": {"argv": _command("truthful")},
            "noisy": {"argv": _command("noisy")},
            "pricey": {"kind": "claude", "binary": str(pricey)},
        }
        (tmp / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
        self.store = tmp / "store"

    def env(self) -> dict[str, str]:
        env = cli_env(self.tmp, API_KEY)
        env["PATH"] = f"{self.bin}{os.pathsep}{env['PATH']}"
        return env

    def cli(self, *args: str) -> CliResult:
        return run_cli(list(args), cwd=self.repo, env=self.env())

    def review(self, *extra: str) -> dict[str, Any]:
        """One review through the real CLI; its `--json` result."""
        res = self.cli("review", *AGENTS, "--lead", "claude", *extra, "--json")
        assert res.returncode == 0, res.stderr[-3000:]
        out: dict[str, Any] = res.json()
        return out

    def stats_json(self, *args: str) -> dict[str, Any]:
        res = self.cli("stats", "--json", *args)
        assert res.returncode == 0, res.stderr[-3000:]
        data: dict[str, Any] = res.json()
        return data


def seat(data: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in data["seats"] if s["seat"] == name)
    return found


def run_json(out: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    return data
