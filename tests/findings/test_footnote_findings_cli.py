"""Findings told in Markdown footnotes: the prose marks a problem (`… with `==`[^1], …`) and
the footnote gives its place and level (`[^1]: `a.py:27` — critical. …`). Before, the review
read as no findings at all (its text "unread findings"). Each footnote naming a place and a
problem is one finding, titled by the prose before its mark; its level from its words, else
unrated with a warning; a footnote that only cites (a URL, `see RFC 9110`) stays a note.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.model import Severity
from support.read_findings import (
    level_title_places,
    levels_and_places,
    parsed_by_cli,
    read_fixture,
    titles_of,
)


def test_the_golden_footnote_review_reads_each_placed_footnote() -> None:
    r = read_fixture("footnote-findings")
    assert level_title_places(r) == [
        (
            Severity.CRITICAL,
            "The signature check compares digests with `==`",
            ("hooks/verify.py:27",),
        ),
        (
            Severity.IMPORTANT,
            "Retries re-deliver the same event id without a dedupe table",
            ("hooks/consumer.py:88",),
        ),
        (Severity.SUGGESTION, "The log line prints the raw payload", ("hooks/consumer.py:12",)),
    ]
    assert "unique constraint" in r.findings[1].body
    assert r.unrated == ()


FOOTNOTED = """The cache change mostly works.

The TTL is read once at import[^1], so changing it needs a restart. Keys also ignore the
locale[^2].

[^1]: `app/cache.py` line 40 — should fix before merge.
[^2]: `app/cache.py:72` — the key is missing the locale, so users get the wrong page.
[^3]: See RFC 9111 section 4.2.
"""


def test_footnote_findings_are_read_through_the_command(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, FOOTNOTED)
    assert levels_and_places(parsed) == [
        ("important", "app/cache.py", 40),
        ("important", "app/cache.py", 72),
    ]
    assert titles_of(parsed) == [
        "The TTL is read once at import",
        "Keys also ignore the locale",
    ]
    assert not parsed["unread_findings"]
    # the second footnote gives no level: guessed, and said so
    assert len(parsed["unrated"]) == 1
    assert any("no severity given" in w for w in parsed["warnings"])


CITATIONS_ONLY = """No issues found. The retry policy follows the spec[^1] and matches what the
old client did[^2].

[^1]: See RFC 9110, section 15.5.
[^2]: https://github.com/acme/client/blob/main/net/retry.py#L12
"""


def test_footnotes_that_only_cite_stay_notes(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, CITATIONS_ONLY)
    assert parsed["findings"] == []
    assert not parsed["unread_findings"]


FINDING_WITH_A_FOOTNOTE = """## Findings

### Important

**I1** `cache/store.py:40` — the lock is released before the write[^1], so two writers race.

[^1]: `cache/store.py:40` — blocking; the lock is released before the write is flushed.
"""


def test_a_footnote_placing_a_finding_read_above_adds_none(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, FINDING_WITH_A_FOOTNOTE)
    assert levels_and_places(parsed) == [("important", "cache/store.py", 40)]
