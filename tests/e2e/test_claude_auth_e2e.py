"""A real Claude seat whose key the API rejects fails at once, saying so, not at its timeout."""

from __future__ import annotations

import pytest

from e2e.agentkit import PROMPT_MARKER, REVIEW_TEXT, SeatRunner
from scripted_server import Fault, Step

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("status", [401, 403])
def test_claude_rejected_key_fails_fast(status: int, run_seat: SeatRunner, scripted_server) -> None:
    srv = scripted_server([Step.text(REVIEW_TEXT)], faults=[Fault.http(status, times=1000)])
    run = run_seat("claude", srv.url, prompt=f"Review. {PROMPT_MARKER}", timeout=60)
    out = run.outcome

    assert out.status == "failed", (out.status, out.reason)
    assert out.reason and str(status) in out.reason and "auth" in out.reason.lower(), out.reason
    assert out.proc is not None and out.proc.duration_s < 30
