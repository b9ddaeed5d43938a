"""The report's Agent Performance Retro: each seat's numbers, cells and narrative, and the
Reconciliation that says what consolidation and the lead did with the seats' findings.

A part of the report's model (`model.Report.retro`) with no dependence on the rest of it: the
retro speaks of findings by their IDs only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RETRO_ROWS = (
    "Duration",
    "Findings",
    "Tool calls",
    "Design observations",
    "False positives",
    "Unique insights",
    "Files reviewed",
    "Coverage misses",
)
RETRO_EXTRA_ROWS = ("Totals", "Downgraded", "Dropped")


def no_peer_cell(peer: str) -> str:
    """The Unique insights cell of a seat with no other `peer` ("model", "seat") review beside
    it: unique against nobody, it has none (written by the retro, read back by `stats`)."""
    return f"0 (no other {peer} reviewed)"


def says_no_peer(cell: str) -> bool:
    """Whether a Unique insights cell is `no_peer_cell`'s (a re-raised list may follow it)."""
    return any(cell.startswith(no_peer_cell(peer)) for peer in ("model", "seat"))


@dataclass(frozen=True)
class RetroNumbers:
    """One seat's retro numbers, as numbers (the table `cells` are their text for people);
    charts and any other consumer read these, never the cells."""

    critical: int = 0
    important: int = 0
    suggestion: int = 0
    unique_insights: int | None = None  # None: not known (a parsed table without the row)
    tool_calls: int | None = None  # None: not measured
    # Findings only this seat raised that an earlier round of the series had reported: they
    # confirm it, and are no unique insight. None: not known (a report from before they were
    # told apart, whose unique insights may include them).
    reraised: int | None = None
    # Its own findings in clusters a lead that judged said nothing about (kept as consolidated):
    # not judged, so `stats` counts them neither as kept nor in Survival's denominator.
    undecided: int = 0


@dataclass(frozen=True)
class SeatRetro:
    seat: str
    name: str  # heading: "### [Claude]"
    column: str  # table column: "Claude Opus 4.6"
    narrative: str = ""  # Markdown paragraphs
    tool_call_highlights: str = ""  # "23 calls. 10 Read, 8 Bash (7 `git blame`, 1 `git diff`)..."
    cells: tuple[tuple[str, str], ...] = ()  # (row label, value) for the Summary table
    numbers: RetroNumbers | None = None  # None: the seat produced no review (or none shown)
    # Consolidated finding IDs only this seat raised: new ones (its unique insights), and
    # those an earlier round reported (re-raised). Empty when not known (a parsed report).
    unique_ids: tuple[str, ...] = ()
    reraised_ids: tuple[str, ...] = ()
    # The findings only this seat raised when no other seat's review could have raised them
    # (the others failed, or there were none): unique against nobody, they are no unique
    # insights (`unique_ids` is empty), but one an earlier round reported is still re-raised.
    sole_ids: tuple[str, ...] = ()

    def cell(self, row: str) -> str:
        return dict(self.cells).get(row, "")


@dataclass(frozen=True)
class ReconciliationEntry:
    kind: Literal["merge", "severity", "drop", "reclassify", "split", "add", "note"]
    text: str  # one sentence or more, Markdown
    finding_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retro:
    seats: tuple[SeatRetro, ...] = ()
    rows: tuple[str, ...] = RETRO_ROWS
    reconciliation: tuple[ReconciliationEntry, ...] = ()
