"""Findings a reviewer wrote that the parser lost (fp67), each a fixture of
`tests/fixtures/reviews/` in our own words with its golden (`test_review_fixtures.py`):

- a file's heading (`### src/user.h`, no backticks) followed by items led by their line with
  no level (`- line 4: the include guard is misspelt`): in a review with no findings section
  the heading opened a section of its own and its items were no findings; under a level's
  section (`## Minor`) they were findings text we could not read. Each is now a finding at
  that file's line, at the section's level (else unrated: important, as any finding with
  none); a group of praise stays none;
- a bold title with its place, a level word and more words in one parenthesis
  (`**Title** (a.py:30, high, the loop spins)`): the level was not read and the other words
  were dropped; the level word now sets the level (`(a.py:2, low)` too) and the rest are the
  finding's first words of text. A level word inside a longer phrase is no level, and an
  aside that names more lines of the file stays those lines;
- a counted paragraph with no place (`Finally, there is no test for a failed upload.`) after
  counted paragraphs that are each a finding at its place (`First, …`, `Second, …`): it was
  the review's closing words; it is now a finding with no place. Not an ordinary closing word
  (`Finally, the code is clean …`), nor where another counted paragraph is no finding
  (`First, I ran the tests …`): then the counting is the reviewer's prose;
- a list of items led by a place in code that goes straight on with its sentence, no dash
  (`` 1. `upload/client.py:40` raises a `KeyError` … ``): with no findings section it was
  dropped without a word (no finding, no findings text we could not read); under
  `## Findings` it was unread. Each is a finding at its place, as with the dash; a list of
  places with what the change does there stays prose.
"""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.model import AgentReview, Severity
from support.read_findings import FIXTURES, level_title_places, read_fixture

C, IMP, S = Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION


def test_line_items_under_file_headings_in_a_prose_review() -> None:
    r = read_fixture("file-heading-line-items-prose")
    assert level_title_places(r) == [
        (IMP, "the include guard is misspelt, so the header is pulled in twice", ("src/user.h:4",)),
        (
            IMP,
            "the `age` field is signed but can never be negative; it should be unsigned",
            ("src/user.h:9",),
        ),
        (IMP, "the name buffer is never freed when parsing fails", ("src/user.c:31",)),
    ]
    # unrated: the seat gave them no level (the retro says so)
    assert r.unrated == ("I1", "I2", "I3")
    # the praised file's group is no finding, and stays the review's prose
    assert "clear wording" not in "".join(f.body for f in r.findings)


def test_line_items_under_file_headings_in_level_sections() -> None:
    r = read_fixture("file-heading-line-items-levels")
    assert level_title_places(r) == [
        (C, "the name buffer is never freed when parsing fails", ("src/user.c:31",)),
        (S, "the include guard is misspelt, so the header is pulled in twice", ("src/user.h:4",)),
        (
            S,
            "the `age` field is signed but can never be negative; it should be unsigned",
            ("src/user.h:9",),
        ),
    ]
    assert r.unrated == ()


def test_a_file_heading_of_praise_alone_is_no_finding() -> None:
    text = "I read the header.\n\n### src/user.h\n\n- line 4: clear names, easy to follow.\n"
    r = parse_review(text, seat="s")
    assert r.findings == ()
    assert r.unread_findings == ()


def test_a_heading_of_words_is_no_file() -> None:
    # (`### Notes` is a heading of words: its line-led items name no file to place them in)
    text = "I read the header.\n\n### Notes\n\n- line 4: the include guard is misspelt.\n"
    r = parse_review(text, seat="s")
    assert all(not f.locations or f.locations[0].path != "Notes" for f in r.findings)


def test_a_level_and_words_beside_the_place_in_parentheses() -> None:
    r = read_fixture("bold-title-place-level-aside")
    assert level_title_places(r) == [
        (C, "Poller busy-waits", ("jobs/poll.py:30",)),
        (S, "Stale import", ("jobs/poll.py:2",)),
        # `high-water mark`: no level word of its own, the finding stays unrated
        (IMP, "High-water mark never reset", ("jobs/queue.py:41",)),
        (IMP, "Retry counter reused", ("jobs/retry.py:12", "jobs/retry.py:19")),
    ]
    assert r.findings[0].body.startswith("the loop spins without sleeping\n")
    assert "tight loop" in r.findings[0].body
    assert r.findings[2].body.startswith("the high-water mark is kept across runs")
    assert r.unrated == ("I1", "I2")


def test_the_same_in_list_items() -> None:
    text = (
        "## Findings\n\n"
        "- **Poller busy-waits** (jobs/poll.py:30, high, the loop spins without sleeping)\n"
        "- **Stale import** (jobs/poll.py:2, low)\n"
    )
    r = parse_review(text, seat="s")
    assert level_title_places(r) == [
        (C, "Poller busy-waits", ("jobs/poll.py:30",)),
        (S, "Stale import", ("jobs/poll.py:2",)),
    ]
    assert r.findings[0].body == "the loop spins without sleeping"


def _text(r: AgentReview) -> str:
    return "\n".join([r.preamble, *(f"{o.title}\n{o.body}" for o in r.other_sections)])


def test_a_placeless_counted_paragraph_after_counted_findings() -> None:
    r = read_fixture("counted-paragraphs-placeless-last")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("upload/client.py:40",),
        ("upload/chunks.py:12",),
        (),
    ]
    last = r.findings[2]
    assert (last.severity, last.title) == (IMP, "There is no test for a failed upload")
    assert last.body == "The new tests only cover the happy path."
    assert "no test for a failed upload" not in _text(r)  # not kept as closing words too


def test_an_ordinary_closing_word_is_no_finding() -> None:
    r = read_fixture("counted-paragraphs-closing-words")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("upload/client.py:40",),
        ("upload/chunks.py:12",),
    ]
    assert "the code is clean otherwise" in _text(r)


def test_not_when_another_counted_paragraph_is_no_finding() -> None:
    r = read_fixture("counted-paragraphs-not-all-findings")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("upload/chunks.py:12",),
        ("upload/client.py:40",),
    ]


def test_place_then_sentence_items_are_findings() -> None:
    r = read_fixture("place-then-sentence-items")
    assert level_title_places(r) == [
        (
            IMP,
            "raises a `KeyError` when the server leaves out the retry header",
            ("upload/client.py:40",),
        ),
        (IMP, "divides by zero when the chunk size is set to 0", ("upload/chunks.py:12",)),
    ]
    under = parse_review(
        "## Findings\n\n" + (FIXTURES / "place-then-sentence-items.md").read_text(encoding="utf-8"),
        seat="s",
    )
    assert level_title_places(under) == level_title_places(r)


def test_places_with_what_the_change_does_stay_prose() -> None:
    r = read_fixture("place-then-sentence-items-described")
    assert r.findings == ()
