"""`review --panel auto`: narrow the usable seats to the ones this repository's history says
earn their place (`deepreview.stats.panel.choose_panel` decides; this module feeds it)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from deepreview.config import Settings
from deepreview.errors import UsageError
from deepreview.pipeline.runstate import RunState
from deepreview.pipeline.seats import plan_seat
from deepreview.runner import SeatPlan
from deepreview.stats.panel import Candidate, PanelChoice, choose_panel, lead_cost
from deepreview.store.repository import Repository
from deepreview.store.store import Store

if TYPE_CHECKING:
    from deepreview.model import Report  # types only: not loaded before the first seat

PANEL_MODES = ("auto",)


def check_panel_options(panel: str | None, budget_usd: float | None) -> None:
    if panel is not None and panel not in PANEL_MODES:
        raise UsageError(f"--panel {panel!r}: the only mode is `auto`")
    if budget_usd is not None and panel is None:
        raise UsageError("--budget-usd only applies with --panel auto; add --panel auto")
    if budget_usd is not None and not 0 < budget_usd < math.inf:
        raise UsageError(f"--budget-usd {budget_usd}: give a positive amount in dollars")


def auto_panel(
    plans: list[SeatPlan],
    settings: Settings,
    store: Store,
    repo: Repository,
    budget_usd: float | None,
    lead: str = "none",
) -> tuple[list[SeatPlan], Settings, PanelChoice]:
    """The plans to run (a subset of `plans`, same order), the settings with the efforts the
    panel chose, and the choice with its reasons. The lead's cost counts in the budget."""
    # Imported here: only `--panel auto` reads the store's history, and every review imports
    # this module before its first seat (benchmarks/README.md, "first seat spawned after").
    from deepreview.stats.aggregate import aggregate
    from deepreview.stats.facts import model_family
    from deepreview.store.history import Scope, load_history

    def _candidate(plan: SeatPlan) -> Candidate:
        # A `command` seat is a program we know nothing about: its own family, as in the facts,
        # and a reviewer (consolidate.inputs.is_model_backed); the static seat is no model.
        command = plan.agent.name == "command"
        adapter = plan.seat if command else plan.agent.name
        return Candidate(
            plan.seat,
            model_family(plan.settings.model, adapter),
            model_backed=command or plan.agent.model_backed,
        )

    history = load_history(store, Scope(repo=repo))
    choice = choose_panel(
        [_candidate(p) for p in plans],
        aggregate(history.reviews),
        budget_usd=budget_usd,
        by_effort=aggregate(history.reviews, by_effort=True),
        lead=None if lead == "none" else lead_cost(history.reviews, lead),
    )
    settings = with_efforts(settings, {c.seat: c.effort for c in choice.choices if c.effort})
    chosen = [plan_seat(p.seat, settings) for p in plans if p.seat in choice.seats]
    return chosen, settings, choice


def with_efforts(settings: Settings, efforts: Mapping[str, str]) -> Settings:
    """`settings` with these seats' efforts replaced (the panel's choice, also on resume)."""
    if not efforts:
        return settings
    seats = dict(settings.seats)
    for seat, effort in efforts.items():
        seats[seat] = dataclasses.replace(settings.seat(seat), effort=effort)
    return dataclasses.replace(settings, seats=seats)


def recorded_efforts(state: RunState) -> dict[str, str]:
    """The efforts a recorded `--panel auto` chose (run.json), for `resume` and `relead`."""
    if state.panel is None:
        return {}
    return {c.seat: c.effort for c in state.panel.choices if c.effort}


def with_panel_notes(report: Report, state: RunState) -> Report:
    """The report with the panel recorded in run.json in its Review Process Notes."""
    if state.panel is None:
        return report
    pn = dataclasses.replace(report.process_notes, panel=state.panel.notes)
    return dataclasses.replace(report, process_notes=pn)
