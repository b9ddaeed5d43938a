"""Through the real `deep-review review` with command seats, no lead: the evidence a careful lead
uses to join one problem told at two places (tm65). Each rule has a case that must stay apart.

- Both titles naming one failure a few lines apart in one file, graded at most one level apart
  (`nearby.same_failure_nearby`): the unset variable told at its assignment and at the command
  it empties, 7 lines below, is one; a race and an unset variable at those lines are two; the
  unset variable graded critical and suggestion is two.
- The same failure at one short place, graded one level apart (`stance.stance_bonus`): a backoff
  sleep never awaited (critical) and "no pause between attempts" (important) are one; a
  backoff with no cap at those lines is another.
- A finding with no place of its own in a one-file change that names its line in words
  ("Line 4 rounds ...") is at that line (`features._placed_in`): one with a peer's finding
  there saying the same, two with one about another line.
- Two test gaps at different lines of one test file naming the same behaviour
  (`gaps.one_gap_in_a_test_file`) are one; a weak assertion there, or a gap naming another
  behaviour, is two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change, printing_seats, stored_report
from support.repos import commit_all, git, make_repo, write

SWEEP = (
    "import os\n"  # 1
    "import shutil\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "def sweep():\n"  # 5
    '    root = os.environ.get("SCRATCH_ROOT", "")\n'  # 6
    '    keep = int(os.environ.get("KEEP_DAYS", "7"))\n'  # 7
    '    for name in os.listdir(root or "."):\n'  # 8
    '        if name.startswith("."):\n'  # 9
    "            continue\n"  # 10
    "        if keep <= 0:\n"  # 11
    "            break\n"  # 12
    "        shutil.rmtree(os.path.join(root, name))\n"  # 13
)

POLL = (
    "async function poll(fetchOnce, tries) {\n"  # 1
    "  for (let i = 0; i < tries; i++) {\n"  # 2
    "    const ok = await fetchOnce();\n"  # 3
    "    if (ok) return true;\n"  # 4
    "    const delay = 100 * 2 ** i;\n"  # 5
    "    sleep(delay);\n"  # 6
    "  }\n"  # 7
    "  return false;\n"  # 8
    "}\n"  # 9
)

FEES = (
    "def fee(amount, rate):\n"  # 1
    "    if rate > 1:\n"  # 2
    '        raise ValueError("rate is a fraction")\n'  # 3
    "    return round(amount * rate)\n"  # 4
    "\n"  # 5
    "\n"  # 6
    "def total(amount, rate):\n"  # 7
    "    return amount + fee(amount, rate)\n"  # 8
)

VAT = (
    "def vat(amount, country):\n"  # 1
    '    rates = {"DE": 0.19, "FR": 0.20}\n'  # 2
    "    return amount * rates.get(country, 0)\n"  # 3
)
VAT_TESTS = (
    "from calc.vat import vat\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def test_germany():\n"  # 4
    '    assert vat(100, "DE") == 19\n'  # 5
    "\n"  # 6
    "\n"  # 7
    "def test_france():\n"  # 8
    '    assert vat(100, "FR") == 20\n'  # 9
    "\n"  # 10
    "\n"  # 11
    "def test_small_amount():\n"  # 12
    '    assert vat(10, "DE") > 0\n'  # 13
)


def _doc(findings: str) -> str:
    return f"## Executive Summary\n\nRead the change.\n\n## Findings\n\n{findings}"


def _credited(tmp: Path, files: dict[str, str], **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, files, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


UNSET_AT_THE_COMMAND = _doc(
    "### Critical Issues\n\n1. **`sweep` deletes the working folder when `SCRATCH_ROOT` is "
    "unset** — `jobs/sweep.py:13` (critical, bug)\n\nAn empty root makes `rmtree` walk the "
    "current directory. Refuse to run without it.\n"
)


def test_one_failure_named_at_an_assignment_and_at_its_use_lines_apart_is_one(
    tmp_path: Path,
) -> None:
    got = _credited(
        tmp_path,
        {"jobs/sweep.py": SWEEP},
        alpha=UNSET_AT_THE_COMMAND,
        bravo="- [P0] jobs/sweep.py:6 — when the variable is not set the job runs against the "
        "empty string and cleans whatever folder it was started in.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_two_failures_named_at_those_lines_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"jobs/sweep.py": SWEEP},
        alpha=UNSET_AT_THE_COMMAND,
        bravo="- [P0] jobs/sweep.py:6 — two sweeps started together race on the same folders "
        "and the second one crashes.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_same_failure_graded_critical_and_suggestion_lines_apart_stays_two(
    tmp_path: Path,
) -> None:
    got = _credited(
        tmp_path,
        {"jobs/sweep.py": SWEEP},
        alpha=UNSET_AT_THE_COMMAND,
        bravo="- [P3] jobs/sweep.py:6 — nit: say in the docstring what happens when the "
        "variable is not set.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


SLEEP_NOT_AWAITED = _doc(
    "### Critical Issues\n\n1. **The backoff sleep is never awaited** — `net/poll.js:6` "
    "(critical)\n\n`sleep(delay)` returns a promise nobody waits for: every try follows the "
    "last at once.\n"
)


def test_one_failure_at_one_short_place_graded_one_level_apart_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"net/poll.js": POLL},
        alpha=SLEEP_NOT_AWAITED,
        bravo="- [P1] net/poll.js:5-6 — the delay is computed and thrown away: no pause "
        "between attempts.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_another_remark_at_that_place_graded_one_level_apart_stays_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"net/poll.js": POLL},
        alpha=SLEEP_NOT_AWAITED,
        bravo="- [P1] net/poll.js:5-6 — the exponent has no cap: the twelfth try would wait "
        "almost seven minutes.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


ROUNDS_TO_EVEN = _doc(
    "### Important Issues\n\n1. **`fee` rounds half-cents to even** — `shop/fees.py:4` "
    "(important, bug)\n\n`round` is banker's rounding: a fee of 2.5 cents becomes 2, so "
    "half the half-cents are lost.\n"
)


def _credited_one_file(tmp: Path, path: str, text: str, **seats: str) -> list[list[str]]:
    """As `_credited`, for a branch whose only change adds `path` (the demo branch's own
    changes dropped)."""
    repo = make_repo(tmp)
    git(repo, "reset", "-q", "--hard", "main")
    write(repo, path, text)
    commit_all(repo, f"Add {path}")
    printing_seats(tmp, seats)
    found: list[dict[str, Any]] = stored_report(tmp, repo, list(seats))["findings"]
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_line_named_in_words_in_a_one_file_change_is_that_files_line(tmp_path: Path) -> None:
    got = _credited_one_file(
        tmp_path,
        "shop/fees.py",
        FEES,
        alpha=ROUNDS_TO_EVEN,
        bravo="I read the fee helper.\n\n- (important) Line 4 uses banker's rounding, so "
        "every other half cent is dropped.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_line_named_in_words_beside_a_finding_about_another_line_stays_two(
    tmp_path: Path,
) -> None:
    got = _credited_one_file(
        tmp_path,
        "shop/fees.py",
        FEES,
        alpha=ROUNDS_TO_EVEN,
        bravo="I read the fee helper.\n\n- (important) Line 8 charges the fee on top even "
        "for a free order.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


NO_UNKNOWN_COUNTRY_TEST = _doc(
    "### Suggestions\n\n1. **No test covers an unknown country** — `tests/test_vat.py:4-9` "
    '(suggestion, gap)\n\nOnly DE and FR are tried; `vat(100, "XX")` silently returns 0.\n'
)


def test_one_test_gap_at_two_lines_of_one_test_file_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"calc/vat.py": VAT, "tests/test_vat.py": VAT_TESTS},
        alpha=NO_UNKNOWN_COUNTRY_TEST,
        bravo="- [P2] tests/test_vat.py:13 — every case uses a listed country; the fallback "
        "for an unknown country is never exercised.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_weak_assertion_in_that_test_file_stays_apart_from_the_gap(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"calc/vat.py": VAT, "tests/test_vat.py": VAT_TESTS},
        alpha=NO_UNKNOWN_COUNTRY_TEST,
        bravo="- [P2] tests/test_vat.py:13 — `> 0` accepts any amount for a country; assert "
        "the exact 1.9.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_two_test_gaps_naming_different_behaviours_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"calc/vat.py": VAT, "tests/test_vat.py": VAT_TESTS},
        alpha=NO_UNKNOWN_COUNTRY_TEST,
        bravo="- [P2] tests/test_vat.py:13 — no test for a negative amount: a refund's VAT is "
        "never exercised.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


# The definition and a call of one function (`nearby.definition_and_call`, read from the code
# by `code_sites`): one problem when the two say something alike, two otherwise.
MONEY = (
    "def to_pence(amount):\n"  # 1
    '    """Pounds to whole pence."""\n'  # 2
    "    return int(amount * 100)\n"  # 3
    "\n"  # 4
    "\n"  # 5
    "def basket_total(items):\n"  # 6
    "    total = 0\n"  # 7
    "    for item in items:\n"  # 8
    '        total += item["price"] * item["qty"]\n'  # 9
    "    return total\n"  # 10
    "\n"  # 11
    "\n"  # 12
    "def charge(items, card):\n"  # 13
    "    pence = to_pence(basket_total(items))\n"  # 14
    "    return card.debit(pence)\n"  # 15
)
CUTS_THE_FRACTION = _doc(
    "### Important Issues\n\n1. **`to_pence` cuts the fraction instead of rounding** — "
    "`shop/money.py:1-3` (important, bug)\n\n`int(amount * 100)` drops what a binary float "
    "lost: `to_pence(0.29)` is 28.\n"
)


def test_a_function_and_a_line_calling_it_saying_one_thing_are_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"shop/money.py": MONEY},
        alpha=CUTS_THE_FRACTION,
        bravo="- [P1] shop/money.py:14 — the card is debited a penny short for prices like "
        "0.29: the product is cut with `int`, not rounded.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_another_remark_at_the_line_calling_it_stays_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"shop/money.py": MONEY},
        alpha=CUTS_THE_FRACTION,
        bravo="- [P1] shop/money.py:14 — `card.debit` gets no currency, so the provider "
        "assumes dollars.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


UNITS = (
    "def parse_size(text):\n"  # 1
    '    """\'10k\' -> 10000 bytes."""\n'  # 2
    '    if text.endswith("k"):\n'  # 3
    "        return int(text[:-1]) * 1000\n"  # 4
    "    return int(text)\n"  # 5
)
LIMITS = (
    "from lib.units import parse_size\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def too_big(body, limit_text):\n"  # 4
    "    limit = parse_size(limit_text)\n"  # 5
    "    return len(body) > limit\n"  # 6
)
REJECTS_UPPER_CASE = _doc(
    "### Important Issues\n\n1. **`parse_size` rejects an upper-case unit** — "
    '`lib/units.py:3-5` (important, bug)\n\n`parse_size("10K")` falls through to `int` and '
    "raises `ValueError`; lower-case the text first.\n"
)


def test_a_function_and_its_caller_in_another_file_saying_one_thing_are_one(
    tmp_path: Path,
) -> None:
    got = _credited(
        tmp_path,
        {"lib/units.py": UNITS, "upload/limits.py": LIMITS},
        alpha=REJECTS_UPPER_CASE,
        bravo="- [P1] upload/limits.py:5 — a limit written `10K` in the config raises "
        "`ValueError` here and every upload fails.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_another_remark_beside_the_call_in_another_file_stays_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"lib/units.py": UNITS, "upload/limits.py": LIMITS},
        alpha=REJECTS_UPPER_CASE,
        bravo="- [P1] upload/limits.py:6 — `len(body)` counts characters, not bytes, for a "
        "text body.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got
