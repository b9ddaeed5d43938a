"""A real Claude or Codex seat whose key the API rejects at once names the key to check.

Claude Code with no retries left ends in an error result ("Failed to authenticate. API Error:
401 …"), Codex in `turn.failed` ("unexpected status 401 Unauthorized: …"): neither names a
variable, so the adapter does (tests/faults/test_auth_failure_hints.py has the fakes' shapes).
"""

from __future__ import annotations

from typing import Any

import pytest

from e2e.agentkit import PROMPT_MARKER, REVIEW_TEXT, SeatRunner, codex_provider_args
from scripted_server import Fault, Step

pytestmark = pytest.mark.e2e


def _no_retries(name: str, url: str) -> dict[str, Any]:
    if name == "claude":
        return {"user_env": {"CLAUDE_CODE_MAX_RETRIES": "0"}}
    no_retries = (
        "-c", "model_providers.scripted.request_max_retries=0",
        "-c", "model_providers.scripted.stream_max_retries=0",
    )  # fmt: skip
    return {"extra_args": (*codex_provider_args(url), *no_retries)}


@pytest.mark.parametrize(
    ("name", "fix"),
    [
        ("claude", "check ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN or log in again ("),
        ("codex", "check SCRIPTED_API_KEY ("),  # the custom provider's env_key
    ],
)
def test_rejected_key_names_the_key(
    name: str, fix: str, run_seat: SeatRunner, scripted_server
) -> None:
    srv = scripted_server([Step.text(REVIEW_TEXT)], faults=[Fault.http(401, times=1000)])
    settings = _no_retries(name, srv.url)
    run = run_seat(name, srv.url, prompt=f"Review. {PROMPT_MARKER}", timeout=60, **settings)
    out = run.outcome

    assert out.status == "failed", (out.status, out.reason)
    assert out.reason is not None
    assert out.reason.startswith("authentication failed (HTTP 401): the API rejected the key; ")
    assert fix in out.reason
