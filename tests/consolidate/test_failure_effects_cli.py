"""Through the real `deep-review consolidate --format json`: two different problems at one line,
told in words so alike that the place merged them, stay two when each title names its own
failure (`consolidate/failure_effects.py`, found on merge cases 56-60); the same problem told
twice in other words is still one.

- "Deliveries are acknowledged before the handler runs" / "the caller's options dict is
  modified" at one line: two (a message acked early; an input changed in place). "auto-ack: a
  crash in `handle()` loses the delivery" there: one.
- "`db.get` yields None for an unknown SKU" / "`db.get()` is the synchronous API inside an async
  method" at one line: two (a null; a blocking call), through `deep-review review` on the code.
- "`open_session` does not close the connection when the handler raises" / "the token leaked in
  the error message" in one function: two (a resource left open; a secret told).
- "SQL injection in `find_by_region`" / "`find_by_region` splices the caller's `region` into
  raw SQL": one; "Region totals are always zero" at that line stays apart (also through
  `deep-review review`, where the function both lines are in ties them closer).
- "`db.get` yields None ... line 7 writes through it, so the reservation crashes" at line 6 and
  "Unknown SKU crashes the reservation" at line 7: one (`cited_failure`: one seat follows the
  crash to the line the other places it on); a failed commit crashing at line 8: two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import full_finding as _full
from support.printing_seats import findings_of_change

_ACKED = _full(
    "Deliveries are acknowledged before the handler runs",
    "worker/orders_queue.py:40",
    "`channel.basic_ack` goes out as soon as the delivery arrives, before `handle()` is called; a "
    "worker that dies inside `handle()` drops that order for good. Acknowledge after handling.",
)
_UNCLOSED = _full(
    "`open_session` does not close the connection when the handler raises",
    "api/deps.py:5",
    "The `yield` in `open_session` is not in a `try`/`finally`: an exception in the endpoint "
    "skips `conn.close()` and the pool runs out after a burst of failing calls.",
)
_INJECTED = _full(
    "SQL injection in `find_by_region`",
    "reports/queries.py:22",
    "The region comes from the query string and is formatted into the statement with an f-string.",
)


@pytest.mark.parametrize(
    ("claude", "codex", "want"),
    [
        (
            _ACKED,
            _bullet(
                "worker/orders_queue.py:40",
                "the caller's options dict is modified: `opts['prefetch'] = 1` carries over into "
                "every other consumer built from the same `opts`",
            ),
            TWO,
        ),
        (
            _ACKED,
            _bullet(
                "worker/orders_queue.py:40-41",
                "auto-ack on the channel: a crash in `handle()` loses the delivery, nothing "
                "redelivers it",
            ),
            ONE,
        ),
        (
            _UNCLOSED,
            _bullet(
                "api/deps.py:11",
                "the bearer token leaked in the error message: `detail=f'bad token {token}'` "
                "copies it into every client log",
            ),
            TWO,
        ),
    ],
)
def test_two_failures_at_one_line_stay_two(
    tmp_path: Path, claude: str, codex: str, want: list[list[str]]
) -> None:
    assert reviewer_sets(tmp_path, {"claude": claude, "codex": codex}) == want


def test_a_value_spliced_into_sql_is_the_injection_not_the_wrong_count(tmp_path: Path) -> None:
    codex = _bullet(
        "reports/queries.py:21-22",
        "`find_by_region` splices the caller's `region` into raw SQL; a crafted value rewrites "
        "the statement",
    )
    gemini = (
        "## Findings\n\n**High — Region totals are always zero** (`reports/queries.py:22`): the "
        "`region` column holds numeric codes but `find_by_region` compares it with the quoted "
        "name, so no row ever matches.\n"
    )
    got = reviewer_sets(tmp_path, {"claude": _INJECTED, "codex": codex, "gemini": gemini})
    assert got == [["Claude", "Codex"], ["Gemini"]], got


# Through `deep-review review` with command seats on a change whose code the seats quote: the
# clustering reads which function each line is in (`code_sites`), as it does on a real review.
STOCK = (
    "class Stock:\n"  # 1
    "    def __init__(self, db):\n"  # 2
    "        self.db = db\n"  # 3
    "\n"  # 4
    "    async def reserve(self, sku, qty):\n"  # 5
    "        item = self.db.get(Item, sku)\n"  # 6
    "        item.count -= qty\n"  # 7
    "        await self.db.commit()\n"  # 8
    "\n"  # 9
    "    def count_by_region(self, region):\n"  # 10
    "        return self.db.scalar(\n"  # 11
    "            text(f\"SELECT count(*) FROM items WHERE region = '{region}'\")\n"  # 12
    "        )\n"  # 13
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"shop/stock.py": STOCK}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_blocking_call_is_not_the_missing_row_on_its_line(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha="- [P1] shop/stock.py:6 — `db.get(Item, sku)` yields None for an unknown SKU and "
        "line 7 writes through it: AttributeError instead of a not-found answer.\n",
        bravo="- [P2] shop/stock.py:6 — `db.get()` is the synchronous API inside an async "
        "method, it blocks the request thread on the database call; use the async session.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_a_value_spliced_into_sql_is_not_the_count_that_never_matches(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha="- [P1] shop/stock.py:11-12 — `count_by_region` splices the caller's `region` "
        "into raw SQL; an attacker-controlled value can rewrite the statement.\n",
        bravo="- [P1] shop/stock.py:12 — Region count is always zero: `region` holds numeric "
        "codes but the query compares it with the quoted name, so no row ever matches.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


_NONE_AT_GET = (
    "- [P1] shop/stock.py:6 — `db.get(Item, sku)` yields None for an unknown SKU and line 7 "
    "writes through it, so the reservation crashes with AttributeError.\n"
)


@pytest.mark.parametrize(
    ("bravo", "want"),
    [
        # the crash one seat follows to line 7 is the crash the other places there
        (
            "## Findings\n\n**Medium — Unknown SKU crashes the reservation** "
            "(`shop/stock.py:7`): nothing guards against a missing item before its count is "
            "changed.\n",
            [["Alpha", "Bravo"]],
        ),
        # another crash a line further on, at a line neither cites
        (
            "## Findings\n\n**Medium — A failed commit crashes the reservation** "
            "(`shop/stock.py:8`): the database error is not caught, so the request dies with a "
            "500.\n",
            [["Alpha"], ["Bravo"]],
        ),
    ],
)
def test_a_failure_followed_to_the_line_the_other_is_placed_on_is_one(
    tmp_path: Path, bravo: str, want: list[list[str]]
) -> None:
    assert _credited(tmp_path, alpha=_NONE_AT_GET, bravo=bravo) == want
