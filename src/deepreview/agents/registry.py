"""Seat registry: built-ins and plugins are registered the same way.

Adding an agent is one module implementing `deepreview.agents.base.Agent` plus one line in
`BUILTINS` (or an entry point in the `deepreview.agents` group for third-party packages). The
adapter brings everything else: its display name, whether it can lead, and (for transcript
CLIs) its transcript parser; the rest of the package asks this module.
Modules are imported lazily so `deep-review --help` does not pay for every adapter.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Final

from deepreview.agents.base import Agent
from deepreview.errors import UnknownSeatError, UsageError
from deepreview.transcripts.stream import StreamParser

BUILTINS: Final[dict[str, str]] = {
    "claude": "deepreview.agents.claude:ClaudeAgent",
    "codex": "deepreview.agents.codex:CodexAgent",
    "gemini": "deepreview.agents.gemini:GeminiAgent",
    "opencode": "deepreview.agents.opencode:OpencodeAgent",
    "static": "deepreview.agents.static.agent:StaticAgent",
    "command": "deepreview.agents.command:CommandAgent",
}

# Model-backed seats tried, in this order, for the default seat list and the default lead.
PREFERRED_LEADS: Final = ("claude", "codex", "gemini")


@cache
def _plugin_targets() -> dict[str, str]:
    # Imported here: importlib.metadata (with email, zipfile, csv) is only needed for a seat
    # name that is not built in, and importing it up front delays every review's first seat.
    from importlib.metadata import entry_points

    found: dict[str, str] = {}
    for ep in entry_points(group="deepreview.agents"):
        found.setdefault(ep.name, ep.value)
    return found


def known_agents() -> list[str]:
    names = dict(BUILTINS)
    for name, target in _plugin_targets().items():
        names.setdefault(name, target)
    return sorted(names)


@cache
def get_agent(name: str) -> Agent:
    target = BUILTINS.get(name) or _plugin_targets().get(name)
    if target is None:
        raise UnknownSeatError(
            f"unknown seat {name!r}; valid seats: {', '.join(known_agents())} "
            "(or a [seats.NAME] entry with argv in your config)"
        )
    module_name, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module_name), attr)
    agent: Agent = cls()
    return agent


def display_name(seat: str) -> str:
    """The heading name of a seat: its adapter's (`Claude`), else the title-cased seat name
    (`my-linter` → `My-Linter`) for configured seats."""
    if seat in BUILTINS or seat in _plugin_targets():
        return get_agent(seat).display_name
    return seat.title()


def takes_effort(adapter: str) -> bool:
    """Whether the adapter hands a seat's effort to its CLI (`Agent.takes_effort`). An adapter
    not installed here (a plugin only the seat's runner had) cannot say so: False."""
    if adapter not in BUILTINS and adapter not in _plugin_targets():
        return False
    return get_agent(adapter).takes_effort


def lead_agents() -> list[str]:
    """The registered agents that can lead (verify the consolidated findings)."""
    return [name for name in known_agents() if get_agent(name).can_lead]


def transcript_parser(name: str) -> type[StreamParser]:
    """The parser class for the transcripts agent `name` writes."""
    parser: type[StreamParser] | None = getattr(get_agent(name), "transcript_parser", None)
    if parser is None:
        raise UsageError(
            f"agent {name!r} writes no transcript we parse; "
            f"use one of {', '.join(transcript_agents())}"
        )
    return parser


def transcript_agents() -> list[str]:
    """The registered agents whose transcripts have a parser."""
    return [n for n in known_agents() if hasattr(get_agent(n), "transcript_parser")]
