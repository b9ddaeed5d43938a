"""Level-led items that name their place inside the sentence, as terse or local models write:

- `- [P1] web/conf.py:10 `read_conf()` runs at import…`: the place, then a title opening with code;
- `- [P2] Pool workers leak — worker/pool.go:29: a cancelled job…`: the place between the
  title and its explanation;
- `- critical: the `add` path (stats/counter.go:16) needs the lock…`: the place in parentheses
  inside the sentence, or told in words (`line 3 of stats/counter.go`);
- `**🔴 Title** (`auth/check.py:10`, used at line 14)` paragraphs: the circle inside the bold
  title is the level, and the words after the place in the parentheses do not hide the item.

Before, each of these was a finding with no place (its place left in the title), or, for the
last, no finding at all (findings text the verdict calls unread).
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _found(text: str) -> list[tuple[str, str, str]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.id, f.title, ", ".join(str(x) for x in f.locations)) for f in review.findings]


def test_a_place_then_a_title_opening_with_code() -> None:
    text = (
        "## Findings\n\n"
        "- [P1] web/conf.py:10 `read_conf()` runs at import time, so tests cannot swap the file.\n"
    )
    assert _found(text) == [
        ("I1", "`read_conf()` runs at import time, so tests cannot swap the file", "web/conf.py:10")
    ]


def test_a_bare_place_between_the_title_and_its_explanation() -> None:
    text = (
        "## Findings\n\n"
        "- [P2] Pool workers leak — worker/pool.go:29: a cancelled job never stops its goroutine.\n"
    )
    review = parse_review(text, seat="alpha")
    [f] = review.findings
    assert (f.title, [str(x) for x in f.locations]) == ("Pool workers leak", ["worker/pool.go:29"])
    assert "cancelled job never stops" in f.body


def test_a_place_in_parentheses_inside_the_sentence() -> None:
    text = (
        "Here is what I found.\n\n"
        "- critical: the `add` path in Counter (stats/counter.go:16) needs the lock; parallel "
        "calls lose counts.\n"
        "- minor: the comment on line 3 of stats/counter.go still says the counter is global.\n"
    )
    assert _found(text) == [
        (
            "C1",
            "the `add` path in Counter needs the lock; parallel calls lose counts",
            "stats/counter.go:16",
        ),
        (
            "S1",
            "the comment on line 3 of stats/counter.go still says the counter is global",
            "stats/counter.go:3",
        ),
    ]


def test_words_in_parentheses_that_name_no_place_stay_in_the_title() -> None:
    text = "## Findings\n\n- critical: the retry (as written in the handler) never stops.\n"
    assert _found(text) == [("C1", "the retry (as written in the handler) never stops", "")]


def test_two_places_in_the_sentence_are_left_to_the_reader() -> None:
    text = (
        "## Findings\n\n"
        "- critical: the writer (io/out.py:4) and the reader (io/in.py:9) disagree on the format.\n"
    )
    [(_id, title, places)] = _found(text)
    assert places == "" and "(io/out.py:4)" in title


_CIRCLES = (
    "## Findings\n\n"
    "**🔴 Token compared with `==`** (`auth/check.py:10`, used at line 14)\n"
    "The comparison's time tells how much of the token matched; use `hmac.compare_digest`.\n\n"
    "**🟡 Missing module docstring** (`auth/check.py:1`)\n"
    "Nothing says what the module checks.\n"
)


def test_a_circle_inside_the_bold_title_is_the_level() -> None:
    assert _found(_CIRCLES) == [
        ("C1", "Token compared with `==`", "auth/check.py:10, auth/check.py:14"),
        ("I1", "Missing module docstring", "auth/check.py:1"),
    ]


def test_a_cool_circle_inside_a_bold_title_without_a_place_is_no_level() -> None:
    text = "## What looks good\n\n**🟢 Clear names**\nThe helpers read well.\n"
    review = parse_review(text, seat="alpha")
    assert not review.findings


def test_the_verdict_counts_the_red_circle(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _CIRCLES})
    assert report["header"]["verdict"]["label"] == "Rework", report["header"]["verdict"]


_LEVEL_WORD_PARAGRAPHS = (
    "## Findings\n\n"
    "**Medium — Prices cached in a module-level dict** (`shop/prices.py:5-13`)\n"
    "Every caller shares it, so tests cannot reset it.\n\n"
    "**Low — No docstrings** (`shop/prices.py:8`)\n"
    "The public helpers say nothing of their units.\n\n"
    "**Suggestion: spell out `qty`** (`shop/prices.py:20`)\n"
    "Short names hide the unit.\n"
)


def test_a_level_word_inside_a_bold_paragraph_title_is_the_level() -> None:
    assert _found(_LEVEL_WORD_PARAGRAPHS) == [
        ("I1", "Prices cached in a module-level dict", "shop/prices.py:5-13"),
        ("S1", "No docstrings", "shop/prices.py:8"),
        ("S2", "spell out `qty`", "shop/prices.py:20"),
    ]


def test_a_bold_paragraph_title_without_a_level_word_keeps_its_words() -> None:
    text = _LEVEL_WORD_PARAGRAPHS.replace("**Medium — ", "**")
    assert _found(text)[0] == ("I1", "Prices cached in a module-level dict", "shop/prices.py:5-13")
