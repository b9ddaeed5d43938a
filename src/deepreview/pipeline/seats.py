"""Which seats run: names → adapters + settings, and who is usable here."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from deepreview.agents.base import Availability
from deepreview.agents.registry import (
    BUILTINS,
    PREFERRED_LEADS,
    display_name,
    get_agent,
    known_agents,
    lead_agents,
    takes_effort,
)
from deepreview.config import Settings, layer_file
from deepreview.config_seats import check_seat_name
from deepreview.errors import UnknownSeatError, UsageError
from deepreview.runner import SeatPlan


def _defined(name: str, settings: Settings) -> bool:
    """A seat that can be planned: built in, a plugin, or configured with argv / kind."""
    seat = settings.seats.get(name)
    return name in known_agents() or (seat is not None and bool(seat.argv or seat.kind))


def did_you_mean(name: str, valid: Collection[str]) -> str:
    """` (did you mean 'static'?)` for a name that differs from a valid one only by case or a
    slip of a letter or two, else empty: names are exact, a near miss is a typo."""
    by_case = [v for v in valid if v.lower() == name.lower()]
    close = by_case or difflib.get_close_matches(name.lower(), sorted(valid), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _seat_names(settings: Settings) -> set[str]:
    names = {n for n in known_agents() if n != "command"}
    return names | {n for n in settings.seats if _defined(n, settings)}


def valid_seats(settings: Settings) -> str:
    """The seat names a user can pass, for error messages (a bare `--model X=...` is not one)."""
    names = _seat_names(settings)
    return ", ".join(sorted(names)) + " (or a [seats.NAME] entry with argv in your config)"


def valid_leads(settings: Settings) -> str:
    """The names `--lead` takes, for error messages: the agents that can lead, seats configured
    as one of them (`[seats.NAME] kind = "claude"`), and `none`."""
    leads = set(lead_agents())
    names = leads | {n for n, seat in settings.seats.items() if seat.kind in leads}
    return ", ".join(sorted(names)) + " or none"


def unknown_seat(name: str, settings: Settings, where: str = "") -> UnknownSeatError:
    """The error for a seat name no agent and no complete `[seats.NAME]` defines. A table the
    user did write, with no argv and no kind, is said to lack them: "unknown seat" with a list
    that leaves it out would read as a typo of a name that is right there in the config."""
    head = f"{where}: " if where else ""
    if name in settings.seats:
        agents = ", ".join(a for a in BUILTINS if a not in ("claude", "static", "command"))
        return UnknownSeatError(
            f"{head}[seats.{name}] has no argv: a seat that is no agent runs the program argv "
            f'names; add argv = ["my-reviewer", "{{prompt_file}}"], or kind = "claude" (or '
            f"{agents}) to run that agent under this name"
        )
    hint = did_you_mean(name, _seat_names(settings))
    return UnknownSeatError(
        f"{head}unknown seat {name!r}{hint}; valid seats: {valid_seats(settings)}"
    )


def plan_seat(name: str, settings: Settings) -> SeatPlan:
    seat_settings = settings.seat(name)
    adapter = seat_settings.kind or name
    if adapter not in BUILTINS and name not in known_agents() and not seat_settings.argv:
        raise unknown_seat(name, settings)
    agent = get_agent(adapter)
    return SeatPlan(name, agent, seat_settings, seat_settings.timeout or settings.timeout)


def _takes_model(name: str, settings: Settings) -> bool:
    """Whether seat `name` has a model to choose (its adapter says; the static seat has none)."""
    adapter = settings.seat(name).kind or name
    if adapter not in BUILTINS and adapter not in known_agents():
        return True  # a configured program: its `model` says which model it runs
    return get_agent(adapter).takes_model


def check_model_seats(settings: Settings, models: tuple[tuple[str, str], ...]) -> None:
    """`--model SEAT=MODEL` must name a seat that exists and has a model: a typo would be
    silently ignored, and a model for the static seat would only relabel its analyzers (in the
    report and in the statistics). A config file's `model` for such a seat is refused too."""
    for seat, model in models:
        if not _defined(seat, settings):
            raise UnknownSeatError(
                f"--model {seat}={model}: unknown seat {seat!r}; valid seats: "
                f"{valid_seats(settings)}"
            )
        if not _takes_model(seat, settings):
            raise UsageError(
                f"--model {seat}={model}: the {seat} seat has no model (it runs no agent); "
                "drop this option"
            )
    for seat, seat_settings in sorted(settings.seats.items()):
        if seat_settings.model and _defined(seat, settings) and not _takes_model(seat, settings):
            raise UsageError(
                f"[seats.{seat}] model = {seat_settings.model!r}: the {seat} seat has no model "
                "(it runs no agent); remove the setting"
            )


def check_rerun_models(
    settings: Settings,
    models: tuple[tuple[str, str], ...],
    running: Collection[str],
    what_runs: str,
    kept: str = "; the other seats' reviews are kept as they ran",
    fix: str = "drop this option",
) -> None:
    """`--model SEAT=MODEL` must name a seat this command runs (`what_runs` says which:
    "`relead` runs only the lead, codex"; `kept` and `fix` end the line): a seat whose stored
    review is kept as it ran (`resume`, `relead`, `finish`), or that this review leaves out
    (`review`), would ignore it without a word."""
    check_model_seats(settings, models)
    for seat, model in models:
        if seat not in running:
            raise UsageError(
                f"--model {seat}={model}: {seat} does not run here ({what_runs}{kept}); {fix}"
            )


def check_review_models(
    settings: Settings, models: tuple[tuple[str, str], ...], plans: Sequence[SeatPlan], lead: str
) -> None:
    """`review`: a `--model` for a seat that neither reviews (left out of the seat list, or not
    usable here) nor leads is refused before anything runs, as the other commands refuse it;
    so is an `--effort` none of them takes (`check_effort`)."""
    seats = [plan.seat for plan in plans]
    what = f"`review` runs {', '.join(seats)}, then the lead, {lead}"
    check_effort(settings, {*seats, lead}, what)
    if settings.agents is not None:
        where, _ = agents_source(settings)
        fix = f"name it in {where}, or drop this option"
    else:
        fix = "`deep-review doctor` says why, or drop this option"
    check_rerun_models(settings, models, {*seats, lead}, what, kept="", fix=fix)


def check_effort(settings: Settings, running: Collection[str], what_runs: str) -> None:
    """`--effort` when no seat this command runs (`running`, the lead among them; `what_runs`
    says which, as `check_rerun_models` does) hands it to its CLI — Gemini's, the static seat, a
    command seat, no lead —: ignored without a word, the user would believe the seats were
    asked to think harder. A config file's effort is a default for reviews to come."""
    if settings.effort is None or settings.sources.get("effort") != "command line":
        return
    if any(takes_effort(settings.seat(n).kind or n) for n in running if n != "none"):
        return
    # the adapters that do, from the registry (a plugin that takes one is named too)
    takers = [display_name(a) for a in known_agents() if takes_effort(a)]
    only = " and ".join([", ".join(takers[:-1]), takers[-1]] if len(takers) > 1 else takers)
    raise UsageError(
        f"--effort {settings.effort}: no seat here takes an effort ({what_runs}; only {only} "
        "do); drop this option"
    )


def seat_availability(plan: SeatPlan, env: Mapping[str, str]) -> Availability:
    """The adapter's answer under the seat's own name (a command seat calls itself `command`)."""
    avail = plan.agent.availability(plan.settings, env)
    return dataclasses.replace(
        avail, name=plan.seat, reason=avail.reason.replace("[seats.NAME]", f"[seats.{plan.seat}]")
    )


def availabilities(plans: Sequence[SeatPlan], env: Mapping[str, str]) -> list[Availability]:
    """`seat_availability` of each plan, in order, all probed at once: a probe runs the agent's
    CLI (`--version`: 0.1–0.5 s for a Node CLI) and the first seat waits for every probe."""
    if len(plans) < 2:
        return [seat_availability(plan, env) for plan in plans]
    with ThreadPoolExecutor(max_workers=len(plans), thread_name_prefix="probe") as pool:
        return list(pool.map(lambda plan: seat_availability(plan, env), plans))


def require_usable(
    plan: SeatPlan, env: Mapping[str, str], role: str = "seat", avail: Availability | None = None
) -> None:
    """Refuse, before anything is written, a seat or lead the user named that cannot run."""
    avail = avail or seat_availability(plan, env)
    if not avail.usable:
        reason = avail.reason or "not usable"
        raise UsageError(
            f"{role} {plan.seat!r} cannot run here: {reason} (see `deep-review doctor`)"
        )


def doctor(settings: Settings, env: Mapping[str, str]) -> list[Availability]:
    """Every known seat (built-in, plugin, configured) and whether it can run here."""
    names = [n for n in known_agents() if n != "command"]
    names += sorted(n for n in settings.seats if n not in names and _defined(n, settings))
    return availabilities([plan_seat(name, settings) for name in names], env)


def choose_seats(settings: Settings, env: Mapping[str, str]) -> tuple[list[SeatPlan], list[str]]:
    """The seats to run and notes for the report (e.g. why only `static` runs)."""
    notes: list[str] = []
    if settings.agents is not None:
        check_agents(settings)
        plans = [plan_seat(n, settings) for n in dict.fromkeys(settings.agents)]
        for plan, avail in zip(plans, availabilities(plans, env), strict=True):
            require_usable(plan, env, avail=avail)
        return plans, notes
    names, notes = default_panel(settings, doctor(settings, env))
    return [plan_seat(n, settings) for n in names], notes


def agents_source(settings: Settings) -> tuple[str, str]:
    """Where the seat list came from, as an error names it, and how that source names
    `static`: `--agents`, `DEEP_REVIEW_AGENTS`, or a config file's `[review] agents`."""
    origin = settings.sources.get("agents", "command line")
    if origin == "command line":
        return "--agents", "--agents static"
    if origin == "environment":
        return "DEEP_REVIEW_AGENTS", "DEEP_REVIEW_AGENTS=static, or unset it"
    return f"[review] agents ({origin})", 'agents = ["static"], or remove the key'


def check_agents(settings: Settings) -> None:
    """The configured seat list names seats that exist; an error names its source (a typo in
    an environment variable is not found by looking at the command line)."""
    if settings.agents is None:
        return
    where, example = agents_source(settings)
    if not settings.agents:
        what = "is empty" if where == "--agents" else "names no seat"
        raise UsageError(f"{where} {what}; name at least one seat (e.g. {example})")
    for name in settings.agents:
        check_seat_name(name, where)
        if where != "--agents" and not _defined(name, settings):
            raise unknown_seat(name, settings, where)


def npm_packages(names: list[str], settings: Settings, refused: str | None = None) -> list[str]:
    """The npm packages that provide the agent CLIs of `names` (the adapters' own record), for
    the seats as `settings` define them: a configured command seat adds none, a seat configured
    as an agent kind (`kind = "claude"`) adds that agent's. `refused`: why the repository's
    file was not read, named when a seat is unknown (it may be defined there)."""
    packages = []
    for name in names:
        check_seat_name(name, "--npm-packages")
        if not _defined(name, settings):
            unread = f" (the repository's file was not read: {refused})" if refused else ""
            raise UnknownSeatError(
                f"unknown seat {name!r}{unread}; valid seats: {valid_seats(settings)}"
            )
        package = plan_seat(name, settings).agent.npm_package
        if package and package not in packages:
            packages.append(package)
    return packages


def default_panel(settings: Settings, rows: list[Availability]) -> tuple[list[str], list[str]]:
    """The seats a review runs without `--agents`, and notes on what was left out.

    The rule (README, `--help`, `doctor`): every usable seat — each model-backed agent that is
    installed and authenticated, each seat configured under `[seats.NAME]` (a command program,
    or a built-in kind under its own name), and the built-in static seat. A configured seat that
    cannot run is named in a note rather than dropped silently; an agent CLI that is simply not
    installed is not.
    """
    notes: list[str] = []
    configured = {n for n in settings.seats if n not in known_agents() and _defined(n, settings)}
    models = [a.name for a in rows if a.usable and a.model_backed and a.name not in configured]
    mine = [a.name for a in rows if a.name in configured and a.usable]
    for a in rows:
        if a.name in configured and not a.usable:
            notes.append(f"Configured seat {a.name} cannot run here ({a.reason}); it was skipped.")
    if not models:
        alone = (
            "only the built-in static seat" if not mine else "only the configured seats and static"
        )
        notes.append(
            f"No model-backed agent is usable here (see `deep-review doctor`); "
            f"{alone} reviewed this change."
        )
    return [*models, *mine, "static"], notes


def lead_source(settings: Settings, env: Mapping[str, str]) -> str | None:
    """Where the configured lead came from, as an error names it (a typo in a file or a
    variable is not found by looking at the command line); None for `--lead`."""
    origin = settings.sources.get("lead", "command line")
    if origin in ("command line", "default"):
        return None
    if origin == "environment":
        return "DEEP_REVIEW_LEAD"
    return f"{layer_file(origin, env)}: bad value for 'review.lead'"


def check_lead(
    settings: Settings, env: Mapping[str, str], name: str | None = None, *, where: str | None
) -> SeatPlan:
    """The plan of the lead `name` (default: the configured one), which must name a seat that
    can lead; `where` starts the refusal (`lead_source`)."""
    name = settings.lead if name is None else name
    prefix = f"{where}: " if where else ""
    if name is not None and not name.strip():
        # `--lead ""` / `lead = ""`: neither a lead nor `none`, which the caller handled
        what = f"{prefix}empty" if where else "--lead is empty"
        raise UsageError(f"{what}; name a lead: {valid_leads(settings)}")
    name = name or "none"
    if not _defined(name, settings):
        leads = {*lead_agents(), "none"} | {
            n for n, seat in settings.seats.items() if seat.kind in lead_agents()
        }
        raise UnknownSeatError(
            f"{prefix}unknown lead {name!r}{did_you_mean(name, leads)}; valid leads: "
            f"{valid_leads(settings)}"
        )
    plan = plan_seat(name, settings)
    if not plan.agent.can_lead:
        raise UsageError(f"{prefix}seat {name!r} cannot lead; use one of {valid_leads(settings)}")
    return plan


def choose_lead(
    settings: Settings,
    env: Mapping[str, str],
    requested: str | None,
    *,
    check: bool = True,
    usable: Collection[str] | None = None,
) -> str:
    """The lead: `requested`, else the configured one, else the first usable preferred seat
    (`usable`: the seats known to be usable, instead of asking each CLI again).

    A lead the user named must be usable here (`check`), or the run stops before anything is
    written; a review's stored lead (`relead` without `--lead`) is taken as recorded.
    """
    name = requested or settings.lead
    if name == "none":
        return "none"
    if name is not None:
        plan = check_lead(
            settings, env, name, where=None if requested else lead_source(settings, env)
        )
        if check:
            require_usable(plan, env, role="lead")
        return name
    for candidate in PREFERRED_LEADS:
        if usable is not None:
            # the seats already probed (`doctor`): a hanging CLI is not asked a second time
            if candidate in usable:
                return candidate
            continue
        plan = plan_seat(candidate, settings)
        if plan.agent.availability(plan.settings, env).usable:
            return candidate
    return "none"
