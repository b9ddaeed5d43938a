"""Which seat failures keep the lead from starting (`pipeline.lead_gate`), and how a failed
seat's reason is read as a refused account (`agents.account`). The command-line paths are in
test_lead_not_run_cli.py; these are the rules and the words, one case each."""

from __future__ import annotations

import pytest

from deepreview.agents.account import account_failure
from deepreview.agents.base import SeatSettings
from deepreview.config import Settings
from deepreview.consolidate import SeatReview
from deepreview.model import AgentReview, Reviewer
from deepreview.pipeline.lead_gate import NOTHING_TO_VERIFY, lead_not_run
from deepreview.runmodel import SeatRun

KEY_REJECTED = "authentication failed (HTTP 401): the API rejected the key; log in again"


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        (KEY_REJECTED, "authentication"),
        ("exited with code 1: Invalid API key · Please run /login", "authentication"),
        (
            "unexpected status 401 Unauthorized: Incorrect API key provided: sk-proj-****",
            "authentication",
        ),
        ("authentication failed (exit 41): set GEMINI_API_KEY", "authentication"),
        (
            '[API Error: {"error": {"code": 401, "message": "no", "status": "UNAUTHENTICATED"}}]',
            "authentication",
        ),
        ("API error (HTTP 403): check GEMINI_API_KEY", "authentication"),
        ("exited with code 1: Claude AI usage limit reached|1767225600", "quota"),
        ("You've hit your usage limit. Upgrade to Pro or try again in 2 days.", "quota"),
        ("Quota exceeded. Check your plan and billing details.", "quota"),
        ("exited with code 1: Credit balance is too low", "quota"),
        ('API Error: 429 {"error": {"type": "insufficient_quota"}}', "quota"),
        ("exceeded retry limit, last status: 429 Too Many Requests", "rate limit"),
        (
            'API Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"…"}}',
            "rate limit",
        ),
        ("timed out after 600 s (last error: HTTP 429 rate limited, 9 retries)", "rate limit"),
        ("timed out after 600 s (last error: API retry 9: rate_limit (HTTP 429))", "rate limit"),
        ("[API Error: RESOURCE_EXHAUSTED]", "rate limit"),
        ("exited with code 1: Segmentation fault", None),
        ("timed out after 3.0 s (killed with SIGKILL after ignoring SIGTERM)", None),
        ("unparseable review", None),
        ("empty review (the agent produced no final answer)", None),
        ("turn limit reached (exit 53)", None),
        ("unfinished review: its answer was cut off by max_tokens", None),
        ("API Error: Claude's response exceeded the 32000 output token maximum.", None),
        ("API error (HTTP 500)", None),
        ("overloaded_error (HTTP 529)", None),
        ("no turn.completed event: the run did not finish (took 0.429 s)", None),
        (None, None),
    ],
)
def test_what_a_failure_reason_says_of_the_account(reason: str | None, kind: str | None) -> None:
    assert account_failure(reason) == kind


def _settings(**seats: SeatSettings) -> Settings:
    return Settings(
        agents=None,
        lead="claude",
        timeout=60.0,
        effort=None,
        diff_budget=1000,
        store=None,
        formats=("md",),
        allow_exec=False,
        seats=seats,
    )


def _seat(seat: str, ended_at: float, reason: str | None = None) -> SeatReview:
    """A seat that reviewed (`reason` None) or failed with `reason`, ending at `ended_at`."""
    status = "ok" if reason is None else "failed"
    run = SeatRun(seat=seat, status=status, reason=reason, ended_at=ended_at)
    review = AgentReview(seat=seat) if reason is None else None
    return SeatReview(Reviewer(seat, seat.title()), review, run=run)


def _why(settings: Settings, *seats: SeatReview, lead: str = "claude") -> str | None:
    blocked = lead_not_run(lead, settings, seats, review_id="rid")
    return blocked.reason if blocked is not None else None


def test_a_refused_seat_of_the_leads_cli_stops_it() -> None:
    settings = _settings(opus=SeatSettings(kind="claude", model="opus"))
    why = _why(settings, _seat("opus", 2.0, KEY_REJECTED), _seat("codex", 1.0))
    assert why == f"claude failed on authentication in seat opus: {KEY_REJECTED}"


def test_a_review_of_that_cli_after_the_refusal_lets_it_run() -> None:
    settings = _settings(opus=SeatSettings(kind="claude", model="opus"))
    refused, reviewed = _seat("opus", 1.0, KEY_REJECTED), _seat("claude", 2.0)
    assert _why(settings, refused, reviewed) is None
    # a review before it does not: the key was refused since
    assert _why(settings, _seat("opus", 3.0, KEY_REJECTED), reviewed) is not None


@pytest.mark.parametrize(
    "other",
    [
        SeatSettings(kind="claude", binary="/opt/claude-work/claude"),
        SeatSettings(kind="claude", env=(("ANTHROPIC_API_KEY", "another"),)),
        SeatSettings(kind="claude", extra_args=("--settings", "work.json")),
    ],
)
def test_a_seat_with_other_credentials_does_not_stop_it(other: SeatSettings) -> None:
    settings = _settings(work=other)
    assert _why(settings, _seat("work", 2.0, KEY_REJECTED), _seat("codex", 1.0)) is None


def test_a_failure_that_is_no_refusal_lets_it_run() -> None:
    settings = _settings()
    crashed = _seat("claude", 2.0, "exited with code 1: Segmentation fault")
    assert _why(settings, crashed, _seat("codex", 1.0)) is None


def test_a_relead_runs_the_lead_whatever_the_seats_said() -> None:
    seats = (_seat("claude", 2.0, KEY_REJECTED), _seat("codex", 1.0))
    assert lead_not_run("claude", _settings(), seats, review_id="rid", relead=True) is None


def test_without_a_model_review_there_is_nothing_to_verify() -> None:
    static = SeatReview(
        Reviewer("static", "Static"),
        AgentReview(seat="static"),
        run=SeatRun(seat="static"),
        model_backed=False,
    )
    assert _why(_settings(), _seat("codex", 1.0, "exited with code 1: boom"), static) == (
        NOTHING_TO_VERIFY
    )
    assert _why(_settings(), _seat("codex", 1.0, "exited with code 1: boom")) == NOTHING_TO_VERIFY
    # the static checks alone, by choice: the lead verifies their findings
    assert _why(_settings(), static) is None
