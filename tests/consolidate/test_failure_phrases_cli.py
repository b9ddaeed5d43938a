"""Through the real `deep-review review --lead none` with command seats: two seats telling one
failure at one place in other words are one finding (`consolidate/failure_phrases.py`), and a
different failure at that place stays apart.

- "Shell injection through `thumb`'s file names" / "the command line is assembled from the
  caller's paths and run by the shell": one.
- "A failed resize is reported as success" / "the output is handed back even when convert exits
  with a non-zero status, so a broken thumbnail is recorded as done": one.
- "`take` spins while the queue is empty" / "the loop has no sleep and burns a CPU when idle":
  one; beside "`take` pops from the front of a list, quadratic in the backlog": two.
- "`set_label` keeps bytes of the previous label" (its text: the terminating NUL is not copied)
  / "`set_label` never writes the string terminator": one.
- "Item counts are never checked" / "negative counts lower the bill; nothing validates them":
  one.
- "A failed price fetch is remembered for an hour" / "caches whatever the loader returns,
  including None after a timeout": one.
- "`round` uses banker's rounding" in `total` / "amounts ending in half a cent are charged a
  cent low half of the time; money should round half up" at the line of `charge` calling it:
  one, told where it is made and where it shows.
- "Off-by-one in the slice end" / "`pager` returns `size + 1` rows per page instead of `size`"
  at one line: one; the first beside "`start = page * size` treats pages as zero-based, while
  callers number them from 1" a line above: two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.two_reviews import ONE, TWO, bullet_review, full_review, reviewers

THUMB = (
    "import subprocess\n"  # 1
    "\n\n"
    "def thumb(src, dst):\n"  # 4
    "    cmd = 'convert ' + src + ' -resize 64x64 ' + dst\n"  # 5
    "    out = subprocess.run(cmd, shell=True, capture_output=True)\n"  # 6
    "    return out.stdout\n"  # 7
    "\n\n"
    "def take(backlog):\n"  # 10
    "    while True:\n"  # 11
    "        if backlog:\n"  # 12
    "            return backlog.pop(0)\n"  # 13
)
LABEL = (
    "#include <string.h>\n"  # 1
    "\n"
    "void set_label(struct item *it, const char *s) {\n"  # 3
    "    size_t n = strlen(s);\n"  # 4
    "    memcpy(it->label, s, n);\n"  # 5
    "}\n"  # 6
)
BILL = (
    "def bill(items):\n"  # 1
    "    total = 0\n"  # 2
    "    for item in items:\n"  # 3
    "        total += item.count * item.price\n"  # 4
    "    return total\n"  # 5
)
PRICES = (
    "import time\n"  # 1
    "\n"
    "_seen = {}\n"  # 3
    "\n\n"
    "def price(sku, loader):\n"  # 6
    "    hit = _seen.get(sku)\n"  # 7
    "    if hit and time.time() - hit[0] < 3600:\n"  # 8
    "        return hit[1]\n"  # 9
    "    value = loader(sku)\n"  # 10
    "    _seen[sku] = (time.time(), value)\n"  # 11
    "    return value\n"  # 12
)
MONEY = (
    "def total(lines, tax):\n"  # 1
    "    net = sum(line.count * line.price for line in lines)\n"  # 2
    "    return round(net * (1 + tax), 2)\n"  # 3
)
CHECKOUT = (
    "from shop.money import total\n"  # 1
    "\n\n"
    "def charge(cart):\n"  # 4
    "    amount = total(cart.lines, cart.tax)\n"  # 5
    "    return amount\n"  # 6
)
PAGER = (
    "def pager(rows, page, size):\n"  # 1
    "    start = page * size\n"  # 2
    "    return rows[start:start + size + 1]\n"  # 3
)
FILES = {
    "shop/money.py": MONEY,
    "shop/checkout.py": CHECKOUT,
    "web/pager.py": PAGER,
    "tools/thumb.py": THUMB,
    "native/label.c": LABEL,
    "shop/bill.py": BILL,
    "shop/prices.py": PRICES,
}


OFF_BY_ONE = full_review(
    "Off-by-one in the slice end",
    "web/pager.py:3",
    "The end of a slice is already exclusive: `start + size + 1` hands back one row more than "
    "asked for, and that row opens the next page too.",
    "important",
)
ONE_MORE = "`pager` returns `size + 1` rows per page instead of `size`"
SPINS = full_review(
    "`take` spins while the queue is empty",
    "tools/thumb.py:11-13",
    "`while True` with nothing to wait on keeps a core busy when there is no work; block on a "
    "`queue.Queue` instead.",
    "suggestion",
)


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            full_review(
                "Shell injection through `thumb`'s file names",
                "tools/thumb.py:5-6",
                "A source named `a.png; rm -rf ~` runs `rm`: pass an argument list and drop "
                "`shell=True`.",
                "critical",
            ),
            bullet_review(
                "tools/thumb.py:6",
                "the command line is assembled from the caller's paths and run by the shell; "
                "a `$(...)` in a name executes",
                "critical",
            ),
        ),
        (
            full_review(
                "A failed resize is reported as success",
                "tools/thumb.py:6-7",
                "The return code of `subprocess.run` is never looked at: an empty stdout is "
                "what the caller gets when `convert` fails.",
                "important",
            ),
            bullet_review(
                "tools/thumb.py:7",
                "the output is handed back even when convert exits with a non-zero status, so "
                "a broken thumbnail is recorded as done",
                "major",
            ),
        ),
        (
            SPINS,
            bullet_review(
                "tools/thumb.py:11", "the loop has no sleep and burns a CPU when idle", "minor"
            ),
        ),
        (
            full_review(
                "`set_label` keeps bytes of the previous label",
                "native/label.c:5",
                "`memcpy` copies `n` bytes but not the terminating NUL: relabelling 'wide' as "
                "'ox' reads back 'oxde'. Copy `n + 1` bytes.",
                "suggestion",
            ),
            bullet_review(
                "native/label.c:3-6",
                "`set_label` never writes the string terminator; after a rename the field "
                "ends in leftovers",
                "medium",
            ),
        ),
        (
            full_review(
                "Item counts are never checked",
                "shop/bill.py:3-4",
                "An item with `count = -2` takes money off the bill, so a crafted basket pays "
                "less for everything else. Refuse counts below 1.",
                "important",
            ),
            bullet_review(
                "shop/bill.py:4", "negative counts lower the bill; nothing validates them", "minor"
            ),
        ),
        (
            full_review(
                "A failed price fetch is remembered for an hour",
                "shop/prices.py:10-11",
                "When `loader` gives back `None` (the upstream timed out), that `None` is kept "
                "like a real price and served until the hour is over.",
                "important",
            ),
            bullet_review(
                "shop/prices.py:11",
                "caches whatever the loader returns, including None after a timeout; every "
                "later call gets None until the entry expires",
                "major",
            ),
        ),
        (
            full_review(
                "`round` uses banker's rounding",
                "shop/money.py:3",
                "`round(2.675, 2)` rounds half to even, so half a cent goes down as often as "
                "up; use `Decimal.quantize` with `ROUND_HALF_UP` for money.",
                "important",
            ),
            bullet_review(
                "shop/checkout.py:5",
                "amounts ending in half a cent are charged a cent low half of the time; money "
                "should round half up",
                "major",
            ),
        ),
        (OFF_BY_ONE, bullet_review("web/pager.py:3", ONE_MORE, "major")),
    ],
)
def test_one_failure_in_other_words_at_one_place_is_one(
    tmp_path: Path, alpha: str, bravo: str
) -> None:
    assert reviewers(tmp_path, FILES, alpha, bravo) == ONE


def test_a_busy_loop_beside_another_problem_of_that_loop_stays_two(tmp_path: Path) -> None:
    other = bullet_review(
        "tools/thumb.py:13",
        "`pop(0)` on a list moves every remaining job: quadratic in the length of the backlog",
        "minor",
    )
    assert reviewers(tmp_path, FILES, SPINS, other) == TWO


def test_an_off_by_one_beside_pages_counted_from_zero_stays_two(tmp_path: Path) -> None:
    zero_based = bullet_review(
        "web/pager.py:2",
        "`start = page * size` treats pages as zero-based, while callers number them from 1, so "
        "the first page is only reachable with page=0",
        "major",
    )
    assert reviewers(tmp_path, FILES, OFF_BY_ONE, zero_based) == TWO
