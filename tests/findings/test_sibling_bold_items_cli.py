"""A list item like the finding before it (a bold title at the same margin) is a finding of its
own even with no place, not the text of the finding above.

Tried as a new user would: under `## Findings`, `- **`sub` ignores its second argument** —
`calc.py:5`. …` then `- **`shout` has no docstring**: callers cannot tell what it does.` gave
one finding whose text went on with the second one: a finding lost, its words in another's.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

_FIRST = "- **`sub` ignores its second argument** — `calc.py:5`. It returns `a` alone.\n"


def test_a_sibling_bold_item_without_a_place_is_a_finding(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n"
        + _FIRST
        + "- **`shout` has no docstring**: callers cannot tell what it does.\n"
    )
    _, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [(f["title"], f["body"]) for f in report["findings"]]
    assert got == [
        ("`sub` ignores its second argument", "It returns `a` alone."),
        ("`shout` has no docstring", "callers cannot tell what it does."),
    ]


def test_field_items_after_a_finding_stay_its_fields(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n"
        + _FIRST
        + "- **Impact:** every caller gets the wrong difference.\n"
        + "- **Fix:** return `a - b`.\n"
    )
    _, _, report = review_printed(tmp_path, {"alpha": text})
    [finding] = report["findings"]
    assert finding["fix"].startswith("return `a - b`"), finding
