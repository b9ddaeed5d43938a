"""API retries are counted and shown (trial 29: a claude run with two `api_retry` events had
"errors 0" in run.json and a silent retro)."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo


def test_claude_api_retries_reach_run_json_and_the_retro(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"api_retries": 2})
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert next(s for s in out["seats"] if s["seat"] == "claude")["api_retries"] == 2
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    assert '"api_retries": 2' in json.dumps(state)
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = report[report.index("## Agent Performance Retro") :]
    assert "2 API retries" in retro


def test_an_api_failure_is_no_tool_error_and_401_retries_say_so(tmp_path: Path) -> None:
    """trial44a #5: seats that made no tool call showed "1 tool error" (HTML "1 tool errors")
    for the API failure that failed them, and Claude's retries of a rejected key (HTTP 401) were
    called "rate limits or server errors"."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(
        "claude",
        {
            "api_retries": 3,
            "api_retry_status": 401,
            "api_retry_error": "authentication_failed",
            "retry_forever": True,
        },
    )
    fakes.agent("gemini", {"mode": "api_error"})
    res = fakes.review(repo, "--agents", "claude,gemini,static", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    runs = {s["seat"]: s for s in out["seats"]}
    assert runs["claude"]["status"] == runs["gemini"]["status"] == "failed", runs
    assert runs["claude"]["tool_calls"] == runs["gemini"]["tool_calls"] == 0
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = report[report.index("## Agent Performance Retro") :]
    assert "tool error" not in retro
    assert "3 API retries (authentication failed (HTTP 401))." in retro
    assert "rate limits or server errors" not in retro
    page = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert "tool error" not in page


def test_tool_errors_are_failed_tool_calls_counted_right(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"tool_errors": 1, "api_retries": 2})
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = report[report.index("## Agent Performance Retro") :]
    assert "1 tool error." in retro
    assert "2 API retries (rate limit (HTTP 429))." in retro
    page = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert "1 tool error<" in page and "tool errors" not in page


def test_retries_with_no_http_response_say_the_api_could_not_be_reached(tmp_path: Path) -> None:
    """trial54 #10: Claude Code with no network retries with `"error_status": null,
    "error": "unknown"` until the seat times out; the reason was "last error: API retry 8:
    unknown", which reads like an internal error, not an unreachable API."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(
        "claude",
        {
            "api_retries": 3,
            "api_retry_status": None,
            "api_retry_error": "unknown",
            "retry_forever": True,
        },
    )
    # A timeout long enough for the fake's Python to start and print its retries (the last
    # error the reason names) first: 2 s was tight on a loaded machine.
    res = fakes.review(
        repo, "--agents", "claude", "--lead", "none", "--timeout", "4", env=fakes.env(agents=True)
    )
    out = res.json()
    seat = next(s for s in out["seats"] if s["seat"] == "claude")
    assert seat["status"] == "timeout", seat
    assert seat["reason"].endswith(
        "(last error: the API could not be reached: 3 retries with no HTTP response; "
        "check the network or ANTHROPIC_BASE_URL)"
    ), seat
    assert "unknown" not in seat["reason"]
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = report[report.index("## Agent Performance Retro") :]
    assert "3 API retries (no HTTP response)." in retro
