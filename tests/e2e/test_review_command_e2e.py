"""`deep-review review --agents claude,codex,gemini` end to end, all seats on one scripted server.

The three CLIs share one scripted server (it is stateless per request). The user config gives
each seat its model and Codex its provider, the environment gives Claude and Gemini their base
URLs and keys: the same setup a user with a gateway would write.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from deepreview import proc
from e2e.agentkit import (
    REVIEW_TEXT,
    SCRIPTED_KEY,
    ReviewRepo,
    codex_provider_args,
    require_cli,
)
from scripted_server import ReadFile, Shell, Step

pytestmark = pytest.mark.e2e

SEATS = ("claude", "codex", "gemini")
SCRIPT = [
    Step.tools([Shell("git log --oneline -1", "Show last commit"), Shell("git blame calc.py")]),
    Step.tools([ReadFile("README.md")]),
    Step.text(REVIEW_TEXT),
]


def toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def test_review_command_runs_three_real_seats(
    tmp_path: Path, cli_bin_dir: Path, review_repo: ReviewRepo, scripted_server
) -> None:
    for name in SEATS:
        require_cli(cli_bin_dir, name)
    srv = scripted_server(SCRIPT)
    config = tmp_path / "config.toml"
    config.write_text(
        '[seats.claude]\nmodel = "claude-sonnet-4-5"\n\n'
        '[seats.codex]\nmodel = "gpt-5.5"\n'
        f"extra_args = {toml_list(codex_provider_args(srv.url))}\n\n"
        '[seats.gemini]\nmodel = "gemini-2.5-pro"\n',
        encoding="utf-8",
    )
    user_home = tmp_path / "user-home"
    user_home.mkdir()
    store = tmp_path / "store"
    env = {
        "PATH": f"{cli_bin_dir}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
        "HOME": str(user_home),
        "LANG": "C.UTF-8",
        "DEEP_REVIEW_CONFIG": str(config),
        "ANTHROPIC_BASE_URL": srv.url,
        "ANTHROPIC_API_KEY": SCRIPTED_KEY,
        "GOOGLE_GEMINI_BASE_URL": srv.url,
        "GEMINI_API_KEY": SCRIPTED_KEY,
        "SCRIPTED_API_KEY": SCRIPTED_KEY,
    }
    argv = [
        sys.executable, "-m", "deepreview", "review", f"{review_repo.base_sha}..HEAD",
        "--agents", ",".join(SEATS), "--lead", "none", "--timeout", "120",
        "--store", str(store), "--json", "--repo", str(review_repo.path),
    ]  # fmt: skip
    result = proc.run(argv, cwd=review_repo.path, env=env, timeout=300)

    assert result.returncode == 0, result.stderr_text[-3000:]
    out = json.loads(result.stdout_text)
    seats = {s["seat"]: s for s in out["seats"]}
    assert set(seats) == set(SEATS)
    for name in SEATS:
        assert seats[name]["status"] == "ok", seats[name]
        assert seats[name]["tool_calls"] == 3
        assert not seats[name]["modified_worktree"]

    review_dir = Path(out["review_dir"])
    for name in SEATS:
        stored = (review_dir / f"review-{name}-pass-1.md").read_text(encoding="utf-8")
        assert stored.strip() == REVIEW_TEXT.strip()
        assert (review_dir / f"transcript-{name}-pass-1.jsonl").stat().st_size > 0
    run = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    runs = {name: run["seats"][name]["run"] for name in SEATS}
    assert dict(runs["claude"]["tool_counts"]) == {"Bash": 2, "Read": 1}
    assert dict(runs["codex"]["tool_counts"]) == {"command_execution": 3}
    assert dict(runs["gemini"]["tool_counts"]) == {"run_shell_command": 2, "read_file": 1}
    assert dict(runs["claude"]["shell_breakdown"]) == {"git blame": 1, "git log": 1}
    assert dict(runs["codex"]["shell_breakdown"]) == {"cat": 1, "git blame": 1, "git log": 1}
    assert {runs[n]["model"] for n in SEATS} == {"claude-sonnet-4-5", "gpt-5.5", "gemini-2.5-pro"}
    assert all(runs[n]["permission_denials"] == 0 for n in SEATS)

    # Every protocol played the script once, over loopback only.
    for protocol in ("anthropic", "responses", "gemini"):
        steps = [r.step for r in srv.turns() if r.protocol == protocol]
        assert steps == [0, 1, 2], (protocol, steps)
    assert srv.clients() == {"127.0.0.1"}
    assert all(r.contains("+    return a - b") for r in srv.turns() if r.step == 0)
