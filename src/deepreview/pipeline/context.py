"""What the pipeline steps pass each other: the prepared run, its outcome, the run.json writer.

Its own module so `review`, `finish`, `lead_step` and `relead` can all import it without
importing each other (no cycle between the modules of `pipeline`).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview import change_secrets
from deepreview.config import CliOverrides, Settings
from deepreview.errors import ExitCode
from deepreview.pipeline.runstate import RunState
from deepreview.runfiles import RUN_JSON
from deepreview.runmodel import SeatRun
from deepreview.runner import SeatPlan
from deepreview.stats.panel import PanelChoice
from deepreview.store.redact import Redactor, index_name
from deepreview.store.store import Store
from deepreview.targets.target import Target

if TYPE_CHECKING:
    # Types only: a review imports this module before its first seat, the report's model after.
    from deepreview.model import LeadInfo, Report


@dataclass(frozen=True)
class Prepared:
    target: Target
    settings: Settings
    store: Store
    plans: list[SeatPlan]
    lead: str
    notes: list[str]
    env: Mapping[str, str]
    # The base revision's instruction, context and config files (path -> text), read once.
    steering: Mapping[str, str]
    # For the user at the terminal, not the report (e.g. which config copy was read).
    warnings: tuple[str, ...] = ()
    settings_cli: CliOverrides | None = (
        None  # the command line's settings (run.json keeps --config)
    )
    panel: PanelChoice | None = None  # `--panel auto` chose `plans`

    def redactor(self) -> Redactor:
        """Masks the secrets of the environment and those set in any seat's `env` (the lead's
        included: it is a seat), e.g. a gateway token in `[seats.claude] env`; and the secrets
        the change adds in no known shape (`DB_PASSWORD = "..."`), which the prompt's diff
        quotes and any seat may repeat, whether or not a seat flags them."""
        return Redactor(
            self.env, seat_env_pairs(self.settings), change_secrets.diff_values(self.target.diff)
        )


def seat_env_pairs(settings: Settings) -> list[tuple[str, str]]:
    return [pair for seat in settings.seats.values() for pair in seat.env]


@dataclass(frozen=True)
class ReviewOutcome:
    review_id: str
    status: str  # complete | interrupted
    report: Report | None
    store_root: Path
    review_dir: Path
    paths: dict[str, str]
    seats: list[SeatRun]
    exit_code: ExitCode
    # The settings' gate (`--fail-on`, else `[review] fail_on` by precedence): `resume` and
    # `relead` read the same repo file as the review did.
    fail_on: str = "never"
    # `relead` only: its lead did not judge, and the report an earlier lead judged stands
    failed_relead: FailedRelead | None = None
    # Why the lead did not judge, as run.json's lead entry says ("claude failed on
    # authentication in seat claude: …", "no model review to verify", a failed lead's error)
    lead_reason: str | None = None
    # Its round series (`series_of`: "pr:711", "branch:feature/x"; "" for a review in none):
    # `--json`'s `round` names it on round 1 too, which records no `round_info`.
    series: str = ""


@dataclass(frozen=True)
class FailedRelead:
    """A relead's lead that failed or fell back, over a report an earlier lead judged."""

    lead: LeadInfo
    kept_in: Path | None  # the failed run's files (`failed-leads/N/`), if it left any


def interrupted_outcome(
    p: Prepared, rid: str, review_dir: Path, seats: list[SeatRun]
) -> ReviewOutcome:
    """A review stopped by Ctrl-C (run.json says so): no report yet, `resume` finishes it."""
    return ReviewOutcome(
        review_id=rid,
        status="interrupted",
        report=None,
        store_root=p.store.root,
        review_dir=review_dir,
        paths={"run": str(review_dir / RUN_JSON)},
        seats=seats,
        exit_code=ExitCode.INTERRUPTED,
        fail_on=p.settings.fail_on,
    )


def series_of(target: Target) -> str:
    """A round series: one PR (`pr:<N>`) or one branch (`branch:<name>`); a branch with an open
    PR belongs to the PR's series. An `--uncommitted` review is in none ("": its work tree is
    no state of the branch; its branch is kept in the row's `branch` for display). A token in
    the branch's name is masked (`index_name`), as the index keeps it."""
    if target.kind == "uncommitted":
        return ""
    if target.pr is not None:
        return f"pr:{target.pr.number}"
    if target.series_pr is not None:
        return f"pr:{target.series_pr}"
    return f"branch:{index_name(target.branch)}" if target.branch else ""


class StateWriter:
    """Owns the run's `RunState`: serialises changes from the seat threads, and writes the
    whole record atomically after each one (with the time spent so far, across resumes).

    run.json holds the reviewed repository's text (commit subjects, a PR's title and body), so
    it is written through `redactor`: the run's one, which learns the values the seats flag as
    secrets, so that every later write masks them too."""

    def __init__(self, store: Store, review_dir: Path, state: RunState, redactor: Redactor) -> None:
        self.store, self.path, self._state = store, review_dir / RUN_JSON, state
        self.redactor = redactor
        self.lock = threading.Lock()
        self.t0 = time.monotonic()
        self.elapsed_before = state.elapsed_s

    @property
    def state(self) -> RunState:
        return self._state

    def elapsed(self) -> float:
        return self.elapsed_before + (time.monotonic() - self.t0)

    def update(self, fn: Callable[[RunState], RunState] = lambda s: s) -> RunState:
        with self.lock:
            new = dataclasses.replace(fn(self._state), elapsed_s=round(self.elapsed(), 3))
            self.store.write_json(self.path, self.redactor.json(new.to_data()))
            self._state = new
            return new

    def set(self, **changes: object) -> RunState:
        """`update` with plain field changes: `writer.set(status="complete")`."""
        return self.update(lambda s: dataclasses.replace(s, **changes))  # type: ignore[arg-type]
