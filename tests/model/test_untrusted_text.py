"""`untrusted_text`: a seat's control characters cleaned once, and the paths a seat cites
checked before git or a SARIF consumer is handed them."""

from __future__ import annotations

from deepreview.consolidate.inputs import SeatReview
from deepreview.model import AgentReview, Finding, Location, Reviewer, Severity
from deepreview.untrusted_text import clean_strings, clean_text, inside_repo, one_line_name


def test_escapes_go_controls_become_visible_tab_and_newline_stay() -> None:
    assert clean_text("\x1b[1;31mred\x1b[0m\tok\n") == "red\tok\n"
    assert clean_text("\x1b]0;owned\x07title") == "title"  # a window-title sequence
    assert clean_text("a\x00b\x07c\x7fd\x9b2Je") == "a\ufffdb\ufffdc\ufffdde"
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert one_line_name("we\nird\t.py") == "we\ufffdird\ufffd.py"


def test_clean_strings_walks_a_review_and_keeps_clean_parts_as_they_are() -> None:
    clean = Finding("I2", Severity.SUGGESTION, "fine", (Location("b.py", 1),))
    dirty = Finding(
        "I1", Severity.IMPORTANT, "bad\x1b[2J", (Location("a\x00.py", 3),), body="x\x00"
    )
    review = AgentReview(seat="bot", findings=(dirty, clean), raw="\x1b[31mraw")
    out = clean_strings(review)
    assert out.raw == "raw"
    assert out.findings[0].title == "bad" and out.findings[0].body == "x\ufffd"
    assert out.findings[0].locations[0].path == "a\ufffd.py"
    assert out.findings[1] is clean
    already = AgentReview(seat="bot", findings=(clean,), raw="ok")
    assert clean_strings(already) is already


def test_a_seat_review_is_cleaned_whichever_way_it_was_built() -> None:
    review = AgentReview(seat="bot", executive_summary="\x00hi")
    sr = SeatReview(Reviewer(seat="bot", name="Bot"), review)
    assert sr.review is not None and sr.review.executive_summary == "\ufffdhi"


def test_inside_repo_accepts_only_paths_inside_the_repository() -> None:
    assert inside_repo("src/a.py") == "src/a.py"
    assert inside_repo("./src//a.py") == "src/a.py"
    assert inside_repo("src/../a.py") == "a.py"
    for bad in ("../../etc/passwd", "/etc/passwd", "src/../../x", "~/.ssh/id", "C:/x", "", "a\nb"):
        assert inside_repo(bad) is None, bad
