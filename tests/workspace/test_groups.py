"""`workspace.groups`: a seat's process group written down is stopped later only while its
leader is still the process we started (same start time, same boot): a pid the kernel gave to
a later process is never signalled."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from deepreview.workspace.groups import group_of, stop_group


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True
    )


def test_a_group_is_stopped_only_while_its_leader_is_the_process_written_down() -> None:
    proc = _sleeper()
    try:
        group = group_of(proc.pid)
        assert group is not None and group.pgid == proc.pid
        # A later process that got the same pid: another start time, or another boot.
        assert not stop_group(dataclasses.replace(group, start=group.start + 1))
        assert not stop_group(dataclasses.replace(group, boot="another-boot"))
        assert proc.poll() is None
        assert stop_group(group)
        assert proc.wait(timeout=60) < 0  # ended by our signal
        assert not stop_group(group)  # nothing left to stop
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
