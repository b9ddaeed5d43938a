"""A review that tells its main findings in prose and lists only its lesser ones under a label:
`I found two issues …` + `**1. Title** (`a.py:71`)` paragraphs, then `Minor:` + place-led items.

With no findings section the bold-titled paragraphs with a place are findings (important,
unrated); the `Minor:` label made a Suggestions section, so the prose above it was read as a
preamble and the two main findings vanished. A preamble of plain words above `Minor:` stays
the preamble.
"""

from __future__ import annotations

from support.read_findings import read_findings

_MINOR = (
    "Minor:\n- `feed/fetch.py:8`: `TIMEOUT` is never read.\n- `feed/parse.py:3`: stray print.\n"
)


def test_bold_titled_paragraphs_above_a_minor_list_are_findings() -> None:
    text = (
        "Two problems should be fixed before merging, and a few small things.\n\n"
        "**1. Redirect loop is never broken** (`feed/fetch.py:40`)\n\n"
        "A feed that redirects to itself is fetched until the stack overflows.\n\n"
        "**2. Dates parsed in local time** (`feed/parse.py:61-70`)\n\n"
        "Entries published near midnight land on the wrong day.\n\n" + _MINOR
    )
    got = [(r.level, r.places[0]) for r in read_findings(text)]
    assert got == [
        ("important", ("feed/fetch.py", 40)),
        ("important", ("feed/parse.py", 61)),
        ("suggestion", ("feed/fetch.py", 8)),
        ("suggestion", ("feed/parse.py", 3)),
    ]


def test_a_plain_preamble_above_a_minor_list_stays_the_preamble() -> None:
    text = "The fetcher now follows redirects and parses dates; the change reads well.\n\n" + _MINOR
    assert [r.level for r in read_findings(text)] == ["suggestion", "suggestion"]
