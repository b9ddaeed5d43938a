"""A seat's two Testing Assessment items about one function are two scenarios, never one.

Short scenario items naming the same single function ("`slugify` given an empty title",
"`slugify` given a title already lower case") share that name and most of their few words, so
the rule that merges two seats' statements that say the same took them for one, and the report
lost a scenario the seat had named. A seat's own items are things it told apart: only items of
different seats merge, and another seat's item joins the one of them it is most like.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.consolidating import consolidate_reviews

_FINDINGS = (
    "## Executive Summary\n\nAdds `slugify`.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n\n## Testing Assessment\n\n"
)
EMPTY = "`slugify` given an empty title."
LOWER = "`slugify` given a title that is already lower case."


def _reviews(testing: dict[str, list[str]]) -> dict[str, str]:
    return {
        seat: _FINDINGS + "".join(f"{n}. {item}\n" for n, item in enumerate(items, 1))
        for seat, items in testing.items()
    }


def _said(tmp_path: Path, testing: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    report = json.loads(consolidate_reviews(tmp_path, _reviews(testing), "json"))["testing"]
    assert report["intro"] == ""
    return list(zip(report["items"], report["item_reviewers"], strict=True))


def test_one_seats_two_scenarios_stay_two_and_other_seats_join_each(tmp_path: Path) -> None:
    testing = {
        "able": [EMPTY, LOWER],
        "dune": ["Nothing checks `slugify` with an empty title string."],
        "kite": ["No test gives `slugify` a title already in lower case."],
    }
    said = _said(tmp_path, testing)
    assert said == [
        ("Nothing checks `slugify` with an empty title string.", ["Able", "Dune"]),
        ("No test gives `slugify` a title already in lower case.", ["Able", "Kite"]),
    ]

    md = consolidate_reviews(tmp_path, _reviews(testing), "md").split("## Appendix", 1)[0]
    section = md.split("## Testing Assessment", 1)[1].split("\n---", 1)[0].strip()
    assert section == (
        "1. Nothing checks `slugify` with an empty title string. [Able, Dune]\n"
        "2. No test gives `slugify` a title already in lower case. [Able, Kite]"
    )

    html = consolidate_reviews(tmp_path, _reviews(testing), "html")
    part = html.split('<section id="testing">', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", part, re.DOTALL)
    assert len(items) == 2
    assert "empty title" in items[0] and "lower case" not in items[0]
    assert "lower case" in items[1] and "empty" not in items[1]


def test_a_lone_seats_two_scenarios_stay_two(tmp_path: Path) -> None:
    assert _said(tmp_path, {"able": [EMPTY, LOWER]}) == [(EMPTY, ["Able"]), (LOWER, ["Able"])]


def test_another_seats_item_joins_the_scenario_it_is_most_like(tmp_path: Path) -> None:
    # the lone item says the same as either scenario by the merge's measure, but it is the
    # second one; the first in the seat's list must not take it for being first
    said = _said(
        tmp_path, {"able": ["`slugify` given a lower-case title."], "kite": [EMPTY, LOWER]}
    )
    assert said == [(LOWER, ["Able", "Kite"]), (EMPTY, ["Kite"])]


def test_two_seats_saying_one_scenario_in_other_words_are_one_item(tmp_path: Path) -> None:
    said = _said(
        tmp_path,
        {"able": [EMPTY], "dune": ["Nothing checks `slugify` with an empty title string."]},
    )
    assert said == [("Nothing checks `slugify` with an empty title string.", ["Able", "Dune"])]
