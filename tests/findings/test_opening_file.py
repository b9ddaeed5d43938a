"""Items that give only their lines (`- (high) line 22: …`) in a review whose opening names the
one file it is about (`Looking at inventory/stock.py:`): before, each kept no place (its title
led by `line 22:`, or, with no level, no finding at all); now each is at that file's lines.
Also pinned: a numbered item whose only place is in parentheses inside its sentence
(`1. The stub server in the test (tests/test_client.py:8) always answers 200, …`).
Fixtures of `tests/fixtures/reviews/` in our own words, goldens in `test_review_fixtures.py`."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from deepreview.model import AgentReview, Severity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reviews"
C, IMP, S = Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION


def _parse(name: str, known: tuple[str, ...] = ()) -> AgentReview:
    text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    return parse_review(text, seat="s", known_files=known)


def _rows(r: AgentReview) -> list[tuple[Severity, str, tuple[str, ...]]]:
    return [(f.severity, f.title.split(",")[0], tuple(map(str, f.locations))) for f in r.findings]


def test_line_led_items_are_in_the_file_the_opening_names() -> None:
    # (the change holds two files: the opening says which one the review read)
    r = _parse("opening-names-one-file", ("inventory/stock.py", "inventory/orders.py"))
    assert _rows(r) == [
        (C, "`reserve` subtracts before it checks the count", ("inventory/stock.py:22",)),
        (S, "the retry loop sleeps a fixed second; a busy warehouse service is hit again at once by every worker", ("inventory/stock.py:40-44",)),  # noqa: E501
        (IMP, "the reservation is never released when the payment call raises", ("inventory/stock.py:58",)),  # noqa: E501
    ]  # fmt: skip
    assert r.unread_findings == ()
    assert "Nothing else stood out" in r.preamble


def test_an_opening_naming_two_files_guesses_no_place() -> None:
    r = _parse("opening-names-two-files", ("inventory/stock.py", "inventory/orders.py"))
    assert [f.locations for f in r.findings] == [(), ()]
    assert r.findings[0].title.startswith("line 22: ")


def test_a_file_heading_later_ends_the_openings_file() -> None:
    text = (
        "Reviewed `inventory/stock.py`.\n\n"
        "- (high) line 22: `reserve` can take the stock below zero.\n\n"
        "**inventory/orders.py**\n\n"
        "- (low) line 9: the order id can repeat within one second.\n"
    )
    r = parse_review(text, seat="s")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("inventory/stock.py:22",),
        ("inventory/orders.py:9",),
    ]


def test_an_opening_that_adds_more_than_the_file_names_none() -> None:
    for opening in (
        "Reviewed inventory/stock.py and the tests.",
        "Looking at inventory/stock.py, plus its callers:",
        "Looking at `inventory/stock.py` and `inventory/orders.py`:",
    ):
        r = parse_review(f"{opening}\n\n- (high) line 22: `reserve` can go negative.\n", seat="s")
        assert [f.locations for f in r.findings] == [()], opening


def test_a_place_only_in_parentheses_inside_the_items_sentence() -> None:
    # (read since fp66's bare places; before, neither item had a place: pinned here, as the
    # opening names two things and so gives none)
    r = _parse("paren-place-mid-sentence")
    assert [(f.severity, tuple(map(str, f.locations))) for f in r.findings] == [
        (S, ("tests/test_client.py:8",)),
        (IMP, ("sync/client.py:31",)),
    ]
    assert r.findings[0].title.startswith("The stub server in the test")
