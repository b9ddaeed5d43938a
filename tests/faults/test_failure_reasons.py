"""A failed seat's reason keeps the cause, and the report points at the seat's stderr file.

Trial 29: codex's reason was stderr's last line only ("stderr: in `model_providers`"); gemini
answering 429 forever, or a server that never answers, was a bare "timed out after 1 min"
though stderr repeated the retries; the report never named the stderr file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo

FRAMES = "".join(
    f"    at frame{i} (file:///opt/gemini-cli/bundle/chunk.js:{267000 + i}:13)\n" for i in range(8)
)


def _review(tmp_path: Path, cli: str, scenario: dict[str, Any], timeout: float | None = None):  # type: ignore[no-untyped-def]
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent(cli, scenario)
    fakes.write_config({cli: {"timeout": timeout}} if timeout else {})
    res = fakes.review(repo, "--agents", cli, env=fakes.env(agents=True))
    assert res.returncode == 3, res.stderr
    out = res.json()
    seat = next(s for s in out["seats"] if s["seat"] == cli)
    return seat, Path(out["paths"]["md"]).read_text(encoding="utf-8"), out


def test_codex_config_error_keeps_the_line_before_the_fragment(tmp_path: Path) -> None:
    stderr = (
        "Error loading config.toml: model_providers.gw: provider name must not be empty\n"
        "in `model_providers`\n\n"
    )
    seat, report, out = _review(tmp_path, "codex", {"mode": "exit", "stderr": stderr})
    assert "provider name must not be empty" in seat["reason"]
    assert "in `model_providers`" in seat["reason"]
    stderr_file = f"{Path(out['review_dir']).name}/stderr-codex-pass-1.log"
    note = next(ln for ln in report.splitlines() if ln.startswith("> Seat Codex failed"))
    assert stderr_file in note


def test_gemini_timeout_names_the_repeated_429(tmp_path: Path) -> None:
    attempts = "".join(
        f"Attempt {n} failed with status 429. Retrying with backoff... _ApiError: "
        f'{{"error":{{"code":429,"message":"scripted 429","status":"RESOURCE_EXHAUSTED"}}}}\n'
        f"{FRAMES}  status: 429\n}}\n"
        for n in range(1, 5)
    )
    seat, report, out = _review(tmp_path, "gemini", {"mode": "hang", "stderr": attempts}, 1)
    assert seat["status"] == "timeout"
    assert "(last error: HTTP 429 rate limited, 4 retries)" in seat["reason"]
    assert seat["api_retries"] == 4  # counted from stderr: Gemini's stream does not say
    note = next(ln for ln in report.splitlines() if ln.startswith("> Seat Gemini timed out"))
    assert "HTTP 429 rate limited, 4 retries" in note
    assert f"{Path(out['review_dir']).name}/stderr-gemini-pass-1.log" in note


def test_gemini_timeout_names_fetch_failed_retries(tmp_path: Path) -> None:
    attempts = "".join(
        f"Attempt {n} failed. Retrying with backoff... Error: exception TypeError: "
        f"fetch failed sending request\n{FRAMES}"
        for n in range(1, 4)
    )
    seat, _, _ = _review(tmp_path, "gemini", {"mode": "hang", "stderr": attempts}, 1)
    assert "(last error: fetch failed, 3 retries)" in seat["reason"], seat["reason"]


def test_exit_after_a_stack_trace_reports_the_error_not_a_frame(tmp_path: Path) -> None:
    stderr = f"Error when talking to Gemini API: quota exceeded\n{FRAMES}"
    seat, _, _ = _review(tmp_path, "gemini", {"mode": "exit", "stderr": stderr})
    assert "quota exceeded" in seat["reason"], seat["reason"]
    assert "frame7" not in seat["reason"]
    json.dumps(seat)


def _opencode_log_line(error: str, *, small: bool = False) -> str:
    """A failed model request as opencode 1.18 logs it (seen with a server answering 429)."""
    return (
        'timestamp=2026-12-03T06:33:52.116Z level=ERROR run=b42afbb4 message="stream error" '
        f"providerID=openai modelID=gpt-5.5 session.id=ses_1 small={str(small).lower()} "
        f'agent=build mode=primary error.error="{error}"\n'
    )


def test_opencode_timeout_names_the_requests_its_log_shows_failing(tmp_path: Path) -> None:
    """opencode prints its retries nowhere a seat reads (not stderr, not its JSON events): its
    own log in the isolated home has them, and the reason carries the last one, as for Gemini."""
    log = (
        "timestamp=2026-12-03T06:33:48.206Z level=INFO run=b42afbb4 message=loop step=0\n"
        + _opencode_log_line("AI_APICallError: Rate limit reached for gpt-5.5")
        + _opencode_log_line("AI_RetryError: Failed after 3 attempts.", small=True)
        + _opencode_log_line("AI_APICallError: Rate limit reached for gpt-5.5")
        + _opencode_log_line("AI_APICallError: Rate limit reached for gpt-5.5")
    )
    seat, report, _ = _review(tmp_path, "opencode", {"mode": "hang", "log": log}, 1)
    assert seat["status"] == "timeout"
    assert "(last error: Rate limit reached for gpt-5.5, 3 retries)" in seat["reason"]
    note = next(ln for ln in report.splitlines() if ln.startswith("> Seat opencode timed out"))
    assert "Rate limit reached for gpt-5.5, 3 retries" in note


# Gemini CLI's ways of failing outside its stream's error `result` (which `exit_reason` words):
# an API error line on stderr before its generic critical-error line, or its JSON error document
# (`{"error": {type, message, code}}`) on stdout or pretty-printed on stderr. Exit 1 each time.
QUOTA_WORDS = "Quota for this project is used up (e.g. check billing)"  # "." in the error
GEMINI_QUOTA_STDERR = (
    "Loaded cached credentials.\n"
    "Error when talking to Gemini API Full report available at: /tmp/gemini-client-error-1.json\n"
    f'[API Error: {{"error":{{"code":429,"message":"{QUOTA_WORDS}.",'
    '"status":"RESOURCE_EXHAUSTED"}}]\n'
    "An unexpected critical error occurred:[object Object]\n"
)
PLAN_WORDS = "[API Error: Your plan allows no more calls.]"
ERROR_DOCUMENT = {"error": {"type": "Error", "message": PLAN_WORDS, "code": 429}}


def test_gemini_api_error_line_is_the_reason_not_object_object(tmp_path: Path) -> None:
    """Trial 51: the reason was "exited with code 1: An unexpected critical error
    occurred:[object Object]", the 429 on the line above it lost."""
    scenario = {"mode": "exit", "exit_code": 1, "stderr": GEMINI_QUOTA_STDERR}
    seat, report, _ = _review(tmp_path, "gemini", scenario)
    assert seat["reason"] == f"API error (HTTP 429 RESOURCE_EXHAUSTED): {QUOTA_WORDS}"
    note = next(ln for ln in report.splitlines() if ln.startswith("> Seat Gemini failed"))
    assert f"Seat Gemini failed: API error (HTTP 429 RESOURCE_EXHAUSTED): {QUOTA_WORDS};" in note
    assert "[object Object]" not in report


@pytest.mark.parametrize("where", ["stdout", "stderr"])
def test_gemini_json_error_document_is_the_reason(tmp_path: Path, where: str) -> None:
    """Trial 51: on stdout the document was ignored ("exited with code 1"); pretty-printed on
    stderr its lines came out as JSON fragments joined with " | "."""
    if where == "stdout":
        stream = tmp_path / "gemini-error.jsonl"
        stream.write_text(json.dumps(ERROR_DOCUMENT) + "\n", encoding="utf-8")
        scenario: dict[str, Any] = {"transcript_file": str(stream), "exit_after": 1}
    else:
        stderr = "Loaded cached credentials.\n" + json.dumps(ERROR_DOCUMENT, indent=2)
        scenario = {"mode": "exit", "exit_code": 1, "stderr": stderr}
    seat, _, _ = _review(tmp_path, "gemini", scenario)
    assert seat["reason"] == "API error (HTTP 429): Your plan allows no more calls"


# Codex's notice for a model it has no metadata for: an `error` item that is only a warning.
CODEX_WARNED = [
    {"type": "thread.started", "thread_id": "0199a000-0000-7000-8000-000000000001"},
    {"type": "turn.started"},
    {
        "type": "item.completed",
        "item": {
            "id": "item_0",
            "type": "error",
            "message": "Model metadata for `gpt-test` not found. Defaulting to fallback metadata; "
            "this can degrade performance and cause issues.",
        },
    },
    {
        "type": "item.completed",
        "item": {
            "id": "item_1",
            "type": "command_execution",
            "command": "/bin/bash -lc 'git log --oneline -1'",
            "aggregated_output": "abc123 add div\n",
            "exit_code": 0,
            "status": "completed",
        },
    },
]
PANIC = "thread 'main' panicked at core/src/session.rs:88:14: no session for this turn"


@pytest.mark.parametrize("ending", ["hang", "crash"])
def test_codex_model_metadata_warning_is_not_the_failure(tmp_path: Path, ending: str) -> None:
    """Trial 51: a timeout read "(last error: Model metadata for … not found …)" and a crash
    led with the same warning before its exit code and panic."""
    stream = tmp_path / "codex-warned.jsonl"
    stream.write_text("".join(json.dumps(e) + "\n" for e in CODEX_WARNED), encoding="utf-8")
    scenario: dict[str, Any] = {"transcript_file": str(stream)}
    if ending == "hang":
        scenario["hang_after"] = True
    else:
        scenario.update(exit_after=1, stderr=PANIC + "\n")
    seat, _, _ = _review(tmp_path, "codex", scenario, timeout=2 if ending == "hang" else None)
    assert "Model metadata" not in seat["reason"]
    if ending == "hang":
        assert seat["status"] == "timeout"
        assert seat["reason"] == "timed out after 2.0 s"
    else:
        assert seat["status"] == "failed"
        assert "exited with code 1" in seat["reason"]
        assert PANIC in seat["reason"]


# The Gemini CLI with its telemetry file on (as every Gemini seat runs) starts by printing
# Node's warning of a deprecated OpenTelemetry option on stderr; the fake prints one (in its
# shape). It is never why a seat failed: the reason is the CLI's own error, else its exit code.
@pytest.mark.parametrize(
    ("stderr", "said"),
    [
        ("", None),  # nothing else on stderr: the exit code alone
        ("fetch failed: getaddrinfo ENOTFOUND generativelanguage.invalid", "fetch failed"),
        ("Error: the model is not available\nOpenTelemetry SDK shut down successfully", "Error:"),
    ],
    ids=["exit-code-only", "lowercase-error", "sdk-shutdown-after"],
)
def test_gemini_telemetry_warning_is_never_the_reason(
    tmp_path: Path, stderr: str, said: str | None
) -> None:
    seat, _, out = _review(tmp_path, "gemini", {"mode": "exit", "stderr": stderr})
    kept = (Path(out["review_dir"]) / "stderr-gemini-pass-1.log").read_text(encoding="utf-8")
    assert "DeprecationWarning" in kept  # the CLI did print it
    reason = seat["reason"]
    assert seat["status"] == "failed" and "exited with code 1" in reason, reason
    for noise in ("Warning", "OpenTelemetry", "opentelemetry", "trace-deprecation"):
        assert noise not in reason, reason
    if said is None:
        assert reason.rstrip(".").endswith("exited with code 1"), reason
    else:
        assert said in reason, reason
