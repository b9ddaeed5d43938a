"""`Round N Fix Verdicts` sections as seats write them: bullets, tables, bold IDs."""

from __future__ import annotations

import pytest

from deepreview.model import SeatFixVerdict
from deepreview.rounds.verdicts import consolidate, parse_fix_verdicts, read_fix_verdicts

REVIEW = """## Findings

### Important Issues

I1. **A new problem** — `x.py:1` (important, regression)

## Round 3 Fix Verdicts

- I1: fixed — `calc.py:3` guards the zero divisor now
- **I2** — Partially Fixed: `io.py:10` closes the file but not on error
| C1 | not fixed | `db.py:40` still builds SQL by string |
- S4 no longer applies (the function was removed)
- I9 looked at it, unclear

## Coverage Summary

- calc.py — I1
"""


def test_each_line_shape_gives_id_verdict_and_evidence() -> None:
    assert parse_fix_verdicts(REVIEW) == {
        "I1": ("fixed", "`calc.py:3` guards the zero divisor now"),
        "I2": ("partially fixed", "`io.py:10` closes the file but not on error"),
        "C1": ("not fixed", "`db.py:40` still builds SQL by string"),
        "S4": ("no longer applies", "(the function was removed)"),
    }


def test_no_section_means_no_verdicts() -> None:
    assert parse_fix_verdicts("## Findings\n\nI1: fixed\n") == {}


def test_disagreement_keeps_the_least_optimistic_verdict() -> None:
    seats = (SeatFixVerdict("A", "fixed"), SeatFixVerdict("B", "partially fixed"))
    assert consolidate(seats) == ("partially fixed", True)
    assert consolidate((SeatFixVerdict("A", "fixed"),)) == ("fixed", False)
    assert consolidate(()) == (None, False)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("- I1: not yet fixed — `calc.py:6` still returns b - a", "not fixed"),
        ("- I1: isn't fixed", "not fixed"),
        ("- I1: is not fixed", "not fixed"),
        ("- I1: not properly fixed", "not fixed"),
        ("- I1: **not** fixed", "not fixed"),
        ("- I1: Fixed? No. Still b - a", "not fixed"),
        ("- I1: not fully fixed", "partially fixed"),
        ("| I1 | Fixed-size buffer overflows | not fixed | still copies |", "not fixed"),
        ("| I1 | Fixed buffer overflows | not fixed | still copies |", "not fixed"),
        ("- I1 (Fixed buffer overflows): still present", "not fixed"),
        ("| **I1** | ❌ Still present | `calc.py:6` |", "not fixed"),
        ("- I1: Unfixed", "not fixed"),
        ("- I1: remains", "not fixed"),
        ("- I1: still open", "not fixed"),
        ("- I1: not addressed", "not fixed"),
        ("- I1: resolved", "fixed"),
        ("- I1: addressed", "fixed"),
        ("| I1 | ✅ Fixed | ok |", "fixed"),
        ("- I1: Fixed? Yes.", "fixed"),
        ("- I1: no longer applies", "no longer applies"),
    ],
)
def test_negations_synonyms_and_titles(line: str, word: str) -> None:
    text = f"## Round 2 Fix Verdicts\n\n{line}\n"
    got = parse_fix_verdicts(text, {"I1": "Fixed buffer overflows"})
    assert got["I1"][0] == word


def test_a_verdict_column_is_read_before_the_title() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n| ID | Title | Verdict | Evidence |\n|---|---|---|---|\n"
        "| I1 | Fixed width columns | still present | `t.py:3` |\n"
    )
    assert parse_fix_verdicts(text)["I1"][0] == "not fixed"


def test_a_line_that_starts_with_an_id_but_cannot_be_read_is_unreadable() -> None:
    text = "## Round 2 Fix Verdicts\n\n- I1: looked at it twice\n- see I2 above\n"
    assert read_fix_verdicts(text) == ({}, {"I1": "I1: looked at it twice"})


# Lines a person reads as "not (yet) shown fixed": a hedge, a question, a struck-out word, a
# fix that regressed, a fix with an exception. None of them may close a finding.
NEVER_FIXED = [
    ("- I1: fixed?", None),
    ("- I1: Fixed? Not really.", "not fixed"),
    ("- I1: ~~fixed~~ not fixed", "not fixed"),
    ("- I1: ~~fixed~~", None),
    ("- I1: ~~Fixed~~ — still swaps the operands", None),
    ("| I1 | ~~fixed~~ |", None),
    ("- I1: was fixed, then regressed", "not fixed"),
    ("- I1: previously fixed; the bug came back in abc123", "not fixed"),
    ("- I1: fixed, but reintroduced by the last commit", "not fixed"),
    ("- I1: fixed, then reverted", "not fixed"),
    ("- I1: FIXED (but regressed later)", "not fixed"),
    ("- I1: fixed in code but not in docs", "partially fixed"),
    ("- I1: fixed, but a test is still missing", "partially fixed"),
    ("- I1: fixed only for positive numbers", "partially fixed"),
    ("- I1: fixed except for the negative case", "partially fixed"),
    ("- I1: fixed the symptom, not the cause", "partially fixed"),
    ("- I1: fixed — in part", "partially fixed"),
    ("- I1: fixed, mostly", "partially fixed"),
    ("- I1: mostly fixed", "partially fixed"),
    ("- I1: almost fixed", "partially fixed"),
    ("- I1: fixed: partially", "partially fixed"),
    ("- I1: half-done", "partially fixed"),
    ("- I1: fixed (needs a test)", "partially fixed"),
    ("- I1: fixed, follow-up needed for the docs", "partially fixed"),
    ("| I1 | fixed (partly) |", "partially fixed"),
    ("- I1: incorrectly fixed", "not fixed"),
    ("- I1: fixed incorrectly", "not fixed"),
    ("- I1: fixed in the wrong place", "not fixed"),
    ("- I1: fixed — no, the operands are still swapped", "not fixed"),
    ("- I1: fixed (no)", "not fixed"),
    ("- I1: Nope — fixed only in add()", "not fixed"),
    ("- I1: fixed ❌", "not fixed"),
    ("- I1: 🚫 fixed", "not fixed"),
    ("- I1: seems fixed", None),
    ("- I1: probably fixed", None),
    ("- I1: appears to be fixed but I could not verify", None),
    ("- I1: might be fixed", None),
    ("- I1: should be fixed by the next commit", None),
    ("- I1: will be fixed in a follow-up", None),
    ("- I1: needs to be fixed", None),
    ("- I1: claimed fixed by the author", None),
    ("- I1: supposedly fixed", None),
    ("- I1: 🤔 fixed?", None),
    ("- I1: unverified — fixed per the commit message", None),
    ("- I1: can't verify it's fixed", None),
    ("- I1: unclear whether fixed", None),
    ("- I1: fixed in theory", None),
    ("- I1: fixed, I think", None),
    ("- I1: done? no", "not fixed"),
    ("| I1 | Fixed? | no |", "not fixed"),
    ("- I1: no longer applies? not sure", None),
    ("- I1: obsolete, but the same bug moved to util.py", "partially fixed"),
]


@pytest.mark.parametrize(("line", "word"), NEVER_FIXED)
def test_mixed_hedged_or_struck_verdicts_never_close(line: str, word: str | None) -> None:
    parsed, unreadable = read_fix_verdicts(f"## Round 2 Fix Verdicts\n\n{line}\n")
    got = parsed["I1"][0] if "I1" in parsed else None
    assert got == word, line
    if word is None:
        assert "I1" in unreadable, line


@pytest.mark.parametrize(
    "line",
    [
        "- I1: fixed — `calc.py:3` now returns 0.0 for a zero divisor",
        "- I1: fixed; no division by zero any more",
        "- I1: Fixed? Yes.",
        "| I1 | ✅ Fixed | `calc.py:3` guards b == 0 |",
        "- I1: resolved — `calc.py:3` uses Decimal now",
        "- I1: addressed in `calc.py:3`",
        "- I1: done",
        "- I1: **fixed** — the check is in place",
        "- I1: fixed — added a regression test for the wrong value",
        "- I1: fixed — returns 0.0 if b is zero",
        "- I1: fixed — only one call site needed the guard",
        "- I1: fixed — the token is no longer printed",
        "- I1: fixed — uses Decimal, not float",
        "- I1: fixed — tests still pass",
    ],
)
def test_a_plain_fixed_still_reads_fixed(line: str) -> None:
    assert parse_fix_verdicts(f"## Round 2 Fix Verdicts\n\n{line}\n")["I1"][0] == "fixed"


@pytest.mark.parametrize(
    ("header", "row", "word"),
    [
        ("| Finding | Status |", "| I1 | partly fixed, test still missing |", "partially fixed"),
        ("| Finding | Outcome |", "| I1 | fixed in code but not in docs |", "partially fixed"),
        ("| Finding | Assessment | Evidence |", "| I1 | Fixed? not really | line 6 |", "not fixed"),
        # The verdict column says nothing readable: the other cells are not read in its place.
        ("| Finding | Summary | Verdict |", "| I1 | Fixed the guard | unsure |", None),
        ("| Finding | Fixed? |", "| I1 | No |", "not fixed"),
        ("| Finding | Fixed in round 2? |", "| I1 | Partly |", "partially fixed"),
        ("| Finding | Fixed? |", "| I1 | Yes |", "fixed"),
    ],
)
def test_fix_verdict_tables_read_their_verdict_column_only(
    header: str, row: str, word: str | None
) -> None:
    text = f"## Round 2 Fix Verdicts\n\n{header}\n|---|---|\n{row}\n"
    parsed, unreadable = read_fix_verdicts(text)
    assert (parsed["I1"][0] if "I1" in parsed else None) == word
    if word is None:
        assert "I1" in unreadable


def test_the_seats_own_words_are_kept_with_the_reading() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n- **I1**: still present — swaps the operands on line 6\n"
        "| I2 | Slow loop | ✅ Fixed | `loop.py:3` |\n"
    )
    parsed, _ = read_fix_verdicts(text, {"I2": "Slow loop"})
    assert parsed["I1"] == (
        "not fixed",
        "swaps the operands on line 6",
        "still present — swaps the operands on line 6",
    )
    assert parsed["I2"][0] == "fixed"
    assert parsed["I2"][2] == "Slow loop | ✅ Fixed | `loop.py:3`"


def test_no_longer_applies_in_a_verdict_column_is_not_a_no() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n| Finding | Verdict |\n|---|---|\n| I1 | No longer applies |\n"
    )
    assert parse_fix_verdicts(text)["I1"][0] == "no longer applies"


def test_a_later_less_optimistic_line_takes_an_earlier_fixed_back() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n- I1: fixed\n- I2: not fixed\n- I3: ✅ Fixed ⚠️\n\n"
        "Looking again:\n\n- I1: actually not fixed, it regressed in the last commit\n"
        "- I2: fixed\n"
    )
    got = parse_fix_verdicts(text)
    assert {k: word for k, (word, _) in got.items()} == {
        "I1": "not fixed",
        "I2": "not fixed",
        "I3": "partially fixed",
    }


def test_an_item_is_read_with_the_lines_that_continue_it() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n- I1: fixed.\n\n  Looking again, it regressed in abc123.\n"
        "- I2: fixed —\n  `calc.py:9` now checks the bound\n"
        "  - I3: not fixed\n"
    )
    parsed, _ = read_fix_verdicts(text)
    assert parsed["I1"][0] == "not fixed"
    assert parsed["I2"] == (
        "fixed",
        "`calc.py:9` now checks the bound",
        "fixed — `calc.py:9` now checks the bound",
    )
    assert parsed["I3"][0] == "not fixed"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("- Not fixed: I1, I2", {"I1": "not fixed", "I2": "not fixed"}),
        ("- **Still open:** I1 and I2", {"I1": "not fixed", "I2": "not fixed"}),
        ("Partially fixed — I1 (docs missing)", {"I1": "partially fixed"}),
        ("- Fixed: I1, I2", {"I1": "fixed", "I2": "fixed"}),
        ("- Fixed: I1, but I2 still open", {"I1": "fixed", "I2": "not fixed"}),
        ("- I1, I2 and I3: not fixed", {"I1": "not fixed", "I2": "not fixed", "I3": "not fixed"}),
        ("- I1 (the bug I2 hides): fixed", {"I1": "fixed"}),
        ("- Seems fixed: I1", {}),
        ("| I1 | Fix for I2 | fixed |", {"I1": "fixed"}),
    ],
)
def test_a_verdict_before_its_ids_is_read_for_each_id(line: str, words: dict[str, str]) -> None:
    parsed, unreadable = read_fix_verdicts(f"## Round 2 Fix Verdicts\n\n{line}\n")
    assert {k: word for k, (word, _, _) in parsed.items()} == words
    if not words:
        assert "I1" in unreadable


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("| I1 | ✅ |", "fixed"),
        ("- I1: ✅", "fixed"),
        ("- I1: ✅ (but see I2)", "partially fixed"),
        ("| I1 | ❌ |", "not fixed"),
        ("- I1: ❌ `calc.py:3`", "not fixed"),
    ],
)
def test_a_mark_alone_is_a_verdict(line: str, word: str) -> None:
    assert parse_fix_verdicts(f"## Round 2 Fix Verdicts\n\n{line}\n")["I1"][0] == word


# Headings and bold labels seats give their verdicts section in their own words.
SECTION_NAMES = [
    "## Round 4 Fix Verdicts",
    "## Fix Verdicts",
    "## Fix Verdicts (Round 4)",
    "## Round 4 — Fix Verdicts",
    "## Round 4: Fix Verdicts",
    "## Round-4 Fix Verdicts",
    "## Round 4 Fix Verdict",
    "## Round 4 fix-verdicts",
    "### Verdicts on prior findings",
    "## Previous findings: status",
    "**Fix verdicts:**",
    "**Round 4 Fix Verdicts**",
]


@pytest.mark.parametrize("heading", SECTION_NAMES)
def test_a_verdicts_section_is_found_under_the_seats_own_heading(heading: str) -> None:
    text = f"## Findings\n\nNone.\n\n{heading}\n\n- S1: not fixed — no test yet\n- I2: fixed\n"
    got = parse_fix_verdicts(text)
    assert {k: w for k, (w, _) in got.items()} == {"S1": "not fixed", "I2": "fixed"}


def test_the_reviews_own_verdict_heading_is_not_a_verdicts_section() -> None:
    text = "## Round 2 Fix Verdicts\n\n- I1: not fixed\n\n## Verdict (round 2)\n\nRework.\n"
    assert parse_fix_verdicts(text)["I1"][0] == "not fixed"


def test_a_findings_own_heading_naming_fix_verdicts_is_not_the_section() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n- I1: not fixed\n\n## Findings\n\n"
        "#### I2. Fix verdicts are ignored — `v.py:3` (important, bug)\n\nThey are.\n"
    )
    assert parse_fix_verdicts(text)["I1"][0] == "not fixed"


def test_a_status_column_under_verdicts_on_prior_findings_is_read() -> None:
    text = (
        "## Coverage Summary\n\n| File | Status |\n|---|---|\n| `calc.py` | Reviewed |\n\n"
        "## Verdicts on prior findings\n\n| ID | Status | Evidence |\n|----|----|----|\n"
        "| S1 | Not fixed | no test added |\n| I2 | Fixed | `calc.py:3` |\n"
    )
    got = parse_fix_verdicts(text)
    assert {k: w for k, (w, _) in got.items()} == {"S1": "not fixed", "I2": "fixed"}


def test_a_bold_label_with_the_verdict_on_its_own_line_is_read() -> None:
    assert parse_fix_verdicts("**Fix verdicts:** I1: not fixed\n")["I1"][0] == "not fixed"


@pytest.mark.parametrize(
    "text",
    [
        "## Notes for round 4\n\n- S1: fixed — calc.py:9 has a test\n",
        "## Follow-up\n\n| S1 | fixed |\n",
        "## Findings\n\nNone.\n\n## Summary\n\n**S1** — fixed\n",
    ],
)
def test_verdict_lines_in_a_section_that_is_not_known_stay_unreadable(text: str) -> None:
    parsed, unreadable = read_fix_verdicts(text)
    assert parsed == {}
    assert list(unreadable) == ["S1"]


def test_a_seats_own_findings_are_not_verdict_lines() -> None:
    text = (
        "## Findings\n\n### Suggestions\n\nS1. **Add a test** — `calc.py:9` (suggestion, gap)\n\n"
        "- S2: see above\n\n## Coverage Summary\n\n- calc.py — S1\n"
    )
    assert read_fix_verdicts(text) == ({}, {})


# A `fixed` the rest of the line takes back (README: contrary words, restrictions, and a
# claim the seat only reports).
TAKEN_BACK = [
    ("- I1: The commit message says fixed; the code at calc.py:7 is unchanged.", "not fixed"),
    ("- I1: The commit message says fixed.", None),
    ("- I1: the author says it is fixed", None),
    ("- I1: fixed according to the PR description", None),
    ("- I1: fixed for ints, broken for floats — calc.py:7 still `b - a`", "not fixed"),
    ("- I1: fixed → no, calc.py:6 is unchanged", "not fixed"),
    ("- I1: fixed → no", "not fixed"),
    ("- I1: ✔ addressed in docs only, code untouched", "not fixed"),
    ("- I1: fixed — calc.py:7 still `b - a`", "not fixed"),
    ("- I1: fixed for ints only", "partially fixed"),
]


@pytest.mark.parametrize(("line", "word"), TAKEN_BACK)
def test_a_fixed_the_line_takes_back_does_not_close(line: str, word: str | None) -> None:
    parsed, unreadable = read_fix_verdicts(f"## Round 2 Fix Verdicts\n\n{line}\n")
    assert (parsed["I1"][0] if "I1" in parsed else None) == word, line
    if word is None:
        assert "I1" in unreadable, line


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("- I1: not fixed; I2: fixed", {"I1": "not fixed", "I2": "fixed"}),
        ("- I1: fixed in calc.py; S1: not fixed", {"I1": "fixed", "S1": "not fixed"}),
        ("I1: fixed, but S1 is not fixed", {"I1": "fixed", "S1": "not fixed"}),
        ("- I1: fixed. I2: still open", {"I1": "fixed", "I2": "not fixed"}),
        ("- I1, I2: fixed; S1: not fixed", {"I1": "fixed", "I2": "fixed", "S1": "not fixed"}),
        ("- I1: fixed, I2 was the cause", {"I1": "fixed"}),
    ],
)
def test_several_verdicts_on_one_line_are_each_ids_own(line: str, words: dict[str, str]) -> None:
    parsed, unreadable = read_fix_verdicts(f"## Round 2 Fix Verdicts\n\n{line}\n")
    assert {k: word for k, (word, _, _) in parsed.items()} == words
    assert unreadable == {}
    if "S1" in words:
        assert parsed["I1"][2] == line.split("I1", 1)[1].split(";")[0].split(", but")[0].strip(": ")
