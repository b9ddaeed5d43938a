"""Round 2: a seat's reference to a prior finding by the ID its prompt gave it ("once I1 is
settled") follows that finding into this round's report (`round 1's I1 (now I2)`), and never
names this report's finding of the same ID (trial47a #8). A seat's own IDs stay its own. All
through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, run_round, stored

# Round 1's I1 (zero divisor) is still open; the seat raises a new critical C1 and an important
# I1 of its own, whose fix and the Testing Assessment name round 1's I1 by its prompt ID... and
# its own I1 by its own.
ROUND2 = (
    NO_FINDINGS.format(summary="A new overflow; the divisor is still unchecked.")
    .replace(
        "### Important Issues\n\nNone.",
        "### Important Issues\n\n"
        "I1. **`mul` overflows on huge ints** — `calc.py:9` (important, regression)\n\n"
        "`mul` multiplies unbounded inputs.\n\n"
        "Fix: cap the inputs once I1 is settled.",
    )
    .replace(
        "### Suggestions\n\nNone.",
        "### Suggestions\n\nNone.\n\n## Testing Assessment\n\n"
        "No test for the zero divisor: I1 is still open.",
    )
    + "\n## Fix Verdicts\n\n- I1: not fixed — `calc.py:3` still divides by b\n"
)


def _second_round(tmp_path: Path, review: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, second["review_id"], ".json"))
    return data


def test_a_prior_id_in_a_seats_text_follows_the_prior_finding(tmp_path: Path) -> None:
    # This seat's own I1 is `mul`: "once I1 is settled" is its own I1, which stays the seat's.
    data = _second_round(tmp_path, ROUND2)
    by_title = {f["title"]: f for f in data["findings"]}
    carried = by_title["Division by zero is not handled"]
    assert carried["carry_forward"] == "Round 1 I1, not fixed"
    assert by_title["`mul` overflows on huge ints"]["fix"].startswith("cap the inputs once I")


def test_a_prior_id_the_seat_has_no_finding_for_is_renamed(tmp_path: Path) -> None:
    review = ROUND2.replace("I1. **`mul`", "I2. **`mul`")
    data = _second_round(tmp_path, review)
    by_title = {f["title"]: f for f in data["findings"]}
    now = by_title["Division by zero is not handled"]["id"]
    mul = by_title["`mul` overflows on huge ints"]
    assert now != "I1" or mul["id"] != "I1"
    assert mul["fix"] == f"cap the inputs once round 1's I1 (now {now}) is settled."
    testing = " ".join([data["testing"]["intro"], *data["testing"]["items"]])
    assert f"round 1's I1 (now {now}) is still open" in testing


@pytest.mark.parametrize("own", ["I1", "I2"])
def test_a_prior_id_that_names_its_round_is_followed_not_renamed(tmp_path: Path, own: str) -> None:
    # "I1 of round 1" says which I1 it means: never "round 1's I1 (now …) of round 1", and never
    # the seat's own I1 (`mul`) when it has one (trial 52 #8)
    review = (
        ROUND2.replace("I1. **`mul`", f"{own}. **`mul`")
        .replace("once I1 is settled", "once I1 of round 1 is settled")
        .replace("I1 is still open", "I1 from round 1 is still open")
    )
    data = _second_round(tmp_path, review)
    by_title = {f["title"]: f for f in data["findings"]}
    now = by_title["Division by zero is not handled"]["id"]
    mul = by_title["`mul` overflows on huge ints"]
    assert mul["id"] != now
    assert mul["fix"] == f"cap the inputs once I1 of round 1 (now {now}) is settled."
    testing = " ".join([data["testing"]["intro"], *data["testing"]["items"]])
    assert f"I1 from round 1 (now {now}) is still open" in testing
    assert "round 1's" not in testing + mul["fix"]
