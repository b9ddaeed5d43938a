"""Through the real `deep-review review` with command seats, no lead: two reviewers at one line
of `div`, graded alike, one titling a failure ("Division by zero is not handled") the other
never mentions, title or text ("`div` returns a float for integer operands"), found two
problems there. Short bodies (a sentence or two) say too little for "explained apart"
(`claim_pairs.explained_apart`); the failure one names and the other never does is what tells
them apart (`claim_pairs.one_sided_failure`). The same failure in other words, or a title
naming no failure whose text tells that failure, is still one finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

CALC = "def div(a, b):\n    # divide a by b\n    return a / b\n"
FILES = {"calc.py": CALC}


def _doc(title: str, body: str) -> str:
    return (
        "## Executive Summary\n\nAdds `div`.\n\n## Findings\n\n### Important Issues\n\n"
        f"1. **{title}** — `calc.py:3` (important, regression)\n\n{body}\n"
    )


ZERO_BODY = "`div(1, 0)` raises ZeroDivisionError instead of reporting a bad input."
ZERO = _doc("Division by zero is not handled", ZERO_BODY)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_zero_divisor_and_a_float_result_at_one_line_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=ZERO,
        bravo=_doc(
            "`div` returns a float for integer operands",
            "`div(4, 2)` gives `2.0`, so callers indexing a list with it fail.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_float_result_first_and_a_crash_second_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=_doc(
            "`div` returns a float for integer operands",
            "`div(4, 2)` gives `2.0`; callers expecting an int break.",
        ),
        bravo=_doc(
            "A zero divisor crashes `div`",
            "Nothing checks `b` before dividing.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_zero_divisor_in_other_words_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=ZERO,
        bravo=_doc(
            "A zero divisor crashes `div`",
            "Nothing checks `b` before dividing, so `div(1, 0)` raises.",
        ),
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_title_naming_no_failure_whose_text_tells_it_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=ZERO,
        bravo=_doc(
            "`div` does not check `b`",
            "With `b` equal to 0 it raises ZeroDivisionError.",
        ),
    )
    assert got == [["Alpha", "Bravo"]], got


# tm66: the same two problems a few lines apart (the division, the value returned two lines on)
CALC_LONGER = (
    "def div(a, b):\n"  # 1
    "    # divide a by b\n"  # 2
    "    quotient = a / b\n"  # 3
    "    # callers index with it\n"  # 4
    "    return quotient\n"  # 5
)


def _doc_at(line: int, title: str, body: str) -> str:
    # each quotes the division, as reviewers quote the line they reason about
    quote = "```python\n    quotient = a / b\n```\n\n"
    return _doc(title, quote + body).replace("`calc.py:3`", f"`calc.py:{line}`")


def test_a_zero_divisor_and_a_float_result_a_few_lines_apart_stay_two(tmp_path: Path) -> None:
    found: list[dict[str, Any]] = findings_of_change(
        tmp_path,
        {"calc.py": CALC_LONGER},
        {
            "alpha": _doc_at(3, "Division by zero is not handled", ZERO_BODY),
            "bravo": _doc_at(
                5,
                "`div` returns a float for integer operands",
                "`div(4, 2)` gives `2.0`, so callers indexing a list with it fail.",
            ),
        },
    )
    got = sorted(sorted(f["reviewers"]) for f in found)
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_zero_divisor_in_other_words_a_few_lines_apart_is_one(tmp_path: Path) -> None:
    found: list[dict[str, Any]] = findings_of_change(
        tmp_path,
        {"calc.py": CALC_LONGER},
        {
            "alpha": _doc_at(3, "Division by zero is not handled", ZERO_BODY),
            "bravo": _doc_at(
                5,
                "A zero divisor crashes `div`",
                "Nothing checks `b` before dividing, so `div(1, 0)` raises.",
            ),
        },
    )
    got = sorted(sorted(f["reviewers"]) for f in found)
    assert got == [["Alpha", "Bravo"]], got
