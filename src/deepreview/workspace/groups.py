"""A seat's process group, written down while it runs and stopped by a later command if the
review was killed outright (`workspace.ledger`, `workspace.sweep`).

Seats run in sessions of their own (`proc.run`), so a SIGKILL of `deep-review` leaves them
running, reparented to init, spending the user's API money. A group is named by its leader's
pid, which the kernel reuses: the leader's start time (in clock ticks since boot, from
/proc/PID/stat) and the boot it started in tell the group we made from a later one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

_BOOT_ID: Final = Path("/proc/sys/kernel/random/boot_id")
# How long a group gets to end on SIGTERM before SIGKILL (an agent CLI saving its state).
_TERM_GRACE_S: Final = 3.0


@dataclass(frozen=True)
class Group:
    pgid: int  # the leader's pid
    start: int  # the leader's start time, clock ticks since boot
    boot: str  # the boot it started in


def group_of(pid: int) -> Group | None:
    """The group `pid` leads, as it can be recognised later (None: no /proc to read)."""
    start = _start_time(pid)
    boot = _boot_id()
    if start is None or boot is None:
        return None
    return Group(pid, start, boot)


def stop_group(group: Group) -> bool:
    """SIGTERM, then SIGKILL, the processes of `group` if it is still the group we made: True
    if any was there to stop. A leader with another start time (or another boot) is a later
    process with a reused pid: nothing is sent. A leader that is gone leaves its members in
    the group, and the kernel gives no new process that pid while the group has any."""
    if _boot_id() != group.boot:
        return False
    start = _start_time(group.pgid)
    if start is not None and start != group.start:
        return False
    if not _signal(group.pgid, signal.SIGTERM):
        return False
    deadline = time.monotonic() + _TERM_GRACE_S
    while time.monotonic() < deadline and _running(group.pgid):
        time.sleep(0.05)
    _signal(group.pgid, signal.SIGKILL)
    return True


def _running(pgid: int) -> bool:
    """Whether group `pgid` has a process that has not ended: a zombie (ended, its parent not
    yet told, as under an init that never reaps) still takes a signal and must not be waited
    for."""
    try:
        pids = [n for n in os.listdir("/proc") if n.isdigit()]
    except OSError:
        return _signal(pgid, 0)
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text(errors="replace").rsplit(")", 1)[1]
            state, _, pgrp = fields.split()[:3]
            member = int(pgrp) == pgid
        except (OSError, IndexError, ValueError):
            continue
        if member and state not in ("Z", "X"):
            return True
    return False


def _signal(pgid: int, sig: int) -> bool:
    """Send `sig` to group `pgid` (0: only look): False if it has no process we may signal."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)
        return True
    return False


def _start_time(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        # after "pid (comm) ", whose comm may hold spaces and parentheses: field 22 overall
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def _boot_id() -> str | None:
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip() or None
    except OSError:
        return None
