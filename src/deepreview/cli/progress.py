"""Seat progress on the terminal: a live table on a TTY, one plain line per change otherwise."""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import Any, TextIO

from deepreview.agents.base import ProgressEvent
from deepreview.runmodel import format_duration
from deepreview.untrusted_text import clean_text

_LABEL_MAX = 60


class _Row:
    def __init__(self) -> None:
        self.state = "pending"
        self.ran = False  # it said "running": a final state without it (the lead not run) has
        # no duration or tool calls to show
        self.started = time.monotonic()
        self.ended: float | None = None
        self.tools: int | None = 0  # None: not measured (a `command` seat's program)
        self.last_tool = ""
        self.duration: float | None = None  # measured by the runner, once the seat ended
        self.passes = 0  # its passes started (`--passes`): a later one says its number

    def shown_state(self) -> str:
        return (
            f"running pass {self.passes}"
            if self.state == "running" and self.passes > 1
            else self.state
        )

    def elapsed(self, now: float) -> float:
        if self.duration is not None:
            return self.duration
        return (self.ended or now) - self.started


class Progress:
    def __init__(self, seats: list[str], stream: TextIO | None = None, live: bool | None = None):
        self.stream = stream or sys.stderr
        self.rows = {s: _Row() for s in seats}
        self.lock = threading.Lock()
        self.live_enabled = self.stream.isatty() if live is None else live
        self._live: Any = None

    def __enter__(self) -> Progress:
        if self.live_enabled:
            # rich only draws the live table on a terminal; piped runs never import it.
            from rich.console import Console
            from rich.live import Live

            self._live = Live(
                self._table(),
                console=Console(file=self.stream),
                refresh_per_second=4,
                transient=False,
            )
            self._live.__enter__()
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._live is not None:
            self._live.update(self._table())
            self._live.__exit__(et, ev, tb)

    def _table(self) -> Any:
        from rich.table import Table
        from rich.text import Text

        table = Table(title="Deep Review seats")
        for col in ("Seat", "State", "Elapsed", "Tool calls", "Last tool"):
            table.add_column(col)
        now = time.monotonic()
        for seat, row in self.rows.items():
            # Text, not markup: a label is the model's command (`grep '[/]'` is no closing tag)
            tools = "—" if row.tools is None else str(row.tools)
            cells = (seat, row.shown_state(), format_duration(row.elapsed(now)), tools)
            table.add_row(*(Text(c) for c in cells), Text(_shown_label(row.last_tool)))
        return table

    def __call__(self, event: ProgressEvent) -> None:
        with self.lock:
            row = self.rows.setdefault(event.seat, _Row())
            changed_state = False
            if event.kind == "state":
                if event.detail == "running":
                    row.passes += 1
                    if row.passes == 1:
                        row.started = time.monotonic()
                    # A later pass runs on from the seat's start, as its summed duration does:
                    # the pass before's end and figures are no longer the seat's.
                    row.ended = row.duration = None
                    row.ran = True
                else:
                    row.ended = time.monotonic()
                    # The seat's final figures are the ones run.json, the retro and `--json`
                    # show: they replace what was counted live.
                    row.tools = event.tool_calls
                    row.duration = event.duration_s
                changed_state = row.state != event.detail
                row.state = event.detail
            elif event.kind == "tool":
                row.tools = event.tool_calls
                row.last_tool = event.detail
            if self._live is not None:
                self._live.update(self._table())
            elif changed_state:
                elapsed = format_duration(row.elapsed(time.monotonic()))
                calls = tool_calls_phrase(row.tools)
                extra = f" ({elapsed}, {calls})" if row.ended and row.ran else ""
                print(f"[{event.seat}] {row.shown_state()}{extra}", file=self.stream, flush=True)


def tool_calls_phrase(count: int | None) -> str:
    """`3 tool calls`, `1 tool call`, `0 tool calls` (an agent CLI's count), or, for a seat
    whose program tells none, `tool calls not measured`: the retro's `—`, JSON's null."""
    if count is None:
        return "tool calls not measured"
    return f"{count} tool call{'' if count == 1 else 's'}"


def _shown_label(label: str) -> str:
    """A tool label for one table cell: the model chose it, so no terminal escapes or control
    characters (a title-setting escape, a clear screen) and no line breaks."""
    return " ".join(clean_text(label[: _LABEL_MAX * 4]).split())[:_LABEL_MAX]
