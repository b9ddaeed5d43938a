"""A list mixing items led by their place (`- `calc.py:5` — …`) with an item that names no
place at all (`- The README does not mention …`): the placed items are findings, the
placeless problem a finding with no place, and a placeless remark that names no problem is
dropped; the review is never "findings text not read" because one item has no file.

Tried as a new user would: such a list was counted whole as findings text not read, its two
placed problems lost with it.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "A few notes on the change:\n\n"
    "- `calc.py:5` — `sub` ignores its second argument, so every subtraction is wrong.\n"
    "- The README does not mention the new `sub` helper.\n"
    "- `util/strings.py:2` — `shout` crashes with `AttributeError` on `None`.\n"
)


def test_placed_items_are_findings_and_the_placeless_one_too(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = sorted(
        (f["locations"][0]["path"] if f["locations"] else "", f["title"])
        for f in report["findings"]
    )
    assert got == [
        ("", "The README does not mention the new `sub` helper"),
        ("calc.py", "`sub` ignores its second argument, so every subtraction is wrong"),
        ("util/strings.py", "`shout` crashes with `AttributeError` on `None`"),
    ]


def test_a_placeless_remark_is_no_finding() -> None:
    text = (
        "## Findings\n\n- `calc.py:5` — `sub` ignores its second argument, which is wrong.\n"
        "- Nice, readable naming throughout.\n"
        "- The README does not mention the new `sub` helper.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert [(f.title, bool(f.locations)) for f in review.findings] == [
        ("`sub` ignores its second argument, which is wrong", True),
        ("The README does not mention the new `sub` helper", False),
    ]


def test_a_placeless_problem_first_in_the_list_is_kept() -> None:
    text = (
        "Notes:\n\n- The README does not mention the new `sub` helper.\n"
        "- `calc.py:5` — `sub` ignores its second argument, so every subtraction is wrong.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert [(f.title, [str(loc) for loc in f.locations]) for f in review.findings] == [
        ("The README does not mention the new `sub` helper", []),
        ("`sub` ignores its second argument, so every subtraction is wrong", ["calc.py:5"]),
    ]


def test_a_placeless_bold_item_is_no_text_of_the_one_above(tmp_path: Path) -> None:
    text = (
        "## Issues\n\n"
        "- **Wrong difference** (`calc.py:5`): `sub` ignores its second argument.\n"
        "- **Missing docs**: the README does not mention the new `sub` helper.\n"
    )
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [(f["title"], f["body"], bool(f["locations"])) for f in report["findings"]]
    assert sorted(got) == [
        ("Missing docs", "the README does not mention the new `sub` helper.", False),
        ("Wrong difference", "`sub` ignores its second argument.", True),
    ]


def test_a_plain_numbered_item_keeps_the_list_going(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n"
        "1. **Wrong difference** (`calc.py:5`) — `sub` ignores its second argument.\n"
        "2. The README does not mention the new `sub` helper.\n"
        "3. Nice, small change otherwise.\n"
        "4. **Crash on `None`** (`util/strings.py:2`) — `shout` raises `AttributeError`.\n"
    )
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [(f["title"], f["body"].rstrip("."), bool(f["locations"])) for f in report["findings"]]
    assert sorted(got) == [
        ("Crash on `None`", "`shout` raises `AttributeError`", True),
        ("The README does not mention the new `sub` helper", "", False),
        ("Wrong difference", "`sub` ignores its second argument", True),
    ]
