"""A seat's process group, written down while it runs and stopped by a later command if the
review was killed outright (`workspace.ledger`, `workspace.sweep`).

Seats run in sessions of their own (`proc.run`), so a SIGKILL of `deep-review` leaves them
running, reparented to init, spending the user's API money. A group is named by its leader's
pid, which the kernel reuses: the leader's start time (in clock ticks since boot, from
/proc/PID/stat) and the boot it started in tell the group we made from a later one.

A process of the seat may leave its group: `setpgid` (still in the seat's session, which is
written down too) or `setsid` (a session of its own, as `setsid sleep 301 &` in a command seat
does). Stopping the group stops those too: every process in the seat's session, and every
descendant of the group's and the session's processes, found through /proc. (One whose parent
has ended, reparented to init, is no one's descendant any more: nothing names it as the seat's.)
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
    # The leader's session: its own pid when it leads one, as every seat does (`proc.run`).
    # Only such a session is ours to stop (any other is the user's terminal's).
    session: int | None = None


def group_of(pid: int) -> Group | None:
    """The group `pid` leads, as it can be recognised later (None: no /proc to read)."""
    start = _start_time(pid)
    boot = _boot_id()
    if start is None or boot is None:
        return None
    try:
        session: int | None = os.getsid(pid)
    except OSError:
        session = None
    return Group(pid, start, boot, session)


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
    # The group's strays (another group, another session) are found before the group's
    # signal: once their parent ends they are no one's descendants.
    strays = _strays(group)
    grouped = _signal(group.pgid, signal.SIGTERM)
    if not (_kill_all(strays, signal.SIGTERM) or grouped):
        return False
    deadline = time.monotonic() + _TERM_GRACE_S
    while time.monotonic() < deadline and _running(group, strays):
        time.sleep(0.05)
    strays |= _strays(group)  # started meanwhile
    _signal(group.pgid, signal.SIGKILL)
    _kill_all(strays, signal.SIGKILL)
    return True


@dataclass(frozen=True)
class _Proc:
    pid: int
    state: str
    ppid: int
    pgrp: int
    session: int
    start: int


def _processes() -> list[_Proc]:
    """Every process /proc shows (none: no /proc to read)."""
    try:
        pids = [n for n in os.listdir("/proc") if n.isdigit()]
    except OSError:
        return []
    found = []
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text(errors="replace").rsplit(")", 1)[1]
            parts = fields.split()
            found.append(
                _Proc(
                    int(pid), parts[0], int(parts[1]), int(parts[2]), int(parts[3]), int(parts[19])
                )
            )
        except (OSError, IndexError, ValueError):
            continue
    return found


def _strays(group: Group) -> set[tuple[int, int]]:
    """(pid, start time) of the processes of the seat outside its group: in its session, or
    descended from a process of the group or the session."""
    procs = _processes()
    own = group.session if group.session == group.pgid else None  # a session the seat leads
    seeds = [p.pid for p in procs if p.pgrp == group.pgid or (own and p.session == own)]
    children: dict[int, list[_Proc]] = {}
    for p in procs:
        children.setdefault(p.ppid, []).append(p)
    found: set[tuple[int, int]] = set()
    todo, seen = list(seeds), set(seeds)
    while todo:
        for child in children.get(todo.pop(), []):
            if child.pid not in seen:
                seen.add(child.pid)
                todo.append(child.pid)
    me = os.getpid()
    for p in procs:
        if p.pid in seen and p.pgrp != group.pgid and p.pid != me:
            found.add((p.pid, p.start))
    return found


def _kill_all(strays: set[tuple[int, int]], sig: int) -> bool:
    """Send `sig` to each stray still the process found (its start time): True if any took it."""
    sent = False
    for pid, start in strays:
        if _start_time(pid) == start:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, sig)
                sent = True
    return sent


def _running(group: Group, strays: set[tuple[int, int]]) -> bool:
    """Whether the group or a stray has a process that has not ended: a zombie (ended, its
    parent not yet told, as under an init that never reaps) still takes a signal and must not
    be waited for."""
    procs = _processes()
    if not procs:
        return _signal(group.pgid, 0)
    ids = {pid for pid, _ in strays}
    return any((p.pgrp == group.pgid or p.pid in ids) and p.state not in ("Z", "X") for p in procs)


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
