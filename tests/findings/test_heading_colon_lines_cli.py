"""Through the real `deep-review review --lead none`: a heading that names a second place of
the same file by its lines alone, colon kept (`` `app/rates.py:2-3`, `:9-10` ``), places the
finding at both. Read as text, the `:9-10` opened the explanation and the finding lost the
place where another reviewer put the same problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

RATES = "".join(f"line_{n} = {n}\n" for n in range(1, 13))

TWO_PLACES = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Two error messages name the wrong field** — `app/rates.py:2-3`, `:9-10` "
    "(suggestion, regression)\n\n"
    "The first message blames the currency when the amount is missing; the second, at the "
    "rate table, says `rate` when the `rate_table` entry is empty.\n"
)


def _found(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    return findings_of_change(tmp, {"app/rates.py": RATES}, seats)


def test_colon_lines_after_a_place_are_more_lines_of_that_file(tmp_path: Path) -> None:
    (finding,) = _found(tmp_path, alpha=TWO_PLACES)
    places = [(p["path"], p["start"], p["end"]) for p in finding["locations"]]
    assert places == [("app/rates.py", 2, 3), ("app/rates.py", 9, 10)], places
    assert not finding["body"].lstrip().startswith("`:9-10`"), finding["body"][:80]


def test_the_second_place_meets_another_reviewer_there(tmp_path: Path) -> None:
    got = _found(
        tmp_path,
        alpha=TWO_PLACES,
        bravo="## Findings\n\n### Suggestions\n\n"
        "S1. **Empty `rate_table` entry reported as a bad `rate`** — `app/rates.py:9-10` "
        "(suggestion, gap)\n\nAn empty `rate_table` entry yields a message about `rate`, "
        "which sends the user to the wrong field.\n",
    )
    assert sorted(sorted(f["reviewers"]) for f in got) == [["Alpha", "Bravo"]], got
