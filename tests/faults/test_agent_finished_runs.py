"""An agent CLI that finished its review and then misbehaved keeps what it finished; one that
was stopped before its end keeps what it wrote, shown as unfinished and not read for findings.

The fake `claude` / `codex` / `gemini` / `opencode` (tests/fakebin/fake_agent.py) prints the
CLI's real event stream, with the review holding a Critical finding at `calc.py:5`, then: exits
non-zero, never exits, cuts its final event, reports its answer cut by the output limit, or
hangs mid-review until the seat timeout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.agents.base import FINAL_GRACE_ENV
from deepreview.runmodel import format_duration
from fakebin.harness import AGENT_AUTH, AGENT_CLIS, Fakes, assert_no_leftovers, run_json
from support.repos import make_repo, run_cli

REVIEW = """## Executive Summary

The change adds `sub` and `shout`; `sub` is wrong.

## Findings

### Critical Issues

1. **`sub` adds instead of subtracting** — `calc.py:5`: `sub(3, 1)` returns 4.

### Important Issues

None.

### Suggestions

None.
"""


def _review(tmp_path: Path, cli: str, scenario: dict[str, Any], *args: str) -> dict[str, Any]:
    """The review's --json output, plus `_returncode` and `_seat_line` (the seat's line of the
    same review run without --json)."""
    out = _review_seats(tmp_path, {cli: scenario}, *args)
    out["_seat_line"] = out["_seat_lines"][cli]
    return out


def _review_seats(tmp_path: Path, scenarios: dict[str, dict[str, Any]], *args: str) -> Any:
    """`_review` of one review with a seat per CLI of `scenarios`: `_seat_lines` by CLI."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    for cli, scenario in scenarios.items():
        fakes.agent(cli, {"review": REVIEW, "tools": 1, **scenario})
    fakes.write_config({})
    env = fakes.env({FINAL_GRACE_ENV: "0.2"}, agents=True)
    agents = ",".join(scenarios)
    res = fakes.review(repo, "--agents", agents, *args, env=env)
    out = res.json()
    out["_returncode"] = res.returncode
    plain = run_cli(["review", "--lead", "none", "--agents", agents, *args], cwd=repo, env=env)
    lines = plain.stderr.splitlines()
    out["_seat_lines"] = {
        cli: next(ln for ln in lines if ln.startswith(f"  {cli}:")) for cli in scenarios
    }
    assert_no_leftovers(fakes, repo)
    return out


def _report(out: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    return md, json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))


def _places(report: dict[str, Any]) -> set[str]:
    return {f"{loc['path']}:{loc['start']}" for f in report["findings"] for loc in f["locations"]}


@pytest.mark.parametrize("cli", AGENT_CLIS)
def test_nonzero_exit_after_a_complete_run_is_read(tmp_path: Path, cli: str) -> None:
    out = _review(tmp_path, cli, {"exit_after": 1})
    (seat,) = out["seats"]
    assert (seat["status"], seat["reason"]) == ("ok", "exited with code 1"), seat
    md, report = _report(out)
    assert "calc.py:5" in _places(report), report["findings"]
    assert "exited with code 1; the review it printed was read" in md
    assert out["_seat_line"] == f"  {cli}: ok: exited with code 1", out["_seat_line"]


@pytest.mark.parametrize("cli", AGENT_CLIS)
def test_stream_cut_after_the_review_keeps_it_as_failed_output(tmp_path: Path, cli: str) -> None:
    out = _review(tmp_path, cli, {"cut_final": True})
    (seat,) = out["seats"]
    assert seat["status"] == "failed", seat
    review_dir = Path(out["review_dir"])
    assert "`calc.py:5`" in (review_dir / f"review-{cli}-pass-1.md").read_text(encoding="utf-8")
    md, report = _report(out)
    assert report["findings"] == []  # a failed seat is not read for findings
    appendix = md.split("## Appendix", 1)[1]
    assert "marked as failed and not read for findings" in appendix
    assert "`sub` adds instead of subtracting" in appendix
    assert "It produced no review" not in md
    assert "What it printed is in the appendix" in md


@pytest.mark.parametrize("cli", ["claude", "codex"])
def test_cli_that_never_exits_after_its_result_is_stopped_and_read(
    tmp_path: Path, cli: str
) -> None:
    """Not the seat timeout (20 s here, 30 min by default): a short grace after the result."""
    out = _review(tmp_path, cli, {"hang_after": True}, "--timeout", "20")
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    md, report = _report(out)
    assert "calc.py:5" in _places(report), report["findings"]
    run = run_json(Path(out["review_dir"]))["seats"][cli]["run"]
    assert run["stopped_after_result_s"] == 0.2, run
    assert out["_seat_line"].endswith("[stopped: still running 0.2 s after its final result]")
    md, _ = _report(out)
    assert "was still running 0.2 s after its final result" in md


@pytest.mark.parametrize(
    ("cli", "scenario", "said"),
    [
        ("claude", {"stop_reason": "max_tokens"}, "stop_reason: max_tokens"),
        # as Claude Code 2.1.197 and codex 0.171 end it: an error, exit 1; the answer before it
        # is kept
        ("claude", {"cut_by_limit": True}, "error: max_output_tokens"),
        ("codex", {"cut_by_limit": True}, "reason: max_output_tokens"),
        # gemini 0.61 streams a success: its telemetry log says the finish reason
        ("gemini", {"cut_by_limit": True}, "finish reason: length"),
    ],
)
def test_answer_cut_by_the_output_limit_is_unfinished(
    tmp_path: Path, cli: str, scenario: dict[str, Any], said: str
) -> None:
    out = _review(tmp_path, cli, scenario, "--fail-on", "important")
    (seat,) = out["seats"]
    assert seat["status"] == "failed", seat
    assert seat["reason"] == (
        f"unfinished review: its answer was cut off by the output limit ({said})"
    )
    assert out["_returncode"] != 0
    md, report = _report(out)
    assert "Merge as-is" not in md
    assert report["findings"] == []  # a failed seat: what it wrote is shown, not read
    assert "`sub` adds instead of subtracting" in md.split("## Appendix", 1)[1]


def _message(n: int, text: str) -> dict[str, Any]:
    return {
        "type": "item.completed",
        "item": {"id": f"i{n}", "type": "agent_message", "text": text},
    }


def test_codex_review_followed_by_a_closing_message(tmp_path: Path) -> None:
    stream = tmp_path / "codex.jsonl"
    events = [
        {"type": "thread.started", "thread_id": "t"},
        {"type": "turn.started"},
        _message(0, "Let me look."),
        _message(1, REVIEW),
        _message(2, "Done — the review is above."),
        {"type": "turn.completed", "usage": {"input_tokens": 1, "output_tokens": 1}},
    ]
    stream.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    out = _review(tmp_path, "codex", {"transcript_file": str(stream)})
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    _, report = _report(out)
    assert "calc.py:5" in _places(report), report["findings"]
    stored = (Path(out["review_dir"]) / "review-codex-pass-1.md").read_text(encoding="utf-8")
    assert stored.startswith("## Executive Summary") and "Let me look." not in stored


def _assistant(content: dict[str, Any]) -> dict[str, Any]:
    message = {"id": "m", "role": "assistant", "model": "claude-opus-4-6", "content": [content]}
    return {"type": "assistant", "message": message, "parent_tool_use_id": None}


def test_claude_review_split_around_a_tool_call(tmp_path: Path) -> None:
    head, tail = REVIEW.split("### Important Issues")
    tail = "### Important Issues" + tail
    call = {"type": "tool_use", "id": "t1", "name": "Bash", "input": {"command": "git log"}}
    answer = {"type": "tool_result", "tool_use_id": "t1", "content": "ok"}
    events = [
        {"type": "system", "subtype": "init", "model": "claude-opus-4-6"},
        _assistant({"type": "text", "text": head}),
        _assistant(call),
        {"type": "user", "message": {"content": [answer]}},
        _assistant({"type": "text", "text": tail}),
        {"type": "result", "subtype": "success", "is_error": False, "result": tail},
    ]
    stream = tmp_path / "claude.jsonl"
    stream.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    out = _review(tmp_path, "claude", {"transcript_file": str(stream)}, "--fail-on", "critical")
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    _, report = _report(out)
    assert "calc.py:5" in _places(report), report["findings"]
    assert out["_returncode"] != 0  # --fail-on critical


def _stream(tmp_path: Path, cli: str, events: list[dict[str, Any]]) -> str:
    path = tmp_path / f"{cli}.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return str(path)


def _gemini_text(text: str) -> list[dict[str, Any]]:
    """Assistant text as Gemini CLI streams it: deltas, here two."""
    half = len(text) // 2
    return [
        {"type": "message", "role": "assistant", "content": part, "delta": True}
        for part in (text[:half], text[half:])
    ]


def _gemini_call(n: int) -> list[dict[str, Any]]:
    tid = f"run_shell_command__run_shell_command_{n}"
    return [
        {"type": "tool_use", "tool_name": "run_shell_command", "tool_id": tid,
         "parameters": {"command": "git log"}},
        {"type": "tool_result", "tool_id": tid, "status": "success", "output": "ok"},
    ]  # fmt: skip


def test_gemini_review_split_around_a_tool_call(tmp_path: Path) -> None:
    head, tail = REVIEW.split("### Important Issues")
    events = [
        {"type": "init", "session_id": "s", "model": "gemini-2.5-pro"},
        *_gemini_text("Let me look at calc.py."),
        *_gemini_call(0),
        *_gemini_text(head),
        *_gemini_call(1),
        *_gemini_text("### Important Issues" + tail),
        {"type": "result", "status": "success", "stats": {"input_tokens": 1, "output_tokens": 1}},
    ]
    stream = _stream(tmp_path, "gemini", events)
    out = _review(tmp_path, "gemini", {"transcript_file": stream}, "--fail-on", "critical")
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    _, report = _report(out)
    assert "calc.py:5" in _places(report), report["findings"]
    assert out["_returncode"] != 0  # --fail-on critical
    stored = (Path(out["review_dir"]) / "review-gemini-pass-1.md").read_text(encoding="utf-8")
    assert stored.startswith("## Executive Summary") and "Let me look" not in stored


def _opencode(kind: str, part: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, "timestamp": 1, "sessionID": "ses_1", "part": part}


def test_opencode_answer_cut_by_the_output_limit_is_unfinished(tmp_path: Path) -> None:
    """opencode's step_finish `reason: "length"`: the model hit its output limit mid-answer."""
    tokens = {"input": 10, "output": 5, "reasoning": 0, "cache": {"read": 0, "write": 0}}
    events = [
        _opencode("step_start", {"type": "step-start"}),
        _opencode("text", {"type": "text", "text": REVIEW}),
        _opencode("step_finish", {"type": "step-finish", "reason": "length", "tokens": tokens}),
        {"type": "done", "timestamp": 2, "sessionID": "ses_1", "reason": "idle", "rejected": []},
    ]
    stream = _stream(tmp_path, "opencode", events)
    out = _review(tmp_path, "opencode", {"transcript_file": stream}, "--fail-on", "important")
    (seat,) = out["seats"]
    assert seat["status"] == "failed", seat
    assert seat["reason"] == (
        "unfinished review: its answer was cut off by the output limit (finish reason: length)"
    )
    assert out["_returncode"] != 0
    md, report = _report(out)
    assert "Merge as-is" not in md
    assert report["findings"] == []  # as claude's max_tokens: a failed seat, not read
    assert "`sub` adds instead of subtracting" in md.split("## Appendix", 1)[1]


SECRET = AGENT_AUTH["claude"][1]  # in every seat's environment (`Fakes.env(agents=True)`)
HEAD = REVIEW.split("### Important Issues")[0] + f"(the key is {SECRET})\n"


def _stopped_mid_review(cli: str) -> list[dict[str, Any]]:
    """The CLI's events up to a tool call it is still waiting on, after the review's first
    sections: no final event follows."""
    call = {"type": "tool_use", "id": "t1", "name": "Bash", "input": {"command": "git log"}}
    item = {"id": "i1", "type": "command_execution", "command": "/bin/bash -lc 'git log'",
            "aggregated_output": "", "exit_code": None, "status": "in_progress"}  # fmt: skip
    return {
        "claude": [
            {"type": "system", "subtype": "init", "model": "claude-opus-4-6"},
            _assistant({"type": "text", "text": HEAD}),
            _assistant(call),
        ],
        "codex": [
            {"type": "thread.started", "thread_id": "t"},
            {"type": "turn.started"},
            _message(0, HEAD),
            {"type": "item.started", "item": item},
        ],
        "gemini": [
            {"type": "init", "session_id": "s", "model": "gemini-2.5-pro"},
            *_gemini_text(HEAD),
            _gemini_call(0)[0],
        ],
    }[cli]


@pytest.mark.slow
def test_seat_timed_out_mid_review_keeps_what_it_wrote(tmp_path: Path) -> None:
    """Each CLI's seat, stopped mid-review by the timeout (one review of the three: they wait
    out the same timeout side by side)."""
    scenarios = {
        cli: {
            "transcript_file": _stream(tmp_path, cli, _stopped_mid_review(cli)),
            "hang_after": True,
        }
        for cli in AGENT_CLIS
    }
    # The fake must have printed its stream before the timeout: its Python takes ~0.3 s to
    # start on a loaded machine, so a 1 s timeout could stop it before it wrote anything.
    out = _review_seats(tmp_path, scenarios, "--timeout", "4")
    reason = f"timed out after {format_duration(4.0)}"
    seats = {seat["seat"]: seat for seat in out["seats"]}
    assert sorted(seats) == sorted(AGENT_CLIS), seats
    review_dir = Path(out["review_dir"])
    for cli in AGENT_CLIS:
        seat = seats[cli]
        assert (seat["status"], seat["reason"]) == ("timeout", reason), seat
        assert out["_seat_lines"][cli] == f"  {cli}: {reason}", out["_seat_lines"]
        # its raw stream, and the review text it had written, are kept (redacted)
        transcript = (review_dir / f"transcript-{cli}-pass-1.jsonl").read_text(encoding="utf-8")
        assert "git log" in transcript and "Executive Summary" in transcript, cli
        review = (review_dir / f"review-{cli}-pass-1.md").read_text(encoding="utf-8")
        assert review.startswith("## Executive Summary"), review
        assert "`sub` adds instead of subtracting" in review
        assert "(the key is [REDACTED])" in review
        assert SECRET not in transcript + review
    md, report = _report(out)
    assert SECRET not in md
    # a failed seat: what it wrote is shown, cut short, but not counted as its findings
    assert report["findings"] == []
    appendix = md.split("## Appendix", 1)[1]
    # each seat's: its text, and why it is cut short, once per seat
    assert appendix.count("`sub` adds instead of subtracting") >= len(AGENT_CLIS), appendix
    assert appendix.count("cut short by the timeout") == len(AGENT_CLIS), appendix
    assert md.count("What it printed is in the appendix") == len(AGENT_CLIS), md
