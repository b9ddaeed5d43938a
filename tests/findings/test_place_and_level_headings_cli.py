"""A finding heading that holds only its place and its level, ``### `a.ts:22` (critical)``,
its words in the paragraphs below. Before, the heading and its text were "unread findings"
(or, after a heading the parser did read, silently the end of that finding's body). The level
is read as a tag before the place is, and the first sentence below is the title. A heading
whose words after the place are no level (``(new file)``) is no finding heading.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.model import Severity
from support.read_findings import level_title_places, parsed_by_cli, read_fixture, titles_of


def test_the_golden_review_reads_each_place_and_level_heading() -> None:
    r = read_fixture("place-and-level-headings")
    assert level_title_places(r)[:2] == [
        (
            Severity.CRITICAL,
            "The size limit is checked after the whole body is read into memory",
            ("media/upload.go:114",),
        ),
        (Severity.SUGGESTION, "Thumbnails are written with mode 0666", ("media/thumbs.go:40-46",)),
    ]
    assert "MaxBytesReader" in r.findings[0].body


HEADINGS = """## Findings

### `api/orders.ts:22` (high severity)

The handler trusts the client-supplied total. An attacker can post any price.

### `api/orders.ts:48` [P1]

The retry loop has no backoff, so it hammers the payment API during an outage.
"""


def test_place_and_level_headings_read_through_the_command(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, HEADINGS)
    assert [f["severity"] for f in parsed["findings"]] == ["critical", "important"]
    assert titles_of(parsed) == [
        "The handler trusts the client-supplied total",
        "The retry loop has no backoff, so it hammers the payment API during an outage",
    ]
    assert not parsed["unread_findings"]


def test_a_place_heading_with_other_words_in_brackets_is_no_level(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, HEADINGS.replace("(high severity)", "(new file)"))
    assert titles_of(parsed) == [
        "The retry loop has no backoff, so it hammers the payment API during an outage"
    ]
