"""Through the real `deep-review consolidate --format json`: failures the claim vocabulary lacked
(`consolidate/failure_words.py`, found on merge cases 46-50), each told by two seats in other
words four lines apart (where the place alone is no link), are one finding; beside another
failure at that very line, two.

- "Price feed keeps polling once the user navigates away" / "the old listener is still active":
  one (work going on after whoever wanted it is gone).
- "`applyTheme()` does nothing" / "the saved theme is never read": one (a call that changes
  nothing); beside "theme file read on the main thread", two.
- "Authors fetched lazily in the feed" / "one query per post": one (N+1).
- "Unique slug column filled with the same empty value" / "duplicate key for every existing
  row": one.
- "Migration cannot be rolled back" / "irreversible: there is no down step": one; beside "the
  index is built in the wrong order", two.
- "Every field is mass-assignable from the signup form" / "the raw request body goes straight
  into `User.create`": one.
- "Dialog listener never unregistered" / "memory grows with every dialog opened": one.
- "Coupon codes are longer than the column" / "a 20-character code won't fit in
  `VARCHAR(16)`": one.
- "Unique slug column filled with the same empty value" / "each article gets the same blank
  value": one.
- "Labels are not escaped in the export" / "the writer has to quote each label": one.
- "Off-by-one when the name fills `dst`" ("the terminator is stored one byte past the
  buffer") / "heap buffer overflow": one, an off-by-one write and the overflow it is.
  "Off-by-one in the retry count" beside "heap buffer overflow" at that line: two (an
  off-by-one is no overflow by itself).
- "Empty cells print as `undefined`" beside "commas in a value are not escaped": two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import full_finding as _full


def _reviewers(tmp: Path, claude: str, codex: str) -> list[list[str]]:
    return reviewer_sets(tmp, {"claude": claude, "codex": codex})


CASES = [
    (
        _full(
            "Price feed keeps polling once the user navigates away",
            "ui/LivePrices.kt:14",
            "The job is launched in a scope that lives as long as the app, so each visit to the "
            "screen adds one more poller hitting the quotes endpoint every second.",
        ),
        _bullet(
            "ui/LivePrices.kt:18",
            "`pollJob` is started here and the old listener is still active after leaving; "
            "cancel it in `onStop`",
        ),
        ONE,
    ),
    (
        _full(
            "`applyTheme()` does nothing",
            "settings/theme.py:22",
            "It writes `self.pending` and returns; the renderer keeps the old palette.",
        ),
        _bullet(
            "settings/theme.py:26",
            "the saved theme is never read by the renderer, so choosing dark mode changes "
            "nothing on screen",
        ),
        ONE,
    ),
    (
        _full(
            "`applyTheme()` does nothing",
            "settings/theme.py:22",
            "It writes `self.pending` and returns; the renderer keeps the old palette.",
        ),
        _bullet(
            "settings/theme.py:22",
            "the theme file is a disk read on the main thread; opening settings stutters",
        ),
        TWO,
    ),
    (
        _full(
            "Authors fetched lazily in the feed",
            "blog/views.py:31",
            "`Post.objects.filter(...)` leaves `post.author` to be fetched when the template "
            "touches it.",
        ),
        _bullet(
            "blog/views.py:35",
            "one query per post when the feed renders; add `select_related('author')`",
        ),
        ONE,
    ),
    (
        _full(
            "Unique slug column filled with the same empty value",
            "db/migrate/20261201_add_slug.rb:4",
            "Every existing article gets `''`, and the index insists on distinct slugs.",
        ),
        _bullet(
            "db/migrate/20261201_add_slug.rb:8",
            "running this on production fails with a duplicate key for every existing row",
        ),
        ONE,
    ),
    (
        _full(
            "Migration cannot be rolled back",
            "db/migrate/20261201_add_slug.rb:9",
            "The data step has nothing to undo it with, so a bad deploy is stuck forward.",
        ),
        _bullet("db/migrate/20261201_add_slug.rb:13", "irreversible: there is no down step"),
        ONE,
    ),
    (
        _full(
            "Migration cannot be rolled back",
            "db/migrate/20261201_add_slug.rb:9",
            "The data step has nothing to undo it with, so a bad deploy is stuck forward.",
        ),
        _bullet(
            "db/migrate/20261201_add_slug.rb:9",
            "the index is built in the wrong order, before the slugs it covers exist",
        ),
        TWO,
    ),
    (
        _full(
            "Every field is mass-assignable from the signup form",
            "app/controllers/signup.js:12",
            "A visitor can send `role=admin` with the form and become an administrator.",
        ),
        _bullet(
            "app/controllers/signup.js:16",
            "the raw request body goes straight into `User.create`; pick the allowed keys",
        ),
        ONE,
    ),
    (
        _full(
            "Dialog listener never unregistered",
            "web/dialog.ts:8",
            "`open` adds a keydown handler to `document` and nothing removes it.",
        ),
        _bullet("web/dialog.ts:12", "memory grows with every dialog opened, handlers pile up"),
        ONE,
    ),
    (
        _full(
            "Coupon codes are longer than the column",
            "shop/coupons.sql:3",
            "The generator makes 20 characters; the column holds 16.",
        ),
        _bullet("shop/coupons.sql:7", "a 20-character code won't fit in `VARCHAR(16)`"),
        ONE,
    ),
    (
        _full(
            "Unique slug column filled with the same empty value",
            "db/migrate/20261201_add_slug.rb:4",
            "Every existing article gets `''`, and the index insists on distinct slugs.",
        ),
        _bullet(
            "db/migrate/20261201_add_slug.rb:8",
            "the backfill comes after the index: each article gets the same blank value first",
        ),
        ONE,
    ),
    (
        _full(
            "Labels are not escaped in the export",
            "lib/export_tsv.py:10",
            "A label holding a tab splits its row in two when the file is opened.",
        ),
        _bullet("lib/export_tsv.py:14", "the writer has to quote each label it prints"),
        ONE,
    ),
    (
        _full(
            "Off-by-one when the name fills `dst`",
            "src/pad.c:18",
            "A name of exactly 32 characters leaves no room: the terminator is stored one byte "
            "past the buffer.",
        ),
        _bullet("src/pad.c:12-18", "heap buffer overflow in `dst` for names as long as the field"),
        ONE,
    ),
    (
        _full(
            "Off-by-one in the retry count",
            "src/net.c:18",
            "`attempts <= max` makes one call more than configured.",
        ),
        _bullet(
            "src/net.c:18",
            "heap buffer overflow: `memcpy` copies `len` bytes into the 64-byte `reply`",
        ),
        TWO,
    ),
    (
        _full(
            "Empty cells print as `undefined`",
            "lib/report.js:17",
            "`row[key]` is missing for optional keys and the template writes the word out.",
        ),
        _bullet(
            "lib/report.js:17",
            "commas in a value are not escaped, so the line splits into extra columns",
        ),
        TWO,
    ),
]


@pytest.mark.parametrize(("claude", "codex", "expected"), CASES)
def test_one_failure_in_other_words(
    tmp_path: Path, claude: str, codex: str, expected: list[list[str]]
) -> None:
    assert _reviewers(tmp_path, claude, codex) == expected
