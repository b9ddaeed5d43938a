"""Items that give only their lines (`- (high) line 22: …`) in a review whose opening names the
one file it is about (`Looking at inventory/stock.py:`): before, each kept no place (its title
led by `line 22:`, or, with no level, no finding at all); now each is at that file's lines.
Also pinned: a numbered item whose only place is in parentheses inside its sentence
(`1. The stub server in the test (tests/test_client.py:8) always answers 200, …`).
Fixtures of `tests/fixtures/reviews/` in our own words, goldens in `test_review_fixtures.py`."""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.findings import parse_review
from deepreview.model import AgentReview, Severity
from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, write

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


def test_deep_review_reports_the_line_led_items_at_the_openings_file(tmp_path: Path) -> None:
    """Through `deep-review review` of a change of two files: a seat that names its file once
    (`Looking at inventory/stock.py:`) and each problem by its line has its findings there,
    found at the review SHA; the seat that names two files has no guessed place."""
    repo = make_repo(tmp_path)
    stock = "".join(f"stock_line_{n} = {n}\n" for n in range(1, 31))
    write(repo, "inventory/stock.py", stock)
    write(repo, "inventory/orders.py", "ORDER = 1\n")
    commit_all(repo, "inventory")
    one = tmp_path / "one.md"
    one.write_text(
        "Looking at inventory/stock.py:\n\n"
        "- (high) line 22: `reserve` subtracts before it checks the count, so the stock can"
        " go below zero.\n",
        encoding="utf-8",
    )
    two = tmp_path / "two.md"
    two.write_text(
        "Looking at inventory/stock.py and inventory/orders.py:\n\n"
        "- (low) line 9: the order id is built from the clock and can repeat.\n",
        encoding="utf-8",
    )
    fakes = Fakes(tmp_path)
    fakes.write_config(
        {
            "alpha": fakes.seat("ok", "--review-file", str(one)),
            "beta": fakes.seat("ok", "--review-file", str(two)),
        }
    )
    res = fakes.review(repo, "--agents", "alpha,beta", "--lead", "none")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    placed = {f["title"].split(",")[0]: f["locations"] for f in report["findings"]}
    assert placed["`reserve` subtracts before it checks the count"] == [
        {"path": "inventory/stock.py", "start": 22, "end": None}
    ]
    [guess] = [t for t in placed if "order id" in t]
    assert guess.startswith("line 9: ")
    assert placed[guess] == []
