"""A place with its line after a colon closing the title is the finding's place, not its title.

Tried as a new user would: `### I1. `sub` ignores its second argument: `calc.py:5`` was placed
at `calc.py:5` but kept the place in its title, so the report printed it twice
(`**… argument: `calc.py:5`** — `calc.py:5``), where `… in `calc.py:5`` and `… — `calc.py:5``
were cut.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed


def test_a_place_after_a_colon_leaves_the_title(tmp_path: Path) -> None:
    text = (
        "## Important Issues\n\n"
        "### I1. `sub` ignores its second argument: `calc.py:5`\n\nIt returns `a` alone.\n\n"
        "## Suggestions\n\n"
        "### S1. Prefer a clearer name than `shout`: `yell`\n\nIt reads as an order.\n"
    )
    _, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [
        (f["title"], [(loc["path"], loc["start"]) for loc in f["locations"]])
        for f in report["findings"]
    ]
    assert got == [
        ("`sub` ignores its second argument", [("calc.py", 5)]),
        # code after the colon that is no place with a line is the title's own
        ("Prefer a clearer name than `shout`: `yell`", []),
    ]
