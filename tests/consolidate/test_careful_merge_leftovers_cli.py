"""Through the real `deep-review review` with command seats: what a careful lead merges that
trial tm59 left (tm61). Each rule that merges more has a case that must stay two, and back.

- Three seats' "`retry` has no test", each placed its own way (the test file to add, a line of
  the code, no place), are one testing finding; a test gap beside a defect of the same
  function, and two test gaps about different functions in one test file, stay two.
- "`tail` reads the whole file into memory" and "`tail(path, 0)` returns every line" at one
  line are two problems (memory use; a wrong result), graded alike or not, while two seats'
  memory use of `tail` is one.
- "Permanent failures become `None`" and "the `except` branch hides the exception", two lines
  apart in one `except` block, are one finding when both quote its `return None`, and two
  when nothing but the nearness ties them.
- A finding naming two places in one sentence of prose ("`first_rows()` in `ledger/read.py`
  line 2 and `tail()` in ledger/tail.py line 4 both …"), placed at the first, or in its head
  with one explanation for both, is credited on another seat's finding at the second; not on
  one two lines off, one naming another failure there, or one naming none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.merge_samples import RETRY_LOOP
from support.printing_seats import findings_of_change

RETRY = (
    RETRY_LOOP  # 1-16
    + "\n\n"
    "def backoff(attempt):\n"  # 19
    "    return 2 ** attempt\n"  # 20
)
TAIL = (
    "def tail(path, count):\n"  # 1
    "    with open(path) as fh:\n"  # 2
    "        lines = fh.readlines()\n"  # 3
    "    return lines[-count:]\n"  # 4
)


def _doc(findings: str) -> str:
    return f"## Executive Summary\n\nRead the change.\n\n## Findings\n\n{findings}"


def _found(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    return findings_of_change(tmp, {"ledger/retry.py": RETRY, "ledger/tail.py": TAIL}, seats)


def _credits(found: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    return sorted((f["title"], sorted(f["reviewers"])) for f in found)


NO_GIVE_UP_TEST = _doc(
    "### Important Issues\n\n1. **No test covers `retry()`'s give-up path** — "
    "`tests/test_retry.py` (important, gap)\n\nThere is no `tests/test_retry.py`; nothing "
    "checks that an error other than `OSError` stops the loop. Add a test module.\n"
)


def test_three_seats_test_gaps_about_one_function_placed_apart_are_one(tmp_path: Path) -> None:
    found = _found(
        tmp_path,
        alpha=NO_GIVE_UP_TEST,
        bravo=_doc(
            "### Suggestions\n\n1. **Missing test coverage for `retry`** — "
            "`ledger/retry.py:15` (suggestion, gap)\n\nThe give-up branch is never exercised "
            "by any test.\n"
        ),
        charlie=_doc(
            "### Important Issues\n\n- **`retry` has no unit tests** (important)\n\n"
            "  Neither the sleep between attempts nor the last call is covered.\n"
        ),
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Alpha", "Bravo", "Charlie"]], _credits(
        found
    )


def test_a_test_gap_beside_a_defect_of_the_same_function_stays_two(tmp_path: Path) -> None:
    found = _found(
        tmp_path,
        alpha=NO_GIVE_UP_TEST,
        bravo=_doc(
            "### Important Issues\n\n1. **`retry` swallows the error** — `ledger/retry.py:15` "
            "(important, regression)\n\nThe caller gets `None` and never sees what failed.\n"
        ),
        charlie=_doc(
            "### Important Issues\n\n- **`retry` has no unit tests** (important)\n\n"
            "  Neither the sleep between attempts nor the last call is covered.\n"
        ),
    )
    assert _credits(found) == [
        ("No test covers `retry()`'s give-up path", ["Alpha", "Charlie"]),
        ("`retry` swallows the error", ["Bravo"]),
    ]


def test_test_gaps_about_two_functions_in_one_test_file_stay_two(tmp_path: Path) -> None:
    found = _found(
        tmp_path,
        alpha=NO_GIVE_UP_TEST,
        bravo=_doc(
            "### Suggestions\n\n1. **No test for `backoff`** — `tests/test_retry.py` "
            "(suggestion, gap)\n\nThe doubling delay is not checked anywhere.\n"
        ),
    )
    assert sorted(f["reviewers"] for f in found) == [["Alpha"], ["Bravo"]], _credits(found)


def _memory(title: str) -> str:
    return _doc(
        f"### Important Issues\n\n1. **{title}** — `ledger/tail.py:2-4` (important, regression)"
        "\n\n`fh.readlines()` loads every line into memory; for a large log use "
        "`collections.deque(fh, maxlen=count)`.\n"
    )


@pytest.mark.parametrize(
    ("memory", "result", "grade"),
    [
        # titles sharing "return ... line(s)", graded one level apart
        (
            "`tail` reads the whole file to return a few lines",
            "`tail(path, 0)` returns every line",
            "suggestion",
        ),
        # graded alike, sharing the function's name
        (
            "`tail` reads the whole file into memory",
            "`tail(path, 0)` returns every line instead of none",
            "important",
        ),
    ],
)
def test_memory_use_and_a_wrong_result_at_one_line_stay_two(
    tmp_path: Path, memory: str, result: str, grade: str
) -> None:
    heading = "Suggestions" if grade == "suggestion" else "Important Issues"
    found = _found(
        tmp_path,
        alpha=_memory(memory),
        bravo=_doc(
            f"### {heading}\n\n1. **{result}** — `ledger/tail.py:4` ({grade}, regression)\n\n"
            "`lines[-0:]` is the whole list; return `[]` when `count <= 0`.\n"
        ),
        charlie=_doc(
            "### Suggestions\n\n1. **Memory use of `tail()`** — `ledger/tail.py:3` (suggestion, "
            "enhancement)\n\n`tail()` materialises the file with `readlines()`; a `deque` with "
            "`maxlen` keeps only the last lines.\n"
        ),
    )
    assert _credits(found) == [(result, ["Bravo"]), (memory, ["Alpha", "Charlie"])]


NONE_RESULT = (
    "### Important Issues\n\n1. **Permanent failures become `None`** — `ledger/retry.py:15` "
    "(important, regression)\n\nA caller cannot tell a failed call from an empty result.\n"
)
HIDDEN = (
    "### Important Issues\n\n1. **The `except Exception` branch hides the exception** — "
    "`ledger/retry.py:13` (important, regression)\n\nOnly a debug log line records it.\n"
)
QUOTED_NONE = "\n```diff\n-            return None\n+            raise\n```\n"
QUOTED_BLOCK = (
    "\n```python\n        except Exception as exc:\n"
    "            log.debug('giving up: %s', exc)\n            return None\n```\n"
)


def test_one_except_block_two_lines_apart_quoting_its_line_is_one(tmp_path: Path) -> None:
    found = _found(
        tmp_path, alpha=_doc(NONE_RESULT + QUOTED_NONE), bravo=_doc(HIDDEN + QUOTED_BLOCK)
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Alpha", "Bravo"]], _credits(found)


LEAKED = (
    "### Important Issues\n\n1. **The `except Exception` branch leaks the connection** — "
    "`ledger/retry.py:13` (important, regression)\n\n`fn` is never told to close it.\n"
)


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (NONE_RESULT, HIDDEN),  # nothing but the nearness
        (NONE_RESULT + QUOTED_NONE, LEAKED + QUOTED_BLOCK),  # one quoted line, two failures
    ],
)
def test_two_lines_apart_saying_two_things_stay_two(tmp_path: Path, alpha: str, bravo: str) -> None:
    found = _found(tmp_path, alpha=_doc(alpha), bravo=_doc(bravo))
    assert sorted(f["reviewers"] for f in found) == [["Alpha"], ["Bravo"]], _credits(found)


READ = "def first_rows(path, count):\n    return open(path).read().splitlines()[1:count]\n"
TWO_IN_PROSE = _doc(
    "### Important Issues\n\n1. **Both new readers get their bounds wrong** (important, "
    "regression)\n\n`first_rows()` in `ledger/read.py` line 2 and `tail()` in "
    "ledger/tail.py line 4 both miss: the first skips a row, the second returns every row "
    "for `count=0`.\n"
)


def _two_files(tmp: Path, **seats: str) -> dict[str, list[str]]:
    found = findings_of_change(tmp, {"ledger/read.py": READ, "ledger/tail.py": TAIL}, seats)
    return {f["title"]: sorted(f["reviewers"]) for f in found}


# the same finding, its places both in its head and told at once in its text
TWO_IN_HEAD = _doc(
    "### Important Issues\n\n1. **Both new readers are off by one** — `ledger/read.py:2`, "
    "`ledger/tail.py:4` (important, regression)\n\nBoth count from the wrong end: "
    "`[1:count]` skips the first row and `lines[-count:]` returns every row for `count=0`.\n"
)
SEEN_TWICE = _doc(
    "### Important Issues\n\n1. **`first_rows` skips the first row** — "
    "`ledger/read.py:2` (important, regression)\n\nThe slice starts at index 1.\n\n"
    "2. **`tail(p, 0)` returns every row** — `ledger/tail.py:4` (important, "
    "regression)\n\n`lines[-0:]` is the whole list.\n"
)


@pytest.mark.parametrize("lumped", [TWO_IN_PROSE, TWO_IN_HEAD])
def test_a_finding_naming_two_places_is_credited_at_both(tmp_path: Path, lumped: str) -> None:
    found = _two_files(tmp_path, alpha=lumped, bravo=SEEN_TWICE)
    assert sorted(found.values()) == [["Alpha", "Bravo"]] * 2, found


@pytest.mark.parametrize(
    ("lumped", "other"),
    [
        # two lines off, the name in common
        (
            TWO_IN_PROSE,
            "**`tail` opens the file without an encoding** — `ledger/tail.py:2` (important, "
            "regression)\n\n`open(path)` decodes with the locale's encoding; pass "
            '`encoding="utf-8"`.',
        ),
        # on those lines, another failure
        (
            TWO_IN_HEAD,
            "**`tail` reads the whole file into memory** — `ledger/tail.py:2-4` (important, "
            "regression)\n\n`fh.readlines()` holds every line of a large log.",
        ),
        # on those lines, no failure named, the names in common
        (
            TWO_IN_HEAD,
            "**`tail` lacks a docstring** — `ledger/tail.py:1-4` (suggestion)\n\nSay what "
            "`lines[-count:]` gives for `count=0`.",
        ),
    ],
)
def test_a_finding_naming_two_places_credits_nothing_about_another_problem_there(
    tmp_path: Path, lumped: str, other: str
) -> None:
    found = _two_files(
        tmp_path,
        alpha=lumped,
        bravo=_doc(
            "### Important Issues\n\n1. **`first_rows` skips the first row** — "
            "`ledger/read.py:2` (important, regression)\n\nThe slice starts at index 1.\n\n"
            f"2. {other}\n"
        ),
    )
    title = other.split("**")[1]
    assert found[title] == ["Bravo"], found
