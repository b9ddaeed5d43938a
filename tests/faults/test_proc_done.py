"""`proc.run`'s `done`: a child whose output showed its work complete is given `done_grace`
seconds to exit, then stopped — not waited on until its timeout."""

from __future__ import annotations

import sys
import threading

from deepreview import proc

_PRINT_THEN = "import sys, time; print('FINAL', flush=True); time.sleep({})"


def _run(sleep: float, grace: float) -> proc.ProcResult:
    done = threading.Event()

    def watch(line: bytes) -> None:
        if line == b"FINAL":
            done.set()

    return proc.run(
        [sys.executable, "-c", _PRINT_THEN.format(sleep)],
        timeout=30,
        on_stdout_line=watch,
        done=done,
        done_grace=grace,
    )


def test_child_still_running_after_its_final_output_is_stopped() -> None:
    res = _run(60, grace=0.2)
    assert res.stopped_after_done == 0.2
    assert not res.timed_out and not res.ok
    assert res.stdout_text == "FINAL\n"
    assert res.describe_failure() == "stopped: still running 0.2 s after its final output"


def test_child_that_exits_on_its_own_is_not_stopped() -> None:
    # a grace it cannot use up, however loaded the machine
    res = _run(0, grace=25)
    assert res.ok and res.stopped_after_done is None


def test_timeout_after_the_final_output_is_a_stop_not_a_timeout() -> None:
    """The seat's timeout comes first (shorter than the grace): its work was done all the
    same, so the child is said to be stopped, not timed out."""
    done = threading.Event()
    done.set()  # its final output was seen before the limit
    res = proc.run(
        [sys.executable, "-c", _PRINT_THEN.format(60)], timeout=0.5, done=done, done_grace=25
    )
    assert not res.timed_out
    assert res.stopped_after_done is not None and res.stopped_after_done < 25
