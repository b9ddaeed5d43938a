"""Which process works on a stored review, if any: `<ID>/run.lock` (`runfiles.RUN_LOCK`).

run.json says `running` from a review's start until it says how it ended; a review killed
outright (SIGKILL, the machine restarting) never gets to, and reads as running forever. So the
process that works on a review (`review`, `resume`, `relead`, `finish`, and `delete` while it
deletes) holds a `flock` on the review folder's `run.lock` for as long as it does: the kernel
drops it however the process ends. A review marked running that no process holds was killed;
one that a process holds is live, and that process (pid, host, command) is written in the file.
A flock rather than a pid in run.json: a pid is reused, and a restarted machine reuses them all.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from deepreview.errors import UsageError
from deepreview.lockfile import hold, holder, release
from deepreview.runfiles import RUN_JSON, RUN_LOCK
from deepreview.store.root import store_error


@dataclass(frozen=True)
class Runner:
    """The process holding a review, as it described itself (fields empty when it could not)."""

    command: str = ""
    pid: int | None = None
    host: str = ""

    def describe(self) -> str:
        what = [f"`deep-review {self.command}`"] if self.command else []
        if self.pid is not None:
            what.append(f"pid {self.pid}" + (f" on {self.host}" if self.host else ""))
        return ", ".join(what) or "another deep-review process"

    def how_to_stop(self) -> str:
        kill = f", or `kill {self.pid}`" if self.pid is not None else ""
        return f"Ctrl-C where it runs{kill}"


def runner(review_dir: Path) -> Runner | None:
    """The process working on the review in `review_dir` now; None when there is none."""
    note = holder(review_dir / RUN_LOCK)
    if note is None:
        return None
    try:
        data = json.loads(note)
    except ValueError:
        return Runner()  # written as we read it, or by something else
    if not isinstance(data, dict):
        return Runner()
    pid = data.get("pid")
    return Runner(
        command=str(data.get("command") or ""),
        pid=pid if isinstance(pid, int) else None,
        host=str(data.get("host") or ""),
    )


def _busy(review_id: str, who: Runner, then: str) -> UsageError:
    return UsageError(
        f"review {review_id} is running ({who.describe()}); let it finish, or stop it "
        f"({who.how_to_stop()}) and then {then}"
    )


def refuse_running(review_dir: Path, review_id: str, then: str) -> None:
    """A UsageError naming the process working on the review, if any: the check a command
    makes before anything is written (`holding` makes it again as it starts writing)."""
    who = runner(review_dir)
    if who is not None:
        raise _busy(review_id, who, then)


@contextlib.contextmanager
def holding(review_dir: Path, review_id: str, command: str, *, then: str) -> Iterator[None]:
    """This process works on the review until the block ends; a UsageError naming the process
    that already does (`then`: what to do once it is stopped, "resume it")."""
    path = review_dir / RUN_LOCK
    note = json.dumps(
        {"command": command, "pid": os.getpid(), "host": os.uname().nodename}, allow_nan=False
    )
    try:
        fd = hold(path, note)
    except OSError as exc:
        raise store_error("write", path, exc) from exc
    if fd is None:
        raise _busy(review_id, runner(review_dir) or Runner(), then)
    try:
        yield
    finally:
        release(fd)


_RUN_STATUSES = frozenset({"running", "interrupted", "failed", "complete"})


def read_run_json(review_dir: Path) -> object:
    """The review's run.json as parsed JSON (None: missing or not JSON)."""
    try:
        return json.loads((review_dir / RUN_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def run_status(review_dir: Path, document: object = None) -> str | None:
    """The review's status as its run.json says it (None: no run.json deep-review could
    read). A review it calls running that no process works on (`runner`) was killed outright
    before it could say so: interrupted, as after a Ctrl-C (`resume` finishes it).
    `document` is run.json already read by the caller (read here when None)."""
    if document is None:
        document = read_run_json(review_dir)
    status = document.get("status") if isinstance(document, dict) else None
    if not isinstance(status, str) or status not in _RUN_STATUSES:
        return None
    if status == "running" and runner(review_dir) is None:
        return "interrupted"
    return status
