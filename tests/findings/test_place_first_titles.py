"""A finding's title is never just its place (trial 53).

- `- **I1** `a.py:3` — the loop never ends.`: the place right after the ID used to be the title
  and the words only the body;
- `- **S2** — consider `x`. See [a.py](a.py#L3).`: the title kept the dash and lost the link's
  word;
- a finding merged from several seats took the text member's title even when that was only a
  place, and the other seats' titles were gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.model import Finding, Location
from support.printing_seats import printing_seats, stored_report
from support.repos import commit_all, make_repo, write

SPACED = "lib dir/naïve.py"


def _findings(section: str) -> list[Finding]:
    review = f"## Findings\n\n### Important Issues\n\n{section}\n"
    return list(parse_review(review, seat="beta").findings)


@pytest.mark.parametrize(
    ("item", "title", "place"),
    [
        (
            "- **I1** `calc.py:13-17` — `mul` returns 0 for a negative multiplier.",
            "`mul` returns 0 for a negative multiplier",
            Location("calc.py", 13, 17),
        ),
        (
            f"- **I2** `{SPACED}:2` — dividing by zero at import crashes every importer.",
            "dividing by zero at import crashes every importer",
            Location(SPACED, 2),
        ),
        (
            "I3. `calc.py:9`: `sub` lacks a docstring",
            "`sub` lacks a docstring",
            Location("calc.py", 9),
        ),
    ],
)
def test_an_id_then_a_place_then_the_title(item: str, title: str, place: Location) -> None:
    [f] = _findings(item)
    assert (f.title, f.locations) == (title, (place,))


def test_a_dash_before_the_title_and_a_link_inside_it() -> None:
    item = "- **S2** — consider `math.prod`. See [calc.py](calc.py#L13-L17)."
    [f] = _findings(item)
    assert f.title == "consider `math.prod`. See calc.py"
    assert f.locations == (Location("calc.py", 13, 17),)


def _review(tmp_path: Path, seats: dict[str, str]) -> dict[str, Any]:
    repo = make_repo(tmp_path)
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n" + "\n" * 10 + "# end\n")
    commit_all(repo, "Grow calc.py")
    printing_seats(tmp_path, seats)
    return stored_report(tmp_path, repo, list(seats))


def test_a_place_first_finding_merged_with_another_keeps_a_real_title(tmp_path: Path) -> None:
    terse = (
        "## Findings\n\n### Important Issues\n\n"
        "- **I1** `calc.py:2` — `add` drops the carry when both are large.\n"
    )
    alpha = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **`add` drops the carry** — `calc.py:2` (important, regression)\n\n"
        "`a + b` overflows.\n"
    )
    report = _review(tmp_path, {"terse": terse, "alpha": alpha})
    [merged] = report["findings"]
    assert len(merged["reviewers"]) == 2
    assert merged["title"] in ("`add` drops the carry", "`add` drops the carry when both are large")
