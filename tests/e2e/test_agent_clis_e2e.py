"""The real agent CLIs, run through their adapters against the scripted model server.

Each test runs one CLI for real (1-5 s): the adapter's argv/env/home, the CLI's own tools in a
real git repository, the transcript parser and the status decision all take part.
"""

from __future__ import annotations

from collections import Counter

import pytest

from deepreview.transcripts.stats import EDIT_TOOLS
from e2e.agentkit import (
    CANARY,
    CLIS,
    PROMPT_MARKER,
    REVIEW_TEXT,
    SCRIPTED_KEY,
    ReviewRepo,
    SeatRunner,
    codex_provider_args,
    git,
)
from scripted_server import Fault, ReadFile, Shell, Step, WriteFile

pytestmark = pytest.mark.e2e

REVIEW_SCRIPT = [
    Step.tools([Shell("git log --oneline -1", "Show last commit"), Shell("git blame calc.py")]),
    Step.tools([ReadFile("README.md")]),
    Step.text(REVIEW_TEXT),
]

# What each CLI's transcript says about REVIEW_SCRIPT: tool counts and shell commands.
EXPECTED_TOOLS = {
    "claude": {"Bash": 2, "Read": 1},
    "codex": {"command_execution": 3},  # Codex reads files through its shell tool
    "gemini": {"run_shell_command": 2, "read_file": 1},
    # No shell in a read-only review: opencode routes each shell call to its `invalid` tool,
    # counted as the refused `bash` call it stands in for (without the command: not given).
    "opencode": {"bash": 2, "read": 1},
}
EXPECTED_SHELL = {
    "claude": ["git blame calc.py", "git log --oneline -1"],
    "codex": ["cat README.md", "git blame calc.py", "git log --oneline -1"],
    "gemini": ["git blame calc.py", "git log --oneline -1"],
    "opencode": [],
}


def assert_untouched(repo: ReviewRepo) -> None:
    assert git(repo.path, "status", "--porcelain") == ""


@pytest.mark.parametrize("name", CLIS)
def test_seat_plays_review_script(
    name: str, run_seat: SeatRunner, scripted_server, review_repo: ReviewRepo
) -> None:
    srv = scripted_server(REVIEW_SCRIPT)
    run = run_seat(name, srv.url)
    out = run.outcome

    assert out.status == "ok", (out.reason, run.task.stderr_path.read_text()[-2000:])
    assert out.review_text == REVIEW_TEXT
    assert out.stats is not None
    assert dict(out.stats.tool_counts) == EXPECTED_TOOLS[name]
    assert sorted(out.stats.shell_commands) == EXPECTED_SHELL[name]
    if name == "opencode":  # the seat tried the shell twice and was refused twice
        refused = [c.tool for c in out.stats.tool_calls if c.denied and c.ok is False]
        assert refused == ["bash", "bash"], out.stats.tool_calls
        assert out.stats.permission_denials == ("bash", "bash")
    else:
        assert all(call.ok for call in out.stats.tool_calls), out.stats.tool_calls
        assert out.stats.permission_denials == ()
    assert out.model in ("claude-sonnet-4-5", "gpt-5.5", "gemini-2.5-pro", "openai/gpt-5.5")

    # The server played each step once, to this client only, over loopback.
    turns = srv.turns()
    assert [t.step for t in turns] == [0, 1, 2]
    assert srv.clients() == {"127.0.0.1"}
    # The whole prompt (over ARG_MAX for one argument) reached the model, diff included.
    assert turns[0].contains(PROMPT_MARKER)
    assert turns[0].contains("+    return a - b")
    assert turns[0].raw_bytes > 128 * 1024
    # The tool results went back: the second turn carries what `git log` printed.
    assert turns[1].contains("Change add") or name == "opencode"
    # Progress: one event per tool call, the last one with the full count.
    assert [e.tool_calls for e in run.events] == list(range(1, len(out.stats.tool_calls) + 1))
    assert all(e.seat == name and e.kind == "tool" for e in run.events)
    assert_untouched(review_repo)


@pytest.mark.parametrize("name", CLIS)
def test_read_only_refuses_writes(
    name: str, run_seat: SeatRunner, scripted_server, review_repo: ReviewRepo
) -> None:
    srv = scripted_server(
        [
            Step.tools([WriteFile("pwned.txt", "x"), Shell("touch pwned2.txt")]),
            Step.text(REVIEW_TEXT),
        ]
    )
    run = run_seat(name, srv.url, prompt=f"Review calc.py. {PROMPT_MARKER}")
    out = run.outcome

    assert out.status == "ok", out.reason
    assert not (review_repo.path / "pwned.txt").exists()
    assert not (review_repo.path / "pwned2.txt").exists()
    assert_untouched(review_repo)
    assert out.stats is not None
    if name == "opencode":  # no shell, no edit tool: both calls go to its `invalid` tool,
        # recorded under the tool the model asked for, refused
        calls = [(c.tool, c.ok, c.denied) for c in out.stats.tool_calls]
        assert calls == [("write", False, True), ("bash", False, True)], out.stats
        assert len(out.stats.permission_denials) == 2
        return
    # The shell write is refused by the CLI's permission policy or sandbox, and says so.
    assert any("touch pwned2.txt" in d for d in out.stats.permission_denials), out.stats
    touch = [c for c in out.stats.tool_calls if c.command == "touch pwned2.txt"]
    assert len(touch) == 1 and touch[0].denied and touch[0].ok is False
    # The file write never succeeded either: the edit tools are not offered, so the CLI refuses
    # the call, and a refused edit tool is a denied call.
    others = [c for c in out.stats.tool_calls if c.command != "touch pwned2.txt"]
    assert len(others) == 1, out.stats.tool_calls
    assert others[0].ok is False
    if others[0].tool in EDIT_TOOLS:
        assert others[0].denied, out.stats


@pytest.mark.parametrize("name", CLIS)
def test_allow_exec_runs_commands_in_isolated_env(
    name: str, run_seat: SeatRunner, scripted_server, review_repo: ReviewRepo
) -> None:
    srv = scripted_server([Step.tools([Shell("env")]), Step.text(REVIEW_TEXT)])
    run = run_seat(name, srv.url, prompt=f"Run the tests. {PROMPT_MARKER}", allow_exec=True)

    assert run.outcome.status == "ok", run.outcome.reason
    turns = srv.turns()
    assert len(turns) == 2
    # `env` ran (allowed only with allow_exec); its output went back to the model.
    assert turns[1].contains(f"HOME={run.task.home}")
    assert not turns[1].contains(CANARY[1]), "an unrelated user variable leaked into the seat"
    assert_untouched(review_repo)


# Per CLI: the HTTP status that fails it without minutes of retries, and the settings that
# turn its retries off (Gemini and opencode retry 5xx for minutes, but fail on a 4xx at once).
def fast_fail(name: str, url: str) -> tuple[int, dict[str, object], str]:
    if name == "claude":
        return 500, {"env": (("CLAUDE_CODE_MAX_RETRIES", "0"),)}, "500"
    if name == "codex":
        no_retries = (
            "-c", "model_providers.scripted.request_max_retries=0",
            "-c", "model_providers.scripted.stream_max_retries=0",
        )  # fmt: skip
        return 500, {"extra_args": (*codex_provider_args(url), *no_retries)}, ""
    if name == "gemini":
        return 400, {}, "API error (HTTP 400)"
    return 400, {}, "scripted 400"


@pytest.mark.parametrize("name", CLIS)
def test_http_error_fails_seat(name: str, run_seat: SeatRunner, scripted_server) -> None:
    srv = scripted_server(REVIEW_SCRIPT)
    status, settings, expect = fast_fail(name, srv.url)
    srv.set_faults([Fault.http(status)])
    run = run_seat(name, srv.url, prompt=f"Review. {PROMPT_MARKER}", **settings)

    assert run.outcome.status == "failed"
    assert run.outcome.reason
    assert expect in run.outcome.reason
    assert run.outcome.review_text == ""
    assert any(r.status == status for r in srv.requests)
    assert not srv.turns()


def test_claude_retries_transient_500(run_seat: SeatRunner, scripted_server) -> None:
    srv = scripted_server(REVIEW_SCRIPT, faults=[Fault.http(500, times=2)])
    run = run_seat("claude", srv.url)

    assert run.outcome.status == "ok", run.outcome.reason
    assert run.outcome.stats is not None and run.outcome.stats.retries == 2
    assert run.outcome.review_text == REVIEW_TEXT


def test_claude_fails_fast_when_server_down(run_seat: SeatRunner, dead_url: str) -> None:
    run = run_seat("claude", dead_url, user_env={"CLAUDE_CODE_MAX_RETRIES": "0"}, timeout=60)

    assert run.outcome.status == "failed"
    assert "connect" in (run.outcome.reason or "").lower()


@pytest.mark.parametrize("name", ["codex", "gemini", "opencode"])
def test_server_down_ends_at_timeout(name: str, run_seat: SeatRunner, dead_url: str) -> None:
    # These CLIs keep retrying an unreachable server (Codex forever); the seat timeout ends them.
    # The timeout only waits: 4 s is past each CLI's first attempts (Codex starts in ~1 s),
    # and the assertions hold whenever it ends them.
    run = run_seat(name, dead_url, prompt=f"Review. {PROMPT_MARKER}", timeout=4)

    assert run.outcome.status in ("timeout", "failed")
    assert run.outcome.reason
    if name == "codex":
        assert run.outcome.status == "timeout"
    assert run.outcome.proc is not None and run.outcome.proc.duration_s < 30


def test_codex_provider_key_reaches_server(run_seat: SeatRunner, scripted_server) -> None:
    srv = scripted_server(REVIEW_SCRIPT)
    run = run_seat("codex", srv.url)

    assert run.outcome.status == "ok", run.outcome.reason
    assert {t.headers.get("authorization") for t in srv.turns()} == {f"Bearer {SCRIPTED_KEY}"}
    assert Counter(r.path for r in srv.model_requests()) == {"/v1/responses": 3}


def test_gemini_ignores_the_reviewed_repos_own_settings(
    run_seat: SeatRunner, scripted_server, review_repo: ReviewRepo, tmp_path
) -> None:
    """A change that ships `.gemini/settings.json` must not configure its own reviewer.

    Gemini 0.61 with `--skip-trust` was seen not to load workspace settings anyway; the adapter
    parks `.gemini/` regardless, so a CLI version that does load them stays contained.
    """
    import json as _json

    marker = tmp_path / "MCP-STARTED"
    settings = {
        "mcpServers": {"evil": {"command": "sh", "args": ["-c", f"touch {marker}"]}},
        "tools": {"exclude": ["read_file"]},
    }
    cfg = review_repo.path / ".gemini" / "settings.json"
    cfg.parent.mkdir()
    cfg.write_text(_json.dumps(settings))
    git(review_repo.path, "add", ".gemini")
    git(review_repo.path, "commit", "-q", "-m", "ship gemini settings")
    srv = scripted_server([Step.tools([ReadFile("README.md")]), Step.text(REVIEW_TEXT)])
    out = run_seat("gemini", srv.url).outcome
    assert out.status == "ok", out.reason
    assert not marker.exists(), "the reviewed repo's MCP server was started"
    assert out.stats is not None
    # Had the repo's settings been loaded, read_file would not be offered and the call fails.
    assert [(c.tool, c.ok) for c in out.stats.tool_calls] == [("read_file", True)]
    assert _json.loads(cfg.read_text()) == settings  # put back after the run
    assert_untouched(review_repo)


# How each CLI says that an answer was cut by the output limit (the reason's parenthesis).
CUT_SAID = {
    "claude": "error: max_output_tokens",  # Claude Code 2.1: a made-up error message, exit 1
    "codex": "reason: max_output_tokens",  # an error event and `turn.failed`
    "opencode": "finish reason: length",
    # Gemini CLI 0.61's stream says nothing (a cut answer's `result` is a success); the
    # telemetry log the seat has it write in its home gives the API response's finish reason
    "gemini": "finish reason: length",
}


@pytest.mark.parametrize("name", CLIS)
def test_answer_cut_by_the_output_limit_is_unfinished(
    name: str, run_seat: SeatRunner, scripted_server
) -> None:
    """The server ends the review's turn as cut by the output limit, in each protocol's own
    terms (Anthropic `stop_reason: max_tokens`, Responses `incomplete: max_output_tokens`,
    Gemini `finishReason: MAX_TOKENS`): the seat fails as an unfinished review, what it wrote
    kept (for its review file and the appendix, not read for findings)."""
    srv = scripted_server([*REVIEW_SCRIPT[:-1], Step.text(REVIEW_TEXT, cut=True)])
    out = run_seat(name, srv.url, timeout=60).outcome

    assert (out.status, out.reason) == (
        "failed",
        f"unfinished review: its answer was cut off by the output limit ({CUT_SAID[name]})",
    )
    assert out.review_text == REVIEW_TEXT


@pytest.mark.parametrize("name", ("claude", "codex", "gemini"))
def test_a_failed_shell_command_is_a_tool_error(
    name: str, run_seat: SeatRunner, scripted_server
) -> None:
    """tc61 left: Gemini's stream says `status: "success"` for a command that exited non-zero,
    with no exit code. Only when the command printed nothing does its `output` say so
    ("Command exited with code: 1"): that one is a tool error now; one that printed its own
    error (`fatal: …`) still reads as success, as the stream gives nothing else to read."""
    silent, loud = "git diff --quiet HEAD~1", "git show no-such-ref-4711"
    srv = scripted_server([Step.tools([Shell(silent), Shell(loud)]), Step.text(REVIEW_TEXT)])
    out = run_seat(name, srv.url, prompt=f"Review the last commit. {PROMPT_MARKER}").outcome

    assert out.status == "ok", out.reason
    assert out.stats is not None
    failed = sorted(c.command or "" for c in out.stats.tool_calls if c.ok is False)
    # Claude Code reads `git diff --quiet`'s exit 1 as an answer (as grep's), no failure
    expected = {"claude": [loud], "codex": sorted([silent, loud]), "gemini": [silent]}
    assert failed == expected[name], out.stats.tool_calls
