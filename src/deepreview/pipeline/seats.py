"""Which seats run: names → adapters + settings, and who is usable here."""

from __future__ import annotations

from collections.abc import Mapping

from deepreview.agents.base import Availability
from deepreview.agents.registry import (
    BUILTINS,
    PREFERRED_LEADS,
    get_agent,
    known_agents,
    lead_agents,
)
from deepreview.config import Settings
from deepreview.errors import UsageError
from deepreview.runner import SeatPlan


def plan_seat(name: str, settings: Settings) -> SeatPlan:
    seat_settings = settings.seat(name)
    adapter = seat_settings.kind or name
    if adapter not in BUILTINS and name not in known_agents() and not seat_settings.argv:
        valid = ", ".join(sorted(set(known_agents()) | set(settings.seats)))
        raise UsageError(f"unknown seat {name!r}; valid seats: {valid}")
    agent = get_agent(adapter)
    return SeatPlan(name, agent, seat_settings, seat_settings.timeout or settings.timeout)


def doctor(settings: Settings, env: Mapping[str, str]) -> list[Availability]:
    """Every known seat (built-in, plugin, configured) and whether it can run here."""
    names = [n for n in known_agents() if n != "command"]
    names += sorted(n for n in settings.seats if n not in names)
    out = []
    for name in names:
        plan = plan_seat(name, settings)
        out.append(plan.agent.availability(plan.settings, env))
    return out


def choose_seats(settings: Settings, env: Mapping[str, str]) -> tuple[list[SeatPlan], list[str]]:
    """The seats to run and notes for the report (e.g. why only `static` runs)."""
    notes: list[str] = []
    if settings.agents is not None:
        if not settings.agents:
            raise UsageError("--agents is empty; name at least one seat (e.g. --agents static)")
        plans = [plan_seat(n, settings) for n in dict.fromkeys(settings.agents)]
        return plans, notes
    usable = [a for a in doctor(settings, env) if a.usable]
    model_backed = [a.name for a in usable if a.model_backed]
    if model_backed:
        names = model_backed
    else:
        names = ["static"]
        notes.append(
            "No model-backed agent is usable here (see `deep-review doctor`); "
            "only the built-in static seat reviewed this change."
        )
    return [plan_seat(n, settings) for n in names], notes


def choose_lead(settings: Settings, env: Mapping[str, str], requested: str | None) -> str:
    name = requested or settings.lead
    if name == "none":
        return "none"
    if name is not None:
        plan = plan_seat(name, settings)
        if not plan.agent.can_lead:
            raise UsageError(
                f"seat {name!r} cannot lead; use one of {', '.join(lead_agents())} or none"
            )
        return name
    for candidate in PREFERRED_LEADS:
        plan = plan_seat(candidate, settings)
        if plan.agent.availability(plan.settings, env).usable:
            return candidate
    return "none"
