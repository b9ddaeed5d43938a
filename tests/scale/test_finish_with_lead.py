"""`finish --from … --lead claude`: the lead verifies seat results from several runners exactly
as it verifies a local review's seats (the lead tests' canned seats and fake `claude`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lead_kit import ANSWER, SEATS, fenced, install_fake_claude, prompts_seen, write_config
from scale_kit import RANGE, comparable, origin_and_clones, report_json

from support.repos import cli_env, run_cli

pytestmark = pytest.mark.slow  # five real `deep-review` runs

AGENTS = ("--agents", ",".join(SEATS))
NONCE = re.compile(r"UNTRUSTED DATA \S+ ([0-9a-f]{12}) ")


DURATION = re.compile(r'"(\w*duration\w*)": [0-9.]+')


def comparable_prompt(prompt: str) -> str:
    """The prompt without what differs between two runs: its fences' random nonce (found in
    the first fence) and the seats' measured durations."""
    m = NONCE.search(prompt)
    assert m is not None, "no untrusted-data fence in the lead's prompt"
    return DURATION.sub(r'"\1": <measured>', prompt.replace(m.group(1), "<nonce>"))


def test_the_lead_sees_the_same_clusters_and_decides_the_same(tmp_path: Path) -> None:
    write_config(tmp_path / "user-config.toml")
    log = tmp_path / "lead-log"
    install_fake_claude(tmp_path / "bin", [fenced(ANSWER)], log_dir=log)
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    _, clones = origin_and_clones(tmp_path, 4)
    local, runners = clones[0], clones[1:]

    outs = []
    for seat, clone in zip(SEATS, runners, strict=True):
        out = tmp_path / "artifacts" / seat
        args = ["review", RANGE, *AGENTS, "--seat-only", seat, "--out", str(out)]
        res = run_cli(args, cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        outs.append(str(out))
    assert not log.exists(), "a seat-only run ran the lead"

    done = run_cli(["finish", "--from", *outs, "--lead", "claude", "--json"], cwd=local, env=env)
    assert done.returncode == 0, done.stderr
    single = run_cli(["review", RANGE, *AGENTS, "--lead", "claude", "--json"], cwd=local, env=env)
    assert single.returncode == 0, single.stderr

    finished, alone = report_json(done), report_json(single)
    assert finished["lead"]["status"] == "ok"
    assert comparable(finished) == comparable(alone)
    # The lead was asked the same both times (but for the nonce and measured durations).
    first, second = (comparable_prompt(p) for p in prompts_seen(log))
    assert '"member": "charlie:C1"' in first
    assert first == second
