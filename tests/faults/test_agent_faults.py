"""Faults in the real CLIs' own event formats, parsed by the real adapters.

A fake `claude` / `codex` / `gemini` (tests/fakebin/fake_agent.py) is first on PATH and prints
that CLI's JSONL stream; the review runs the real adapter against it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.agents.registry import display_name
from fakebin.harness import AGENT_CLIS, Fakes, assert_no_leftovers, run_json
from support.repos import make_repo


@pytest.mark.parametrize("cli", AGENT_CLIS)
def test_fake_cli_is_parsed_by_the_real_adapter(tmp_path: Path, cli: str) -> None:
    """Positive control: the fake speaks the format well enough for a clean seat."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(cli, {"mode": "ok", "tools": 3})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", cli, env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    (seat,) = res.json()["seats"]
    assert (seat["status"], seat["tool_calls"]) == ("ok", 3), seat
    assert_no_leftovers(fakes, repo)


@pytest.mark.parametrize("cli", AGENT_CLIS)
def test_crash_mid_stream_with_truncated_line(tmp_path: Path, cli: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(cli, {"mode": "truncated", "tools": 3})
    fakes.write_config({"good": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", f"good,{cli}", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    seats = {s["seat"]: s for s in out["seats"]}
    assert seats["good"]["status"] == "ok"
    bad = seats[cli]
    assert bad["status"] == "failed", bad
    if cli == "codex":
        # The codex adapter names the missing terminal event, and still the signal and stderr.
        assert "no turn.completed event" in bad["reason"], bad
    assert "killed by signal SIGKILL" in bad["reason"], bad
    assert "JavaScript heap out of memory" in bad["reason"], bad
    review_dir = Path(out["review_dir"])
    transcript = (review_dir / f"transcript-{cli}-pass-1.jsonl").read_bytes()
    assert not transcript.endswith(b"\n")  # the half line is kept as it came
    assert "heap out of memory" in (review_dir / f"stderr-{cli}-pass-1.log").read_text()
    run = run_json(review_dir)["seats"][cli]["run"]
    assert run["malformed_lines"] >= 1
    assert run["tool_calls"] >= 2  # the complete events before the crash still count
    report = Path(out["paths"]["md"]).read_text()
    assert f"Seat {display_name(cli)} failed: {bad['reason']}" in report
    assert_no_leftovers(fakes, repo)


def test_cli_that_exits_at_once(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(
        "claude", {"mode": "exit", "exit_code": 1, "stderr": "Invalid API key · Please run /login"}
    )
    fakes.write_config({"good": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "good,claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    bad = {s["seat"]: s for s in res.json()["seats"]}["claude"]
    assert bad["status"] == "failed"
    assert bad["reason"] == "exited with code 1: Invalid API key · Please run /login"
    assert_no_leftovers(fakes, repo)
