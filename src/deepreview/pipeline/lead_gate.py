"""Whether the lead is worth starting: not when it has nothing to verify, nor when its own CLI
has just been refused.

- No model seat produced a review: every seat failed, or every model seat did and only the
  static checks reviewed (a review to run again: its verdict is "No model review" whatever a
  lead says). A panel of the static checks alone, with a lead asked for, still has it verify
  their findings: that is the user's choice, not a failure.
- A seat that runs the lead's CLI the same way (same agent, `binary`, `env` and `extra_args`:
  the same credentials; the model may differ) failed on authentication, quota or rate limit
  (`agents.account`), and no seat of that CLI produced a review after it: the lead would fail
  the same way, after its own timeout or retries, for nothing.

A `relead` asks only whether any seat produced a review (as before): it is run to try the lead
again, once the key or the quota is fixed.

Either way the report is the deterministic consolidation, its banner saying why; run.json's
and `--json`'s lead carry the reason, and the terminal says it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from deepreview.agents.account import AccountFailure, account_failure
from deepreview.errors import DeepReviewError
from deepreview.pipeline.seats import plan_seat
from deepreview.runmodel import SeatRun

if TYPE_CHECKING:
    from deepreview.config import Settings
    from deepreview.consolidate import SeatReview
    from deepreview.runner import SeatPlan

# The lead's reason (run.json, `--json`) when there is nothing for it to verify.
NOTHING_TO_VERIFY = "no model review to verify"
# The statuses of a seat that ran and got no review: a timeout counts (a CLI that retries a 429
# or a rejected key until the seat's timeout names it as its last error).
_FAILED = ("failed", "timeout")


@dataclass(frozen=True)
class LeadNotRun:
    """Why the lead is not started."""

    reason: str  # one line: "claude failed on authentication in seat opus: <its reason>"
    note: str  # the report's banner after "Consolidated without a lead: "
    # the terminal's line, short: the seat's own line and the report quote its reason
    live: str = ""

    @property
    def live_line(self) -> str:
        return f"not run: {self.live or self.reason}"


@dataclass(frozen=True)
class _Refusal:
    seat: str
    kind: AccountFailure
    run: SeatRun


def lead_not_run(
    lead: str,
    settings: Settings,
    seat_reviews: Sequence[SeatReview],
    *,
    review_id: str,
    relead: bool = False,
) -> LeadNotRun | None:
    """Why lead `lead` must not start over `seat_reviews`, or None when it may. A `relead`
    runs it whenever some seat produced a review: it is the user's try once the CLI works
    again (and an earlier release's lead may have judged a review whose model seats all
    failed: a relead may judge it again)."""
    if all(sr.review is None for sr in seat_reviews):
        note = f"no seat produced a review, so the lead ({lead}) had nothing to verify."
        return LeadNotRun(NOTHING_TO_VERIFY, note)
    if relead:
        return None
    models = [sr for sr in seat_reviews if sr.model_backed]
    if models and all(sr.review is None for sr in models):
        note = (
            "no model seat produced a review (only the static checks did), so the lead "
            f"({lead}) had nothing to verify."
        )
        return LeadNotRun(NOTHING_TO_VERIFY, note)
    plan = _plan(lead, settings)
    if plan is None:
        return None
    refusal = _refusal(_credentials(plan), settings, seat_reviews)
    if refusal is None:
        return None
    cli = plan.agent.name
    said = (refusal.run.reason or "").rstrip(". ")
    what = f"{cli} failed on {refusal.kind} in seat {refusal.seat}"
    reason = f"{what}: {said}"
    note = (
        f"lead not run: {reason}. The lead ({lead}) runs the same CLI and would fail the same "
        f"way, so the findings below are not verified by a lead; once {cli} works again, "
        f"`deep-review relead {review_id}` runs it."
    )
    return LeadNotRun(reason, note, live=what)


def _refusal(
    credentials: tuple[object, ...], settings: Settings, seat_reviews: Sequence[SeatReview]
) -> _Refusal | None:
    """The last account failure of a seat with these `credentials`, unless a seat with them
    produced a review after it (the key or the quota works again)."""
    refusals: list[_Refusal] = []
    worked: list[float] = []
    for sr in seat_reviews:
        run = sr.run
        plan = _plan(sr.seat, settings) if run is not None else None
        if run is None or plan is None or _credentials(plan) != credentials:
            continue
        if sr.review is not None:
            worked.append(run.ended_at or 0.0)
            continue
        kind = account_failure(run.reason) if run.status in _FAILED else None
        if kind is not None:
            refusals.append(_Refusal(sr.seat, kind, run))
    last = max(refusals, key=lambda r: r.run.ended_at or 0.0, default=None)
    if last is None or any(t >= (last.run.ended_at or 0.0) for t in worked):
        return None
    return last


def _credentials(plan: SeatPlan) -> tuple[object, ...]:
    s = plan.settings
    return (plan.agent.name, s.binary, s.env, s.extra_args)


def _plan(seat: str, settings: Settings) -> SeatPlan | None:
    """The seat's plan; None for one no longer defined (a `resume` or `finish` whose config
    lost it: its review is kept as it ran)."""
    try:
        return plan_seat(seat, settings)
    except DeepReviewError:
        return None


__all__ = ["NOTHING_TO_VERIFY", "LeadNotRun", "lead_not_run"]
