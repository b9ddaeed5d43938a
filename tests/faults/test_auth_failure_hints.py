"""A seat whose CLI's account was refused says what to fix, whichever way the CLI said it.

Trial 51 #5: Claude Code's error result "Invalid API key · Please run /login" and Codex's
"unexpected status 401 Unauthorized: …" were the whole reason, though `deep-review` cannot run
`/login` headless and the user needs to know which key to fix; Claude's rejected key seen
through its `api_retry` events (tests/agents_cli/test_claude_auth_rejection.py) and Gemini's exit
41 already said so. Through the real `deep-review review` with the fake CLIs (tests/fakebin),
which print the real CLIs' error events.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo

CLAUDE_KEYS = "ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN"
CODEX_KEYS = "OPENAI_API_KEY / CODEX_API_KEY"
CODEX_401 = "unexpected status 401 Unauthorized: Missing bearer or basic authentication in header"
CODEX_USAGE = "You've hit your usage limit. Try again in 3 days 4 hours."


def _failed_seat(tmp_path: Path, cli: str, scenario: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Review with `cli` failing as `scenario` says beside a working seat: (its seat, report)."""
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    fakes.agent(cli, scenario)
    fakes.write_config({"good": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", f"good,{cli}", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    seat = next(s for s in out["seats"] if s["seat"] == cli)
    assert seat["status"] == "failed", seat
    return seat, Path(out["paths"]["md"]).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("scenario", "reason"),
    [
        pytest.param(
            {"mode": "api_error"},  # the result of a rejected key: api_error_status 401
            "authentication failed (HTTP 401): the API rejected the key; check "
            f"{CLAUDE_KEYS} or log in again (HTTP 401: Invalid API key · Please run /login)",
            id="invalid-key",
        ),
        pytest.param(
            {
                "mode": "api_error",
                "api_error_status": None,
                "api_error_message": "Not logged in · Please run /login",
            },
            f"authentication failed: check {CLAUDE_KEYS} or log in again "
            "(Not logged in · Please run /login)",
            id="not-logged-in",
        ),
        pytest.param(
            {
                "mode": "api_error",
                "api_error_status": None,
                "api_error_message": "Credit balance is too low",
            },
            f"quota used up: the account behind {CLAUDE_KEYS} or the login has no credit or "
            "usage left; add credit or wait for the limit to reset (Credit balance is too low)",
            id="credit",
        ),
    ],
)
def test_claude_error_result_names_the_key_to_fix(
    tmp_path: Path, scenario: dict[str, Any], reason: str
) -> None:
    seat, report = _failed_seat(tmp_path, "claude", scenario)
    assert seat["reason"] == reason
    assert f"Seat Claude failed: {reason}" in report


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        pytest.param(
            CODEX_401,
            "authentication failed (HTTP 401): the API rejected the key; check "
            f"{CODEX_KEYS} or run `codex login` ({CODEX_401})",
            id="401",
        ),
        pytest.param(
            CODEX_USAGE,
            f"quota used up: the account behind {CODEX_KEYS} or the login has no credit or "
            f"usage left; add credit or wait for the limit to reset ({CODEX_USAGE})",
            id="usage-limit",
        ),
    ],
)
def test_codex_error_names_the_key_to_fix(tmp_path: Path, message: str, reason: str) -> None:
    seat, report = _failed_seat(
        tmp_path, "codex", {"mode": "api_error", "api_error_message": message}
    )
    assert seat["reason"] == reason
    assert f"Seat Codex failed: {reason}" in report


def test_codex_on_a_custom_provider_names_its_key(tmp_path: Path) -> None:
    """A provider given in `extra_args` reads its key from its `env_key`: that is the one to
    fix, and there is no `codex login` for it."""
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    fakes.agent("codex", {"mode": "api_error", "api_error_message": CODEX_401})
    provider = [
        "-c", 'model_providers.gw.name="GW"',
        "-c", 'model_providers.gw.base_url="http://127.0.0.1:9/v1"',
        "-c", 'model_providers.gw.env_key="GW_KEY"',
        "-c", "model_provider=gw",
    ]  # fmt: skip
    fakes.write_config({"good": fakes.seat("ok"), "codex": {"extra_args": provider}})
    env = fakes.env({"GW_KEY": "gw-key"}, agents=True)
    res = fakes.review(repo, "--agents", "good,codex", env=env)
    assert res.returncode == 0, res.stderr
    seat = next(s for s in res.json()["seats"] if s["seat"] == "codex")
    assert seat["reason"] == (
        f"authentication failed (HTTP 401): the API rejected the key; check GW_KEY ({CODEX_401})"
    )


def test_a_rate_limit_is_left_as_the_cli_said_it(tmp_path: Path) -> None:
    """No key or plan to fix: waiting is the cure, and the CLI's words say so already."""
    message = "exceeded retry limit, last status: 429 Too Many Requests"
    seat, _ = _failed_seat(tmp_path, "codex", {"mode": "api_error", "api_error_message": message})
    assert seat["reason"] == message
