"""Through the real `deep-review review` with command seats: two seats' findings at one place
that claim different failures are two, and the same failure in other words is one (tm63).
Each rule that keeps more apart has a case that must stay one, and back.

- "`fetch_item` has no timeout" / "`fetch_item` parses error pages as data" at one line, graded
  alike: a hang and an error read as data, two findings; "has no timeout" / "can block forever
  on a stalled server", and "ignores the HTTP status" / "parses error pages as data", one each.
- "SQL injection in `delete_user`" / "`delete_user` has no permission check" at one line: two;
  the injection said as SQL built from the request, or the missing check said as "any user can
  delete", one each.
- "`load` now defaults `timeout` to 0" / "The default `timeout` of `load` is not documented" at
  one line: a wrong default and a missing doc of it, two; two seats' missing doc of it, one.
- "`_cache` grows without bound" / "`lookup` leaks memory through `_cache`": one (memory that
  grows); "`tail` reads the whole file into memory" / "`tail` leaks the file handle": two.
- One `except` block named by both ("Permanent failures become `None`", its text naming the
  `except Exception` branch, two lines from "The `except Exception` branch hides the
  exception"): one; the block named by both, one of them about its log level: two.
- "`page` returns incorrect results" (its text: "the first row is never shown") / "`page` skips
  the first row" at one line: one off-by-one; "`tail(path, 0)` returns every line" / "`tail`
  drops the last line", whose texts say nothing of each other's failure, two.
- A missing timeout beside a race, or beside a URL injection, at one line: two.
- "Typo in the `ValueError` message: 'positve'" / "`check` raises `ValueError` for valid counts"
  at one line: two, whatever the grades; the typo told as "'positve' is misspelt" or as "The
  message says 'positve'", one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.merge_samples import RETRY_LOOP
from support.printing_seats import findings_of_change

CLIENT = (
    "import json\n"  # 1
    "from urllib.request import urlopen\n"  # 2
    "\n\n"
    "BASE = 'https://api.example.com'\n"  # 5
    "\n\n"
    "def fetch_item(item_id):\n"  # 8
    "    url = f'{BASE}/items/{item_id}'\n"  # 9
    "    with urlopen(url) as resp:\n"  # 10
    "        return json.loads(resp.read())\n"  # 11
)
USERS = (
    "def delete_user(db, request):\n"  # 1
    "    name = request.args['name']\n"  # 2
    "    db.execute(f\"DELETE FROM users WHERE name = '{name}'\")\n"  # 3
    "    db.commit()\n"  # 4
)
LOAD = (
    "def load(path, timeout=0):\n"  # 1
    '    """Load the config."""\n'  # 2
    "    return read(path, timeout)\n"  # 3
)
CACHE = (
    "_cache = {}\n"  # 1
    "\n\n"
    "def lookup(key):\n"  # 4
    "    if key not in _cache:\n"  # 5
    "        _cache[key] = load(key)\n"  # 6
    "    return _cache[key]\n"  # 7
)
TAIL = (
    "def tail(path, count):\n"  # 1
    "    fh = open(path)\n"  # 2
    "    return fh.readlines()[-count:]\n"  # 3
)
RETRY = RETRY_LOOP
PAGE = (
    "def page(rows, n, size):\n"  # 1
    "    start = n * size + 1\n"  # 2
    "    return rows[start:start + size]\n"  # 3
)
POOL = (
    "class Pool:\n"  # 1
    "    def get(self):\n"  # 2
    "        conn = self.free.pop() if self.free else connect()\n"  # 3
    "        return conn\n"  # 4
)
CHECK = (
    "def check(count):\n"  # 1
    "    if count > 0:\n"  # 2
    "        raise ValueError('count must be positve')\n"  # 3
    "    return count\n"  # 4
)
FILES = {
    "val/check.py": CHECK,
    "web/page.py": PAGE,
    "db/pool.py": POOL,
    "shop/client.py": CLIENT,
    "app/users.py": USERS,
    "cfg/load.py": LOAD,
    "svc/cache.py": CACHE,
    "ledger/tail.py": TAIL,
    "ledger/retry.py": RETRY,
}
_HEADINGS = {
    "critical": "Critical Issues",
    "important": "Important Issues",
    "suggestion": "Suggestions",
}


def _at(
    title: str, place: str, body: str, grade: str = "important", label: str = "regression"
) -> str:
    return (
        f"## Executive Summary\n\nRead the change.\n\n## Findings\n\n### {_HEADINGS[grade]}\n\n"
        f"1. **{title}** — `{place}` ({grade}{', ' + label if label else ''})\n\n{body}\n"
    )


def _reviewers(tmp: Path, alpha: str, bravo: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, {"alpha": alpha, "bravo": bravo})
    return sorted(sorted(f["reviewers"]) for f in found)


ONE = [["Alpha", "Bravo"]]
TWO = [["Alpha"], ["Bravo"]]

NO_TIMEOUT = _at(
    "`fetch_item` has no timeout",
    "shop/client.py:10",
    "`urlopen(url)` waits forever when the API stops answering; pass `timeout=10`.",
)
ERROR_PAGES = _at(
    "`fetch_item` parses error pages as data",
    "shop/client.py:10",
    "A 404 or 500 body is handed to `json.loads` as if it were an item; check `resp.status`.",
)


def test_a_missing_timeout_and_an_error_page_read_as_data_at_one_line_stay_two(
    tmp_path: Path,
) -> None:
    assert _reviewers(tmp_path, NO_TIMEOUT, ERROR_PAGES) == TWO


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            NO_TIMEOUT,
            _at(
                "`fetch_item` can block forever on a stalled server",
                "shop/client.py:10",
                "Without a deadline the call never returns when the server stops answering.",
            ),
        ),
        (
            _at(
                "`fetch_item` ignores the HTTP status",
                "shop/client.py:10",
                "A 500 response body is parsed as an item.",
            ),
            ERROR_PAGES,
        ),
    ],
)
def test_a_hang_or_an_error_response_in_other_words_at_one_line_is_one(
    tmp_path: Path, alpha: str, bravo: str
) -> None:
    assert _reviewers(tmp_path, alpha, bravo) == ONE


INJECTION = _at(
    "SQL injection in `delete_user`",
    "app/users.py:3",
    "`name` comes from the request and is formatted into the query; use a `?` parameter.",
    "critical",
    "security",
)
NO_PERMISSION = _at(
    "`delete_user` has no permission check",
    "app/users.py:3",
    "Any logged-in user can delete any account; check that the caller is an admin.",
    "critical",
    "security",
)


def test_an_injection_and_a_missing_permission_check_at_one_line_stay_two(
    tmp_path: Path,
) -> None:
    assert _reviewers(tmp_path, INJECTION, NO_PERMISSION) == TWO


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            INJECTION,
            _at(
                "`delete_user` puts the request's name straight into the SQL",
                "app/users.py:3",
                "An attacker can pass `' OR '1'='1` and delete every row; use placeholders.",
                "critical",
                "security",
            ),
        ),
        (
            NO_PERMISSION,
            _at(
                "Any user can delete any account through `delete_user`",
                "app/users.py:3",
                "Nothing checks that the caller is an admin.",
                "critical",
                "security",
            ),
        ),
    ],
)
def test_an_injection_or_a_missing_permission_check_in_other_words_is_one(
    tmp_path: Path, alpha: str, bravo: str
) -> None:
    assert _reviewers(tmp_path, alpha, bravo) == ONE


NOT_DOCUMENTED = _at(
    "The default `timeout` of `load` is not documented",
    "cfg/load.py:1",
    "The docstring does not say what `timeout=0` means.",
    "suggestion",
    "documentation",
)


def test_a_wrong_default_and_its_missing_doc_at_one_line_stay_two(tmp_path: Path) -> None:
    wrong_default = _at(
        "`load` now defaults `timeout` to 0, which disables it",
        "cfg/load.py:1",
        "The old default was 30 seconds; a `timeout` of 0 means no timeout at all.",
    )
    assert _reviewers(tmp_path, wrong_default, NOT_DOCUMENTED) == TWO


def test_two_seats_missing_doc_of_one_default_is_one(tmp_path: Path) -> None:
    unmentioned = _at(
        "`load`'s docstring does not mention the `timeout` default",
        "cfg/load.py:1",
        "Say what a `timeout` of 0 does.",
        "suggestion",
        "documentation",
    )
    assert _reviewers(tmp_path, NOT_DOCUMENTED, unmentioned) == ONE


def test_a_cache_growing_without_bound_and_leaking_memory_is_one(tmp_path: Path) -> None:
    grows = _at(
        "`_cache` grows without bound", "svc/cache.py:6", "Every key looked up stays; use an LRU."
    )
    leaks = _at(
        "`lookup` leaks memory through `_cache`", "svc/cache.py:6", "Entries are never evicted."
    )
    assert _reviewers(tmp_path, grows, leaks) == ONE


def test_memory_use_and_a_leaked_handle_at_one_line_stay_two(tmp_path: Path) -> None:
    memory = _at(
        "`tail` reads the whole file into memory",
        "ledger/tail.py:3",
        "`readlines()` holds every line of a large log; use a `deque`.",
    )
    handle = _at(
        "`tail` leaks the file handle",
        "ledger/tail.py:3",
        "The handle from `open` is left to the garbage collector; use `with`.",
    )
    assert _reviewers(tmp_path, memory, handle) == TWO


NONE_IN_THE_BLOCK = _at(
    "Permanent failures become `None`",
    "ledger/retry.py:15",
    "The `except Exception` branch turns every other error into `None`; a caller cannot tell "
    "a failed call from an empty result.",
)


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            NONE_IN_THE_BLOCK,
            _at(
                "The `except Exception` branch hides the exception",
                "ledger/retry.py:13",
                "Only a debug log line records it.",
            ),
        ),
        # no name, title word or quote in common: the construct is what ties them
        (
            _at(
                "`retry` returns `None` for permanent errors",
                "ledger/retry.py:15",
                "In the `except Exception` branch every other error becomes `None`; callers "
                "cannot tell a failure from an empty result.",
            ),
            _at(
                "Exceptions are swallowed in `except Exception`",
                "ledger/retry.py:13",
                "Only `log.debug` records them; re-raise instead.",
            ),
        ),
    ],
)
def test_one_except_block_named_by_both_two_lines_apart_is_one(
    tmp_path: Path, alpha: str, bravo: str
) -> None:
    assert _reviewers(tmp_path, alpha, bravo) == ONE


def test_one_except_block_named_by_both_saying_two_things_stays_two(tmp_path: Path) -> None:
    level = _at(
        "The `except Exception` branch logs at debug level",
        "ledger/retry.py:13",
        "Operators never see `log.debug` output in production; use `log.warning`.",
    )
    assert _reviewers(tmp_path, NONE_IN_THE_BLOCK, level) == TWO


def test_an_off_by_one_told_by_its_effect_and_by_name_at_one_line_is_one(tmp_path: Path) -> None:
    effect = _at(
        "`page` returns incorrect results",
        "web/page.py:2",
        "Page 0 starts at row 1, so the first row is never shown.",
    )
    named = _at("`page` skips the first row", "web/page.py:2", "`+ 1` starts the slice a row late.")
    assert _reviewers(tmp_path, effect, named) == ONE


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        # a wrong result and an off-by-one, neither text naming the other's failure
        (
            _at(
                "`tail(path, 0)` returns every line",
                "ledger/tail.py:3",
                "`[-0:]` is the whole list; return `[]` for zero.",
            ),
            _at(
                "`tail` drops the last line",
                "ledger/tail.py:3",
                "The caller strips the trailing newline and loses one line too many.",
            ),
        ),
        # a race and a wait with no timeout
        (
            _at(
                "`Pool.get` races on `self.free`",
                "db/pool.py:3",
                "Two threads can pop the same connection without a lock.",
            ),
            _at(
                "`Pool.get` can hang when the database is down",
                "db/pool.py:3",
                "`connect()` has no timeout.",
            ),
        ),
        # an injection into a URL and a wait with no timeout
        (
            _at(
                "`item_id` is injected into the URL unescaped",
                "shop/client.py:9",
                "A `../` in it reaches another endpoint.",
            ),
            _at("`fetch_item` has no timeout", "shop/client.py:9", "Pass `timeout=10`."),
        ),
    ],
)
def test_two_failures_at_one_line_stay_two(tmp_path: Path, alpha: str, bravo: str) -> None:
    assert _reviewers(tmp_path, alpha, bravo) == TWO


TYPO = _at(
    "Typo in the `ValueError` message: 'positve'",
    "val/check.py:3",
    "Spell it 'positive'.",
    "suggestion",
    "",
)


@pytest.mark.parametrize("grade", ["suggestion", "important"])
def test_a_typo_in_a_message_and_a_wrong_condition_at_one_line_stay_two(
    tmp_path: Path, grade: str
) -> None:
    condition = _at(
        "`check` raises `ValueError` for valid counts",
        "val/check.py:3",
        "The condition is inverted: `count > 0` should be `count <= 0`.",
        grade,
        "",
    )
    assert _reviewers(tmp_path, TYPO, condition) == TWO


@pytest.mark.parametrize(
    "title", ["'positve' is misspelt", "The `ValueError` message says 'positve'"]
)
def test_one_typo_in_other_words_at_one_line_is_one(tmp_path: Path, title: str) -> None:
    other = _at(title, "val/check.py:3", "Should read 'positive'.", "suggestion", "")
    assert _reviewers(tmp_path, TYPO, other) == ONE
