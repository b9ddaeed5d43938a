"""Through the real `deep-review review --lead none` with command seats: two failure kinds told
in other words a few lines apart (`consolidate/failure_phrases.py`).

- A count one past its limit is an off-by-one: "`poll` tries `max_tries + 1` times", "`fetch`
  runs 4 times with the default limit of 3", "compares with `<=` instead of `<`" and
  "Off-by-one in the polling loop" are one finding; beside "no pause between tries" at the same
  line, two.
- A zero time limit is a failure of its own: "defaults to a zero timeout" at the constructor and
  "`timeout=0` gives up before the handshake" where it is used are one finding; beside
  "`recv` can wait forever" or "the connection is never closed" at that line, two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.two_reviews import ONE, TWO, bullet_review, full_review, reviewers

POLLER = (
    "def poll(fetch, max_tries=3):\n"  # 1
    "    tries = 0\n"  # 2
    "    while tries <= max_tries:\n"  # 3
    "        result = fetch()\n"  # 4
    "        if result is not None:\n"  # 5
    "            return result\n"  # 6
    "        tries += 1\n"  # 7
    "    return None\n"  # 8
)
PINGER = (
    "import socket\n"  # 1
    "\n\n"
    "class Pinger:\n"  # 4
    "    def __init__(self, limit=0):\n"  # 5
    "        self.limit = limit\n"  # 6
    "\n"  # 7
    "    def ping(self, host):\n"  # 8
    "        conn = socket.create_connection((host, 7), timeout=self.limit)\n"  # 9
    "        conn.settimeout(None)\n"  # 10
    "        conn.sendall(b'ping')\n"  # 11
    "        return conn.recv(4)\n"  # 12
)
FILES = {"jobs/poller.py": POLLER, "net/pinger.py": PINGER}


PLUS_ONE = full_review(
    "`poll` tries `max_tries + 1` times",
    "jobs/poller.py:3",
    "The loop keeps going while `tries` equals `max_tries`, so a caller asking for three tries "
    "waits for a fourth.",
)
ZERO_AT_CONSTRUCTOR = full_review(
    "`Pinger` defaults to a zero timeout",
    "net/pinger.py:5",
    "Built without arguments, every `ping` gives up at once: nothing can answer in no time. "
    "Default to a few seconds.",
)


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            PLUS_ONE,
            bullet_review("jobs/poller.py:4", "`fetch` runs 4 times with the default limit of 3"),
        ),
        (
            full_review(
                "Off-by-one in the polling loop",
                "jobs/poller.py:3",
                "Stop before `tries` reaches the limit.",
            ),
            bullet_review(
                "jobs/poller.py:1-4",
                "the loop compares with `<=` instead of `<`, so `fetch` is called again after "
                "the budget is spent",
            ),
        ),
        (
            PLUS_ONE,
            bullet_review(
                "jobs/poller.py:4", "`poll` makes one attempt too many before it gives up"
            ),
        ),
    ],
)
def test_a_count_one_past_its_limit_told_twice_is_one(
    tmp_path: Path, alpha: str, bravo: str
) -> None:
    assert reviewers(tmp_path, FILES, alpha, bravo) == ONE


def test_one_past_the_limit_beside_no_pause_at_that_line_stays_two(tmp_path: Path) -> None:
    no_pause = bullet_review(
        "jobs/poller.py:3",
        "no pause between tries: a server that is down gets hit again straight away",
    )
    assert reviewers(tmp_path, FILES, PLUS_ONE, no_pause) == TWO


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            ZERO_AT_CONSTRUCTOR,
            bullet_review(
                "net/pinger.py:9",
                "`timeout=0` makes the socket non-blocking, so `create_connection` gives up "
                "before the handshake unless a limit is passed",
            ),
        ),
        (
            full_review(
                "A timeout of 0 means no ping ever connects",
                "net/pinger.py:9",
                "`create_connection` is handed the constructor's default and fails straight away.",
            ),
            bullet_review(
                "net/pinger.py:5",
                "a zero deadline by default: the connect expires before it starts",
                "medium",
            ),
        ),
    ],
)
def test_a_zero_time_limit_told_twice_is_one(tmp_path: Path, alpha: str, bravo: str) -> None:
    assert reviewers(tmp_path, FILES, alpha, bravo) == ONE


@pytest.mark.parametrize(
    "other",
    [
        "`settimeout(None)` lets `recv` wait forever on a host that never answers",
        "`ping` never closes the connection it opens",
    ],
)
def test_a_zero_time_limit_beside_another_problem_at_that_line_stays_two(
    tmp_path: Path, other: str
) -> None:
    zero = full_review(
        "A timeout of 0 means no ping ever connects",
        "net/pinger.py:9",
        "`create_connection` is handed the constructor's default and fails straight away.",
    )
    assert reviewers(tmp_path, FILES, zero, bullet_review("net/pinger.py:9", other)) == TWO
