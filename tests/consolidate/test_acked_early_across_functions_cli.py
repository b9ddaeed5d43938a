"""Through `deep-review review` with command seats, on a change whose code the seats point at: a
message acknowledged before it is handled is made by two pieces of code, the setting that turns
automatic commits on and the loop whose `poll` then commits, each in its own function (found on
merge case 59). Told at the setting and at the `poll` a few lines and one function apart it is
one finding (`nearby.BETWEEN_FUNCTIONS`); another failure named at the `poll` stays apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.printing_seats import findings_of_change

LISTENER = (
    "class StockListener:\n"  # 1
    "    def __init__(self, config, store):\n"  # 2
    '        self.consumer = Consumer({**config, "enable.auto.commit": True})\n'  # 3
    "        self.store = store\n"  # 4
    "        self.running = True\n"  # 5
    "\n"  # 6
    "    def run(self):\n"  # 7
    '        self.consumer.subscribe(["stock"])\n'  # 8
    "        while self.running:\n"  # 9
    "            msg = self.consumer.poll(1.0)\n"  # 10
    "            if msg is not None:\n"  # 11
    "                self.store.apply(msg.value())\n"  # 12
)

AT_THE_SETTING = (
    "## Findings\n\n### Critical Issues\n\n1. **Offsets are committed before the stock updates "
    "are applied** — `shop/listener.py:3` (critical, bug)\n\nWith automatic commits the "
    "consumer moves past a message whether or not `store.apply` finished; a restart mid-batch "
    "skips those updates for good.\n"
)


@pytest.mark.parametrize(
    ("bravo", "want"),
    [
        (
            "- [P1] shop/listener.py:10 — `poll` auto-commits the previous batch even for "
            "messages whose `apply` never completed; a crash between the two drops them.\n",
            [["Alpha", "Bravo"]],
        ),
        (
            "- [P1] shop/listener.py:10 — the message's error is ignored: `msg.error()` is never "
            "looked at, so a broker error is applied as if it were an update.\n",
            [["Alpha"], ["Bravo"]],
        ),
    ],
)
def test_a_message_acked_early_told_at_the_setting_and_at_the_poll_is_one(
    tmp_path: Path, bravo: str, want: list[list[str]]
) -> None:
    found: list[dict[str, Any]] = findings_of_change(
        tmp_path, {"shop/listener.py": LISTENER}, {"alpha": AT_THE_SETTING, "bravo": bravo}
    )
    assert sorted(sorted(f["reviewers"]) for f in found) == want
