"""Through the real `deep-review consolidate --format json`: a thread put to sleep inside code
that should suspend, told as the sleep and as a loop that blocks instead of suspending, is one
problem (`consolidate/failure_async.py`, found on merge cases 32, 35 and 67); a fixed delay
between retries in the same loop is another.

- "`time.sleep` inside an async handler" at the call / "the handler blocks the thread instead
  of suspending while it waits" over the loop: one.
- The same sleep / "the delay between retries is fixed at 5 s inside the coroutine, so a dead
  upstream is hit every five seconds forever": two.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import heading_finding as _heading

_SLEEP = _heading(
    "`time.sleep` inside an async handler",
    "`on_message` waits out the rate limit with `time.sleep(retry_after)`; use "
    "`await asyncio.sleep(retry_after)`.",
    "bot/handlers.py:22",
)


def test_a_sleep_and_a_loop_that_blocks_instead_of_suspending_are_one(tmp_path: Path) -> None:
    codex = _bullet(
        "bot/handlers.py:18-24",
        "while it waits for the rate limit the handler blocks the thread instead of suspending, "
        "so every other chat on this worker stalls until the wait is over",
    )
    assert reviewer_sets(tmp_path, {"claude": _SLEEP, "codex": codex}) == ONE


def test_a_fixed_delay_between_retries_is_another_problem(tmp_path: Path) -> None:
    codex = _bullet(
        "bot/handlers.py:18-24",
        "the sleep between retries is fixed at 5 s inside the coroutine, so a dead upstream is "
        "hit every five seconds forever; back off and give up",
    )
    assert reviewer_sets(tmp_path, {"claude": _SLEEP, "codex": codex}) == TWO
