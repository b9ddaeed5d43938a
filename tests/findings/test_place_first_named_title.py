"""A place-first item whose words open with a short name and a colon (`- `a.py:2` — Crash on
lists: `dict(p)` raises …`) is titled by that name, its text the finding's body; before, the
title kept the whole sentence (`Crash on lists: `dict(p)` raises …`), which matching reads.
A sentence after the place (`- `a.py:2` — `dict(p)` raises …`) keeps its first sentence as the
title, and a label (`Note: …`) is no name."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

_LIST = (
    "## Findings\n\n"
    "1. `etl/rows.py:42` — Last row dropped: the loop stops one short of the end.\n"
    "2. `etl/rows.py:3` — Leaked handle: the file is never closed, so every import leaks one.\n"
)


@pytest.mark.parametrize(
    "text",
    [_LIST, _LIST.replace(" — ", ": "), "Some notes:\n\n" + _LIST.split("\n\n", 1)[1]],
    ids=["dash", "colon", "free-form"],
)
def test_the_name_is_the_title(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("Last row dropped", "etl/rows.py:42"),
        ("Leaked handle", "etl/rows.py:3"),
    ]
    assert "one short of the end" in review.findings[0].body


def test_a_sentence_or_a_label_stays_the_title() -> None:
    text = (
        "## Findings\n\n"
        "1. `etl/rows.py:42` — the loop stops one short of the end: every import loses a row.\n"
        "2. `etl/rows.py:3` — Note: `os` is imported and never used.\n"
    )
    titles = [f.title for f in parse_review(text, seat="alpha").findings]
    assert titles[0].startswith("the loop stops one short of the end")
    assert titles[1].startswith("Note: ")
